package io.github.insignia.openbadges.signing.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.json.JsonLimits;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.InvalidSignatureException;
import io.github.insignia.openbadges.signing.ProofWarning;
import io.github.insignia.openbadges.signing.Signer;
import io.github.insignia.openbadges.signing.VerificationMethod;
import io.github.insignia.openbadges.signing.VerificationMethodResolver;
import io.github.insignia.openbadges.signing.keys.Keys;
import io.github.insignia.openbadges.signing.keys.VerificationKey;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * OB 3.0 VC-JWT (the OB 3.0 profile of JOSE): sign a credential as a compact JWS, and verify one.
 *
 * <p>Signing emits the OB 3.0 form: header {@code alg} (pinned to the key: EdDSA, ES256, RS256),
 * {@code kid} = the verification method, {@code typ: JWT}; payload = the credential itself plus
 * {@code iss}, {@code jti}, {@code sub}, {@code nbf}, {@code exp} for VCDM 2.0, or those claims
 * around a {@code vc} claim for VCDM 1.1 (chosen from the credential's {@code @context}).
 *
 * <p>Verification ({@link Verifier}) accepts {@code typ} absent, {@code JWT} or {@code vc+jwt};
 * pins the algorithm to the resolved key; refuses {@code alg: none}, HMAC and every other
 * algorithm, header {@code jku}/{@code x5u}/{@code x5c}, and a header {@code jwk} unless the caller
 * trusts it; and checks that the JWT claims agree with the credential. Error codes are listed in
 * {@code docs/signing.md}.
 */
public final class VcJwt {
  private static final String V1_CONTEXT = "https://www.w3.org/2018/credentials/v1";
  private static final Set<String> REGISTERED = Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti");

  private static final ObjectMapper WRITER = new ObjectMapper();

  private VcJwt() {}

  /** The VC data model a credential follows. */
  public enum DataModel {
    /** VCDM 1.1: payload claims around a {@code vc} claim; {@code issuanceDate}/{@code expirationDate}. */
    V1_1,
    /** VCDM 2.0: the credential is the payload; {@code validFrom}/{@code validUntil}. */
    V2_0
  }

  /**
   * Signs a credential with {@code typ: JWT}.
   *
   * @param credential the credential (with an embedded Data Integrity proof already, if any)
   * @param signer the issuer's signer; its key type fixes {@code alg}
   * @param kid the verification method id, written as {@code kid}
   */
  public static String sign(JsonNode credential, Signer signer, String kid) {
    return sign(credential, signer, kid, Optional.of("JWT"));
  }

  /** Signs with the given {@code typ} (empty: no typ). */
  public static String sign(JsonNode credential, Signer signer, String kid, Optional<String> typ) {
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(kid, "kid");
    return CompactJws.sign(signer, Optional.of(kid), typ, payload(credential));
  }

  /** The JWT payload bytes for a credential (exposed for hosts that sign with their own JOSE stack). */
  public static byte[] payload(JsonNode credential) {
    if (credential == null || !credential.isObject()) {
      throw new InvalidInputException("CREDENTIAL_INVALID", "a credential must be a JSON object");
    }
    DataModel model = dataModelOf(credential);
    if (model == DataModel.V2_0) {
      for (String claim : REGISTERED) {
        if (credential.has(claim)) {
          throw new InvalidInputException(
              "CREDENTIAL_CLAIM_CONFLICT", "the credential has a top-level '" + claim + "' member, a JWT claim name");
        }
      }
    }
    // Streamed, not copied: signing cost should be the signature's, not the JSON tree's.
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try (JsonGenerator gen = WRITER.createGenerator(out)) {
      gen.writeStartObject();
      if (model == DataModel.V1_1) {
        gen.writeFieldName("vc");
        WRITER.writeTree(gen, credential);
      } else {
        for (Iterator<Map.Entry<String, JsonNode>> it = credential.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          gen.writeFieldName(e.getKey());
          WRITER.writeTree(gen, e.getValue());
        }
      }
      Optional<String> iss = issuerId(credential);
      if (iss.isPresent()) {
        gen.writeStringField("iss", iss.get());
      }
      Optional<String> jti = text(credential, "id");
      if (jti.isPresent()) {
        gen.writeStringField("jti", jti.get());
      }
      List<String> subjects = subjectIds(credential);
      if (!subjects.isEmpty()) {
        gen.writeStringField("sub", subjects.get(0));
      }
      Optional<Instant> nbf = date(credential, model == DataModel.V1_1 ? "issuanceDate" : "validFrom");
      if (nbf.isPresent()) {
        gen.writeNumberField("nbf", nbf.get().getEpochSecond());
      }
      Optional<Instant> exp = date(credential, model == DataModel.V1_1 ? "expirationDate" : "validUntil");
      if (exp.isPresent()) {
        gen.writeNumberField("exp", exp.get().getEpochSecond());
      }
      gen.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** VCDM 1.1 when the first context is the 2018 one, else 2.0. */
  public static DataModel dataModelOf(JsonNode credential) {
    JsonNode context = credential.get("@context");
    JsonNode first = context != null && context.isArray() ? context.get(0) : context;
    return first != null && V1_CONTEXT.equals(first.asText()) ? DataModel.V1_1 : DataModel.V2_0;
  }

  /** A verifier builder; the resolver finds the key the {@code kid} names. */
  public static Verifier.Builder verifier(VerificationMethodResolver resolver) {
    return new Verifier.Builder(resolver);
  }

  /**
   * The outcome of a successful verification.
   *
   * @param credential the credential (payload without the JWT claims, or the {@code vc} claim)
   * @param header the JOSE header
   * @param payload the whole payload
   * @param verificationMethod the key that verified
   * @param dataModel the data model of the payload
   * @param warnings what was accepted leniently (missing OB 3.0 claims, typ {@code vc+jwt}, …)
   */
  public record Verified(JsonNode credential, JsonNode header, JsonNode payload, VerificationMethod verificationMethod,
      DataModel dataModel, List<ProofWarning> warnings) {
    /** Copies the warnings. */
    public Verified {
      warnings = List.copyOf(warnings);
    }
  }

  /** Verifies VC-JWTs. Immutable and thread-safe. */
  public static final class Verifier {
    private final VerificationMethodResolver resolver;
    private final Predicate<VerificationKey> trustedHeaderJwk;
    private final Clock clock;
    private final Duration clockSkew;
    private final boolean requireKeyControlledByIssuer;
    private final boolean strictClaims;
    private final JsonLimits limits;

    private Verifier(Builder b) {
      this.resolver = b.resolver;
      this.trustedHeaderJwk = b.trustedHeaderJwk;
      this.clock = b.clock;
      this.clockSkew = b.clockSkew;
      this.requireKeyControlledByIssuer = b.requireKeyControlledByIssuer;
      this.strictClaims = b.strictClaims;
      this.limits = b.limits;
    }

    /**
     * Verifies a VC-JWT.
     *
     * @throws InvalidSignatureException with a stable code when it does not verify
     * @throws io.github.insignia.openbadges.signing.KeyResolutionException when the key cannot be found
     */
    public Verified verify(String jwt) {
      return verify(jwt, null);
    }

    /**
     * Verifies a VC-JWT that must carry exactly {@code expectedCredential} (for example the
     * credential that came beside it); {@code JWS_PAYLOAD_MISMATCH} otherwise.
     */
    public Verified verify(String jwt, JsonNode expectedCredential) {
      CompactJws jws = CompactJws.parse(jwt, limits);
      List<ProofWarning> warnings = new ArrayList<>();
      checkTyp(jws, warnings);
      VerificationMethod method = key(jws);
      VerificationKey key;
      try {
        key = VerificationKey.of(method);
      } catch (InvalidInputException e) {
        throw new InvalidSignatureException(e.code(), "the verification key is not usable: " + e.getMessage(), e);
      }
      jws.verify(key);
      JsonNode payload = jws.payloadJson(limits, "JWT_PAYLOAD_INVALID");
      if (!payload.isObject()) {
        throw new InvalidSignatureException("JWT_PAYLOAD_INVALID", "the JWT payload is not a JSON object");
      }
      DataModel model;
      ObjectNode credential;
      JsonNode vc = payload.get("vc");
      if (vc != null) {
        if (!vc.isObject()) {
          throw new InvalidSignatureException("JWT_PAYLOAD_INVALID", "the vc claim is not an object");
        }
        model = DataModel.V1_1;
        credential = (ObjectNode) vc;
      } else {
        model = DataModel.V2_0;
        // A shallow copy: the payload tree was parsed here and is not shared with anyone else.
        credential = SafeJson.nodeFactory().objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (!REGISTERED.contains(e.getKey())) {
            credential.set(e.getKey(), e.getValue());
          }
        }
      }
      if (!credential.has("@context") || !credential.has("type")) {
        throw new InvalidSignatureException("JWT_PAYLOAD_INVALID", "the JWT payload carries no credential");
      }
      CompactJws.requireSamePayload(credential, expectedCredential);
      checkClaims(payload, credential, model, warnings);
      checkController(method, credential);
      return new Verified(credential, jws.header, payload, method, model, warnings);
    }

    private void checkTyp(CompactJws jws, List<ProofWarning> warnings) {
      Optional<String> typ = jws.typ();
      if (typ.isEmpty()) {
        return;
      }
      String t = typ.get().toLowerCase(Locale.ROOT);
      if (t.startsWith("application/")) {
        t = t.substring("application/".length());
      }
      if (t.equals("vc+jwt")) {
        warnings.add(new ProofWarning("JWT_TYP_VC_JWT", "typ vc+jwt (VC-JOSE-COSE) accepted; OB 3.0 says JWT"));
      } else if (!t.equals("jwt")) {
        throw new InvalidSignatureException("JWT_TYP_INVALID", "JWT typ must be absent, JWT or vc+jwt, not " + typ.get());
      }
    }

    private VerificationMethod key(CompactJws jws) {
      JsonNode jwk = jws.header.get("jwk");
      VerificationKey headerKey = null;
      if (jwk != null) {
        if (jwk.has("d") || jwk.has("p") || jwk.has("k")) {
          throw new InvalidSignatureException("JWS_HEADER_KEY_UNTRUSTED", "the header jwk carries private key material");
        }
        try {
          headerKey = Keys.publicKeyFromJwk(jwk);
        } catch (InvalidInputException e) {
          throw new InvalidSignatureException(e.code(), "the header jwk is not usable: " + e.getMessage(), e);
        }
      }
      Optional<String> kid = jws.kid();
      if (kid.isPresent()) {
        VerificationMethod method = resolver.resolve(kid.get());
        if (headerKey != null && !headerKey.equals(VerificationKey.of(method.publicKey()))) {
          throw new InvalidSignatureException("JWS_HEADER_KEY_UNTRUSTED", "the header jwk is not the key kid names");
        }
        return method;
      }
      if (headerKey == null) {
        throw new InvalidSignatureException("JWS_KID_MISSING", "the JWS header has neither kid nor jwk");
      }
      if (trustedHeaderJwk == null || !trustedHeaderJwk.test(headerKey)) {
        throw new InvalidSignatureException("JWS_HEADER_KEY_UNTRUSTED",
            "the JWS names its own key in a header jwk that the caller does not trust");
      }
      return headerKey.asVerificationMethod("jwk:" + headerKey.thumbprint(), Optional.empty());
    }

    private void checkClaims(JsonNode payload, JsonNode credential, DataModel model, List<ProofWarning> warnings) {
      compare(payload, "iss", issuerId(credential), warnings);
      compare(payload, "jti", text(credential, "id"), warnings);
      List<String> subjects = subjectIds(credential);
      JsonNode sub = payload.get("sub");
      if (sub == null) {
        missing("sub", !subjects.isEmpty(), warnings);
      } else if (!sub.isTextual() || !subjects.contains(sub.asText())) {
        throw new InvalidSignatureException("JWT_CLAIM_MISMATCH", "sub does not equal credentialSubject.id");
      }
      Instant now = clock.instant();
      Optional<Instant> from = date(credential, model == DataModel.V1_1 ? "issuanceDate" : "validFrom");
      Optional<Instant> nbf = numericDate(payload, "nbf");
      if (nbf.isPresent()) {
        if (from.isPresent() && from.get().getEpochSecond() != nbf.get().getEpochSecond()) {
          throw new InvalidSignatureException("JWT_CLAIM_MISMATCH", "nbf does not equal the credential's start date");
        }
        if (nbf.get().isAfter(now.plus(clockSkew))) {
          throw new InvalidSignatureException("JWT_NOT_YET_VALID", "the JWT is not valid before " + nbf.get());
        }
      } else {
        missing("nbf", from.isPresent(), warnings);
      }
      Optional<Instant> until = date(credential, model == DataModel.V1_1 ? "expirationDate" : "validUntil");
      Optional<Instant> exp = numericDate(payload, "exp");
      if (exp.isPresent()) {
        if (until.isPresent() && until.get().getEpochSecond() != exp.get().getEpochSecond()) {
          throw new InvalidSignatureException("JWT_CLAIM_MISMATCH", "exp does not equal the credential's end date");
        }
        if (exp.get().isBefore(now.minus(clockSkew))) {
          throw new InvalidSignatureException("JWT_EXPIRED", "the JWT expired at " + exp.get());
        }
      } else {
        missing("exp", until.isPresent(), warnings);
      }
    }

    private void compare(JsonNode payload, String claim, Optional<String> expected, List<ProofWarning> warnings) {
      JsonNode value = payload.get(claim);
      if (value == null) {
        missing(claim, expected.isPresent(), warnings);
        return;
      }
      if (!value.isTextual() || expected.isEmpty() || !expected.get().equals(value.asText())) {
        throw new InvalidSignatureException("JWT_CLAIM_MISMATCH", claim + " does not agree with the credential");
      }
    }

    private void missing(String claim, boolean expected, List<ProofWarning> warnings) {
      if (!expected) {
        return;
      }
      if (strictClaims) {
        throw new InvalidSignatureException("JWT_CLAIM_MISSING", "the OB 3.0 JWT claim " + claim + " is missing");
      }
      warnings.add(new ProofWarning("JWT_CLAIM_MISSING", "the OB 3.0 JWT claim " + claim + " is missing"));
    }

    private void checkController(VerificationMethod method, JsonNode credential) {
      if (!requireKeyControlledByIssuer || method.controller().isEmpty()) {
        return;
      }
      Optional<String> issuer = issuerId(credential);
      if (issuer.isPresent() && !issuer.get().equals(method.controller().get())) {
        throw new InvalidSignatureException("KEY_CONTROLLER_MISMATCH",
            "the key is controlled by " + method.controller().get() + ", not by the issuer " + issuer.get());
      }
    }

    /** Builds a {@link Verifier}. */
    public static final class Builder {
      private final VerificationMethodResolver resolver;
      private Predicate<VerificationKey> trustedHeaderJwk;
      private Clock clock = Clock.systemUTC();
      private Duration clockSkew = Duration.ofSeconds(60);
      private boolean requireKeyControlledByIssuer = true;
      private boolean strictClaims;
      private JsonLimits limits = JsonLimits.defaults();

      private Builder(VerificationMethodResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
      }

      /** Accept a header {@code jwk} (without {@code kid}) when this predicate trusts the key; default: never. */
      public Builder trustedHeaderJwk(Predicate<VerificationKey> trusted) {
        this.trustedHeaderJwk = trusted;
        return this;
      }

      /** The clock for {@code nbf}/{@code exp}. */
      public Builder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
      }

      /** Tolerance for {@code nbf}/{@code exp}; default 60 s. */
      public Builder clockSkew(Duration value) {
        if (value.isNegative()) {
          throw new ConfigurationException("CLOCK_SKEW_INVALID", "clock skew must not be negative");
        }
        this.clockSkew = value;
        return this;
      }

      /** Whether a key whose controller is known must be controlled by the issuer; default true. */
      public Builder requireKeyControlledByIssuer(boolean value) {
        this.requireKeyControlledByIssuer = value;
        return this;
      }

      /** Missing OB 3.0 claims are errors ({@code JWT_CLAIM_MISSING}) instead of warnings; default false. */
      public Builder strictClaims(boolean value) {
        this.strictClaims = value;
        return this;
      }

      /** Limits for the payload JSON. */
      public Builder limits(JsonLimits value) {
        this.limits = Objects.requireNonNull(value, "limits");
        return this;
      }

      /** The verifier. */
      public Verifier build() {
        return new Verifier(this);
      }
    }
  }

  // ---------------------------------------------------------------- credential accessors

  static Optional<String> issuerId(JsonNode credential) {
    JsonNode issuer = credential.get("issuer");
    if (issuer == null) {
      return Optional.empty();
    }
    if (issuer.isTextual()) {
      return Optional.of(issuer.asText());
    }
    return text(issuer, "id");
  }

  static Optional<String> text(JsonNode node, String member) {
    JsonNode value = node.get(member);
    return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  static List<String> subjectIds(JsonNode credential) {
    JsonNode subject = credential.get("credentialSubject");
    if (subject == null) {
      return Collections.emptyList();
    }
    List<String> ids = new ArrayList<>();
    if (subject.isArray()) {
      subject.forEach(s -> text(s, "id").ifPresent(ids::add));
    } else {
      text(subject, "id").ifPresent(ids::add);
    }
    return ids;
  }

  static Optional<Instant> date(JsonNode credential, String member) {
    Optional<String> text = text(credential, member);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.get()).toInstant());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("CREDENTIAL_DATE_MALFORMED", member + " is not an XML Schema dateTime with offset");
    }
  }

  private static Optional<Instant> numericDate(JsonNode payload, String claim) {
    JsonNode value = payload.get(claim);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 253402300799d) {
      throw new InvalidSignatureException("JWT_CLAIM_MISMATCH", claim + " is not a NumericDate");
    }
    return Optional.of(Instant.ofEpochSecond(value.asLong()));
  }
}
