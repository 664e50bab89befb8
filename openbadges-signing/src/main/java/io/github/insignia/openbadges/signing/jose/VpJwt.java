package io.github.insignia.openbadges.signing.jose;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.signing.verify.BoundKey;
import io.github.insignia.openbadges.signing.verify.IssuerKeys;
import io.github.insignia.openbadges.signing.verify.ProofFailure;
import io.github.insignia.openbadges.signing.verify.ProofVerificationException;
import io.github.insignia.openbadges.signing.verify.VerificationPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A Verifiable Presentation secured as a JWT, the holder's proof of a wallet's export: W3C
 * VC-JOSE-COSE {@code vp+jwt} (the payload IS the presentation) or a VC-JWT presentation ({@code
 * typ} JWT or absent, the presentation in a {@code vp} claim, the holder in {@code iss}). Only the
 * holder's signature is judged here: the credentials inside are verified on their own by the caller.
 *
 * <p>The holder ({@code holder}, else {@code iss}) must be a {@code did:key}, {@code did:jwk} or
 * {@code did:web} (whose DID document lists the key under {@code authentication}), and {@code kid}
 * a key of that DID; {@code challenge} is compared with {@code nonce} and {@code
 * domain} with {@code aud} when the caller gives them; {@code nbf}/{@code exp} are checked.
 */
public final class VpJwt {
  private final IssuerKeys keys;
  private final VerificationPolicy policy;

  private VpJwt(IssuerKeys keys, VerificationPolicy policy) {
    this.keys = keys;
    this.policy = policy;
  }

  /** A verifier binding the holder's key through {@code keys} under {@code policy}. Immutable and thread-safe. */
  public static VpJwt verifier(IssuerKeys keys, VerificationPolicy policy) {
    return new VpJwt(Objects.requireNonNull(keys, "keys"), Objects.requireNonNull(policy, "policy"));
  }

  /**
   * A verified presentation.
   *
   * @param presentation the presentation (the payload, or its {@code vp} claim)
   * @param holder the holder the signing key is bound to
   * @param boundKey the holder's key that verified
   * @param vcJoseCose whether the token is {@code vp+jwt}
   */
  public record Verified(JsonNode presentation, String holder, BoundKey boundKey, boolean vcJoseCose) {
    /** Checks for nulls. */
    public Verified {
      Objects.requireNonNull(presentation, "presentation");
      Objects.requireNonNull(holder, "holder");
      Objects.requireNonNull(boundKey, "boundKey");
    }
  }

  /**
   * Verifies the holder's signature on a presentation JWT.
   *
   * @throws ProofVerificationException with its {@link ProofFailure} and stage
   */
  public Verified verify(String compact, Optional<String> challenge, Optional<String> domain) {
    CompactJws token = CompactJws.parse(compact, policy.limits());
    String typ = VcJwt.text(token.header, "typ").map(t -> t.toLowerCase(Locale.ROOT).replaceFirst("^application/", "")).orElse("jwt");
    boolean joseCose = typ.equals("vp+jwt");
    if (!joseCose && !typ.equals("jwt")) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.JWT_TYP_MISMATCH,
          "a presentation JWT has typ vp+jwt, JWT or none, not " + typ);
    }
    JsonNode payload = token.payloadJson(policy.limits(), SigningErrorCode.JWT_PAYLOAD_INVALID);
    JsonNode presentation = joseCose ? payload : payload.get("vp");
    if (presentation == null || !presentation.isObject() || !VcJwt.hasType(presentation, "VerifiablePresentation")) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.PRESENTATION_MALFORMED,
          joseCose ? "a vp+jwt payload must be a VerifiablePresentation" : "the JWT carries no vp claim with a VerifiablePresentation");
    }
    Optional<String> holder = VcJwt.text(presentation, "holder").or(() -> presentation.path("holder").isObject()
        ? VcJwt.text(presentation.get("holder"), "id") : Optional.empty()).or(() -> VcJwt.text(payload, "iss"));
    Optional<String> kid = VcJwt.text(token.header, "kid");
    if (kid.isEmpty()) {
      throw new ProofVerificationException(ProofFailure.KEY_MISSING, SigningErrorCode.JWS_KID_MISSING, "the presentation JWT names no kid");
    }
    String kidDid = kid.get().contains("#") ? kid.get().substring(0, kid.get().indexOf('#')) : kid.get();
    String holderId = holder.orElse(kidDid);
    if (!holderId.startsWith("did:key:") && !holderId.startsWith("did:jwk:") && !holderId.startsWith("did:web:")) {
      throw new ProofVerificationException(ProofFailure.SUITE_UNSUPPORTED, SigningErrorCode.PRESENTATION_HOLDER_UNSUPPORTED,
          "the holder " + holderId + " is not a did:key, did:jwk or did:web: its authentication keys are not resolved here");
    }
    if (!holderId.equals(kidDid) || VcJwt.text(payload, "iss").filter(iss -> !iss.equals(holderId)).isPresent()) {
      throw new ProofVerificationException(ProofFailure.KEY_NOT_BOUND, SigningErrorCode.PRESENTATION_HOLDER_MISMATCH,
          "the presentation is signed by " + kid.get() + ", not by its holder " + holderId);
    }
    if (!policy.acceptedKeyTypes().contains(token.algorithm.keyType())) {
      throw new ProofVerificationException(ProofFailure.ALGORITHM_REFUSED, SigningErrorCode.KEY_TYPE_NOT_ACCEPTED,
          "the policy does not accept " + token.algorithm + " signatures");
    }
    List<BoundKey> bound = keys.bind(holderId, kid, Optional.empty(), IssuerKeys.Format.VC_JWT,
        IssuerKeys.Relationship.AUTHENTICATION, policy);
    ProofVerificationException last = new ProofVerificationException(ProofFailure.ALGORITHM_MISMATCH, SigningErrorCode.JWS_ALG_MISMATCH,
        "JWS algorithm " + token.algorithm + " does not match the holder's key");
    for (BoundKey candidate : bound) {
      if (candidate.key().keyType() != token.algorithm.keyType()) {
        continue;
      }
      try {
        token.verify(candidate.key());
      } catch (ProofVerificationException e) {
        last = e;
        continue;
      }
      checkClaims(payload, challenge, domain);
      return new Verified(presentation, holderId, candidate, joseCose);
    }
    throw last;
  }

  private void checkClaims(JsonNode payload, Optional<String> challenge, Optional<String> domain) {
    if (challenge.isPresent() && !challenge.equals(VcJwt.text(payload, "nonce"))) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.PRESENTATION_CHALLENGE_MISMATCH,
          "the presentation's nonce is not the challenge given");
    }
    if (domain.isPresent()) {
      JsonNode aud = payload.get("aud");
      boolean found = false;
      for (JsonNode a : aud == null ? List.<JsonNode>of() : aud.isArray() ? aud : List.of(aud)) {
        found |= domain.get().equals(a.asText());
      }
      if (!found) {
        throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.PRESENTATION_DOMAIN_MISMATCH,
            "the presentation's aud does not name the domain given");
      }
    }
    Instant now = policy.clock().instant();
    JsonNode nbf = payload.get("nbf");
    if (nbf != null && nbf.isNumber() && Instant.ofEpochSecond(nbf.asLong()).isAfter(now.plus(policy.skew()))) {
      throw new ProofVerificationException(ProofFailure.NOT_YET_VALID, SigningErrorCode.JWT_NOT_YET_VALID, "the presentation is not valid yet");
    }
    JsonNode exp = payload.get("exp");
    if (exp != null && exp.isNumber() && Instant.ofEpochSecond(exp.asLong()).isBefore(now.minus(policy.skew()))) {
      throw new ProofVerificationException(ProofFailure.EXPIRED, SigningErrorCode.JWT_EXPIRED, "the presentation expired");
    }
  }
}
