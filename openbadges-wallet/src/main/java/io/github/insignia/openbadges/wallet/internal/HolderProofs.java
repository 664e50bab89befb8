package io.github.insignia.openbadges.wallet.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.json.JsonLimits;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity;
import io.github.insignia.openbadges.signing.jose.CompactJws;
import io.github.insignia.openbadges.signing.keys.Keys;
import io.github.insignia.openbadges.signing.keys.VerificationKey;
import io.github.insignia.openbadges.signing.verify.BoundKey;
import io.github.insignia.openbadges.signing.verify.IssuerKeys;
import io.github.insignia.openbadges.signing.verify.ProofVerificationException;
import io.github.insignia.openbadges.signing.verify.VerificationPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The wallet's proofs of possession, judged through the signing module: the key a proof names is
 * bound to the holder's DID by {@link IssuerKeys#bind} (did:key and did:jwk offline; other DID
 * methods as the host's {@code IssuerKeys} resolves them), and the signature is checked with that
 * bound key only.
 */
public final class HolderProofs {
  /** The JWT proof's {@code typ}. */
  public static final String PROOF_TYP = "openid4vci-proof+jwt";
  private static final JsonLimits LIMITS = JsonLimits.builder().maxDepth(16).maxDocumentBytes(64 * 1024).build();

  private final IssuerKeys keys;
  private final VerificationPolicy policy;

  /** Over the host's key resolver and policy. */
  public HolderProofs(IssuerKeys keys, VerificationPolicy policy) {
    this.keys = keys;
    this.policy = policy;
  }

  /** Why a proof was refused: {@code nonce} true for a bad nonce (the rest is {@code invalid_proof}). */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean nonce;

    Refused(boolean nonce, String message) {
      super(message, null, false, false);
      this.nonce = nonce;
    }

    /** Whether the nonce was at fault. */
    public boolean nonce() {
      return nonce;
    }
  }

  /**
   * Checks an OpenID4VCI {@code jwt} proof and returns the holder's DID. Order: shape and header,
   * key bound to the DID it names and signature, audience, {@code iat}, and last the nonce (taken
   * only from a proof that is otherwise good, so a forged proof cannot burn a wallet's nonce).
   *
   * @param jwt the proof
   * @param audience the credential issuer identifier
   * @param now the current time
   * @param maxAge how old {@code iat} may be
   * @param skew how far in the future {@code iat} may be
   * @param takeNonce takes a live nonce (true when it was live and is now used)
   * @return the holder DID
   */
  public String checkJwt(String jwt, String audience, Instant now, Duration maxAge, Duration skew,
      Predicate<String> takeNonce) throws Refused {
    CompactJws jws;
    try {
      jws = CompactJws.parse(jwt, LIMITS);
    } catch (OpenBadgesException e) {
      throw new Refused(false, "the proof is not an acceptable JWS: " + e.getMessage());
    }
    JsonNode header = jws.header();
    if (!PROOF_TYP.equals(header.path("typ").asText(null))) {
      throw new Refused(false, "the proof's typ is not " + PROOF_TYP);
    }
    JsonNode kid = header.get("kid");
    JsonNode jwk = header.get("jwk");
    if ((kid == null) == (jwk == null) || header.has("x5c") || header.has("trust_chain")) {
      throw new Refused(false, "the proof header names its key with exactly one of kid (a DID URL) or jwk");
    }
    String did;
    String reference;
    Optional<VerificationKey> carried = Optional.empty();
    if (kid != null) {
      if (!kid.isTextual() || !kid.asText().startsWith("did:")) {
        throw new Refused(false, "the proof's kid is not a DID URL");
      }
      reference = kid.asText();
      int hash = reference.indexOf('#');
      did = hash < 0 ? reference : reference.substring(0, hash);
    } else {
      VerificationKey key;
      try {
        key = Keys.publicKeyFromJwk(jwk);
      } catch (OpenBadgesException e) {
        throw new Refused(false, "the proof's jwk is not a usable public key: " + e.getMessage());
      }
      did = didJwk(key);
      reference = did + "#0";
      carried = Optional.of(key);
    }
    verifyWithBoundKey(jws, did, reference, carried);
    JsonNode claims;
    try {
      claims = jws.payloadJson(LIMITS);
    } catch (OpenBadgesException e) {
      throw new Refused(false, "the proof's claims are not acceptable JSON");
    }
    JsonNode aud = claims.get("aud");
    boolean audOk = aud != null && (aud.isTextual() ? audience.equals(aud.asText()) : contains(aud, audience));
    if (!audOk) {
      throw new Refused(false, "the proof's aud is not this credential issuer (" + audience + ")");
    }
    JsonNode iat = claims.get("iat");
    if (iat == null || !iat.isIntegralNumber()) {
      throw new Refused(false, "the proof has no numeric iat");
    }
    Instant issued = Instant.ofEpochSecond(iat.asLong());
    if (issued.isBefore(now.minus(maxAge)) || issued.isAfter(now.plus(skew))) {
      throw new Refused(false, "the proof's iat " + issued + " is not within " + maxAge + " before now");
    }
    JsonNode nonce = claims.get("nonce");
    if (nonce == null || !nonce.isTextual() || !takeNonce.test(nonce.asText())) {
      throw new Refused(true, "the proof's nonce is not a live c_nonce of this issuer");
    }
    return did;
  }

  private void verifyWithBoundKey(CompactJws jws, String did, String reference, Optional<VerificationKey> carried)
      throws Refused {
    List<BoundKey> bound;
    try {
      bound = keys.bind(did, Optional.of(reference), carried, IssuerKeys.Format.VC_JWT, policy);
    } catch (ProofVerificationException e) {
      throw new Refused(false, "the proof's key is not bound to " + did + ": " + e.getMessage());
    }
    ProofVerificationException last = null;
    for (BoundKey b : bound) {
      try {
        jws.verify(b.key());
        return;
      } catch (ProofVerificationException e) {
        last = e;
      }
    }
    throw new Refused(false, "the proof is not signed by the key it names" + (last == null ? "" : ": " + last.getMessage()));
  }

  /**
   * Checks a VC-API DID authentication: a presentation whose {@code holder} is a DID, with a Data
   * Integrity proof for {@code authentication} over the challenge and domain by a key the DID lists
   * for authentication ({@link DataIntegrity.Verifier#verifyPresentation}). Returns the holder DID.
   */
  public String checkPresentation(JsonNode presentation, String challenge, String domain, DataIntegrity dataIntegrity,
      Instant now) throws Refused {
    if (presentation == null || !presentation.isObject()) {
      throw new Refused(false, "verifiablePresentation is not an object");
    }
    JsonNode holderNode = presentation.get("holder");
    JsonNode holderId = holderNode == null ? null : holderNode.isObject() ? holderNode.get("id") : holderNode;
    if (holderId == null || !holderId.isTextual() || !holderId.asText().startsWith("did:")) {
      throw new Refused(false, "the presentation's holder is not a DID");
    }
    String holder = holderId.asText();
    // The one judge of holder proofs: proofPurpose authentication, the challenge and domain, and a key
    // the holder's DID lists for AUTHENTICATION (did:key, did:jwk offline; did:web's authentication).
    VerificationPolicy at = policy.toBuilder().clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    try {
      dataIntegrity.verifier(keys, at).verifyPresentation(presentation, Optional.of(challenge), Optional.of(domain));
    } catch (ProofVerificationException e) {
      throw new Refused(false, "the presentation's proof does not hold (" + e.failure() + "): " + e.getMessage());
    } catch (OpenBadgesException e) {
      throw new Refused(false, "the presentation's proof does not hold: " + e.getMessage());
    }
    return holder;
  }

  private static boolean contains(JsonNode array, String value) {
    if (!array.isArray()) {
      return false;
    }
    for (JsonNode n : array) {
      if (n.isTextual() && value.equals(n.asText())) {
        return true;
      }
    }
    return false;
  }

  /** {@code did:jwk:} + base64url of the public JWK (members in thumbprint order). */
  public static String didJwk(VerificationKey key) {
    return "did:jwk:" + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(SafeJson.write(key.toJwk()).getBytes(StandardCharsets.UTF_8));
  }
}
