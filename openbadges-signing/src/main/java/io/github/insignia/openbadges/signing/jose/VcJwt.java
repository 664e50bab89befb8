package io.github.insignia.openbadges.signing.jose;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.signing.verify.BoundKey;
import io.github.insignia.openbadges.signing.verify.IssuerKeys;
import io.github.insignia.openbadges.signing.verify.ProofFailure;
import io.github.insignia.openbadges.signing.verify.Provenance;
import io.github.insignia.openbadges.signing.verify.VerificationPolicy;
import io.github.insignia.openbadges.signing.verify.ProofVerificationException;
import io.github.insignia.openbadges.signing.verify.BoundKey;
import io.github.insignia.openbadges.signing.verify.IssuerKeys;
import io.github.insignia.openbadges.signing.verify.ProofFailure;
import io.github.insignia.openbadges.signing.verify.Provenance;
import io.github.insignia.openbadges.signing.verify.VerificationPolicy;
import io.github.insignia.openbadges.signing.verify.ProofVerificationException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.json.JsonLimits;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.InvalidSignatureException;
import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.signing.ProofWarning;
import io.github.insignia.openbadges.signing.Signer;
import io.github.insignia.openbadges.signing.VerificationMethod;
import io.github.insignia.openbadges.signing.jose.internal.DateTimes;
import io.github.insignia.openbadges.signing.jose.internal.JwtPayloadScan;
import io.github.insignia.openbadges.signing.jose.internal.Lazy;
import io.github.insignia.openbadges.signing.jose.internal.FastJsonSink;
import io.github.insignia.openbadges.signing.jose.internal.JsonSink;
import io.github.insignia.openbadges.signing.keys.Keys;
import io.github.insignia.openbadges.signing.keys.VerificationKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
  private static final String V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
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

  /** The {@code typ} of VC-JOSE-COSE secured credentials. */
  public static final String VC_JOSE_COSE_TYP = "vc+jwt";

  /**
   * Secures a VCDM 2.0 credential as W3C VC-JOSE-COSE {@code application/vc+jwt}: header {@code alg}
   * (pinned to the key: EdDSA, ES256, ES384, RS256), {@code kid}, {@code typ: vc+jwt}, {@code cty:
   * vc}; the payload IS the credential, byte for byte its JSON, with no JWT claims added (validity is
   * the credential's {@code validFrom}/{@code validUntil}).
   *
   * @param credential a VCDM 2.0 credential (first {@code @context} {@code
   *     https://www.w3.org/ns/credentials/v2})
   * @param signer the issuer's signer
   * @param kid the verification method id of a key bound to the credential's issuer
   * @throws InvalidInputException {@code VC_JWT_PAYLOAD_INVALID} for a VCDM 1.1 credential
   */
  public static String signVcJoseCose(JsonNode credential, Signer signer, String kid) {
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(kid, "kid");
    if (credential == null || !credential.isObject() || dataModelOf(credential) != DataModel.V2_0
        || !credential.has("@context")) {
      throw new InvalidInputException(SigningErrorCode.VC_JWT_PAYLOAD_INVALID,
          "vc+jwt secures a VCDM 2.0 credential (a JSON object whose first @context is the VC 2.0 context)");
    }
    byte[] payload;
    try {
      payload = WRITER.writeValueAsBytes(credential);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return CompactJws.sign(signer, Optional.of(kid), Optional.of(VC_JOSE_COSE_TYP), Optional.of("vc"), payload);
  }

  /** Whether a JOSE header's {@code typ} is {@code vc+jwt} ({@code application/} prefix tolerated, any case). */
  public static boolean isVcJoseCose(JsonNode header) {
    JsonNode typ = header == null ? null : header.get("typ");
    return typ != null && typ.isTextual() && normalizedTyp(typ.asText()).equals(VC_JOSE_COSE_TYP);
  }

  private static String normalizedTyp(String typ) {
    String t = typ.toLowerCase(Locale.ROOT);
    return t.startsWith("application/") ? t.substring("application/".length()) : t;
  }

  /** The JWT payload bytes for a credential (exposed for hosts that sign with their own JOSE stack). */
  public static byte[] payload(JsonNode credential) {
    if (credential == null || !credential.isObject()) {
      throw new InvalidInputException(SigningErrorCode.CREDENTIAL_INVALID, "a credential must be a JSON object");
    }
    DataModel model = dataModelOf(credential);
    if (model == DataModel.V2_0) {
      for (String claim : REGISTERED) {
        if (credential.has(claim)) {
          throw new InvalidInputException(
              SigningErrorCode.CREDENTIAL_CLAIM_CONFLICT, "the credential has a top-level '" + claim + "' member, a JWT claim name");
        }
      }
    }
    try {
      return payload(credential, model, new FastJsonSink());
    } catch (FastJsonSink.GiveUp unusual) {
      // A node kind or a string the fast writer leaves to Jackson: the same payload, written by it.
      return payload(credential, model, new JsonSink.Jackson(WRITER));
    }
  }

  /** Streamed, not copied: signing cost should be the signature's, not the JSON tree's. */
  private static byte[] payload(JsonNode credential, DataModel model, JsonSink out) {
    out.startObject();
    if (model == DataModel.V1_1) {
      out.fieldName("vc");
      out.tree(credential);
    } else {
      for (Iterator<Map.Entry<String, JsonNode>> it = credential.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.fieldName(e.getKey());
        out.tree(e.getValue());
      }
    }
    Optional<String> iss = issuerId(credential);
    if (iss.isPresent()) {
      out.stringField("iss", iss.get());
    }
    Optional<String> jti = text(credential, "id");
    if (jti.isPresent()) {
      out.stringField("jti", jti.get());
    }
    List<String> subjects = subjectIds(credential);
    if (!subjects.isEmpty()) {
      out.stringField("sub", subjects.get(0));
    }
    Optional<Instant> nbf = date(credential, model == DataModel.V1_1 ? "issuanceDate" : "validFrom");
    if (nbf.isPresent()) {
      out.numberField("nbf", nbf.get().getEpochSecond());
    }
    Optional<Instant> exp = date(credential, model == DataModel.V1_1 ? "expirationDate" : "validUntil");
    if (exp.isPresent()) {
      out.numberField("exp", exp.get().getEpochSecond());
    }
    out.endObject();
    return out.toByteArray();
  }

  /** VCDM 1.1 when the first context is the 2018 one, else 2.0. */
  public static DataModel dataModelOf(JsonNode credential) {
    JsonNode context = credential.get("@context");
    JsonNode first = context != null && context.isArray() ? context.get(0) : context;
    return first != null && V1_CONTEXT.equals(first.asText()) ? DataModel.V1_1 : DataModel.V2_0;
  }

  /**
   * The import verifier: the key must be bound to the credential's issuer through {@code keys}
   * (a {@code kid} selects among the issuer's keys; a header {@code jwk} counts only when it equals
   * one of them, unless {@link VerificationPolicy#acceptUnboundHeaderJwk()}); {@code jku}/{@code
   * x5u}/{@code x5c} are refused; the algorithm is pinned to the bound key; the claims are checked
   * with the policy's clock and skew. Immutable and thread-safe.
   */
  public static Verifier verifier(IssuerKeys keys, VerificationPolicy policy) {
    return new Verifier(Objects.requireNonNull(keys, "keys"), Objects.requireNonNull(policy, "policy"));
  }

  /**
   * The outcome of a successful verification. Immutable and thread-safe: a verifier builds the
   * JSON trees only when first asked for ({@link #credential()}, {@link #payload()}, {@link
   * #header()}), once, so a caller that needs only the verdict does not pay for them.
   */
  public static final class Verified {
    private final VerificationMethod verificationMethod;
    private final DataModel dataModel;
    private final List<ProofWarning> warnings;
    private final Optional<BoundKey> boundKey;
    private final Lazy<JsonNode> credential;
    private final Lazy<JsonNode> header;
    private final Lazy<JsonNode> payload;
    private final boolean vcJoseCose;

    /**
     * A verification outcome.
     *
     * @param credential the credential (payload without the JWT claims, or the {@code vc} claim)
     * @param header the JOSE header
     * @param payload the whole payload
     * @param verificationMethod the key that verified
     * @param dataModel the data model of the payload
     * @param warnings what was accepted leniently (missing OB 3.0 claims, typ {@code vc+jwt}, …)
     */
    public Verified(JsonNode credential, JsonNode header, JsonNode payload, VerificationMethod verificationMethod,
        DataModel dataModel, List<ProofWarning> warnings) {
      this(Lazy.known(credential), Lazy.known(header), Lazy.known(payload), verificationMethod, dataModel, warnings,
          Optional.empty(), isVcJoseCose(header));
    }

    private Verified(Lazy<JsonNode> credential, Lazy<JsonNode> header, Lazy<JsonNode> payload,
        VerificationMethod verificationMethod, DataModel dataModel, List<ProofWarning> warnings,
        Optional<BoundKey> boundKey, boolean vcJoseCose) {
      this.vcJoseCose = vcJoseCose;
      this.boundKey = boundKey;
      this.credential = credential;
      this.header = header;
      this.payload = payload;
      this.verificationMethod = verificationMethod;
      this.dataModel = dataModel;
      this.warnings = List.copyOf(warnings);
    }

    /**
     * The lazy form a verifier returns: the trees are read from the verified payload bytes (which
     * the scan accepted under the same limits) when first asked for; the header, shared with the
     * verifier's cache, is copied before it is handed out.
     */
    static Verified lazy(byte[] payloadBytes, JsonLimits limits, JsonNode payloadTree, JsonNode credentialTree,
        JsonNode sharedHeader, VerificationMethod method, DataModel model, List<ProofWarning> warnings,
        Optional<BoundKey> bound) {
      Lazy<JsonNode> payload = payloadTree != null ? Lazy.known(payloadTree) : Lazy.of(() -> readPayload(payloadBytes, limits));
      Lazy<JsonNode> credential = credentialTree != null ? Lazy.known(credentialTree)
          : Lazy.of(() -> credentialOf(payload.get(), model));
      return new Verified(credential, Lazy.of(sharedHeader::deepCopy), payload, method, model, warnings, bound,
          isVcJoseCose(sharedHeader));
    }

    /** The credential (payload without the JWT claims, or the {@code vc} claim). */
    public JsonNode credential() {
      return credential.get();
    }

    /** The JOSE header. */
    public JsonNode header() {
      return header.get();
    }

    /** The whole payload. */
    public JsonNode payload() {
      return payload.get();
    }

    /** The key that verified. */
    public VerificationMethod verificationMethod() {
      return verificationMethod;
    }

    /**
     * How the key is bound to the issuer (empty when the caller resolved the key itself). Check
     * {@link BoundKey#authenticatesIssuer()}: a header key accepted by policy does not.
     */
    public Optional<BoundKey> boundKey() {
      return boundKey;
    }

    /** The data model of the payload. */
    public DataModel dataModel() {
      return dataModel;
    }

    /**
     * Whether the token is W3C VC-JOSE-COSE {@code application/vc+jwt} (header {@code typ: vc+jwt},
     * the payload is the VCDM 2.0 credential) rather than an OB 3.0 VC-JWT.
     */
    public boolean vcJoseCose() {
      return vcJoseCose;
    }

    /** What was accepted leniently (missing OB 3.0 claims, typ {@code vc+jwt}, …). */
    public List<ProofWarning> warnings() {
      return warnings;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Verified other
          && Objects.equals(credential(), other.credential())
          && Objects.equals(header(), other.header())
          && Objects.equals(payload(), other.payload())
          && Objects.equals(verificationMethod, other.verificationMethod)
          && dataModel == other.dataModel
          && warnings.equals(other.warnings);
    }

    @Override
    public int hashCode() {
      return Objects.hash(credential(), header(), payload(), verificationMethod, dataModel, warnings);
    }

    @Override
    public String toString() {
      return "Verified[credential=" + credential() + ", header=" + header() + ", payload=" + payload()
          + ", verificationMethod=" + verificationMethod + ", dataModel=" + dataModel + ", warnings=" + warnings + "]";
    }
  }

  /** The payload tree; only after {@link JwtPayloadScan} accepted the same bytes under the same limits. */
  private static JsonNode readPayload(byte[] payload, JsonLimits limits) {
    try {
      return SafeJson.read(payload, limits);
    } catch (InvalidInputException e) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.JWT_PAYLOAD_INVALID, "the JWS payload is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** The {@code vc} claim, or (VCDM 2.0) the payload without the registered JWT claims. */
  private static JsonNode credentialOf(JsonNode payload, DataModel model) {
    if (model == DataModel.V1_1) {
      return payload.get("vc");
    }
    // A shallow copy: the payload tree was parsed here and is not shared with anyone else.
    ObjectNode credential = SafeJson.nodeFactory().objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!REGISTERED.contains(e.getKey())) {
        credential.set(e.getKey(), e.getValue());
      }
    }
    return credential;
  }

  /** Verifies VC-JWTs. Immutable and thread-safe. */
  public static final class Verifier {
    private final Clock clock;
    private final Duration clockSkew;
    private final boolean strictClaims;
    private final JsonLimits limits;
    private final IssuerKeys issuerKeys;
    private final VerificationPolicy policy;

    private Verifier(IssuerKeys issuerKeys, VerificationPolicy policy) {
      this.issuerKeys = issuerKeys;
      this.policy = policy;
      this.clock = policy.clock();
      this.clockSkew = policy.skew();
      this.strictClaims = policy.strictClaims();
      this.limits = policy.limits();
    }

    /**
     * Verifies a VC-JWT with a key bound to its issuer.
     *
     * @throws ProofVerificationException with its {@link ProofFailure} and stage when it does not verify
     */
    public Verified verify(String jwt) {
      return verify(jwt, null);
    }

    /**
     * Verifies a VC-JWT that must carry exactly {@code expectedCredential} (for example the
     * credential that came beside it); {@code JWS_PAYLOAD_MISMATCH} otherwise.
     */
    public Verified verify(String jwt, JsonNode expectedCredential) {
      // Shape, size and header checks (accepted headers are remembered there), payload decoded.
      CompactJws token = CompactJws.parse(jwt, limits);
      JsonNode header = token.header;
      List<ProofWarning> warnings = new ArrayList<>(2);
      checkTyp(header, warnings);
      boolean joseCose = isVcJoseCose(header);
      if (joseCose && text(header, "kid").isEmpty()) {
        throw new ProofVerificationException(ProofFailure.KEY_MISSING, SigningErrorCode.VC_JWT_KID_MISSING,
            "a vc+jwt must name the issuer's key in kid");
      }
      return verifyBound(token, expectedCredential, warnings);
    }

    /** The data model the scanned payload follows; {@code JWT_PAYLOAD_INVALID} when it carries no credential. */
    private static DataModel modelOf(JwtPayloadScan scan, boolean joseCose) {
      DataModel model = modelOf(scan);
      // Typ confusion: vc+jwt says the payload IS a VCDM 2.0 credential; an OB 3.0 VC-JWT (a vc
      // claim, or a VCDM 1.1 credential) relabelled vc+jwt is neither format.
      if (joseCose && model != DataModel.V2_0) {
        throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.VC_JWT_PAYLOAD_INVALID,
            "a vc+jwt payload must be a VCDM 2.0 credential, not a vc claim or a VCDM 1.1 credential");
      }
      return model;
    }

    /** A vc+jwt payload's first {@code @context} must be the VC 2.0 one. */
    private static void requireV2Context(JsonNode payload) {
      JsonNode context = payload.get("@context");
      JsonNode first = context != null && context.isArray() ? context.get(0) : context;
      if (first == null || !V2_CONTEXT.equals(first.asText())) {
        throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.VC_JWT_PAYLOAD_INVALID,
            "a vc+jwt payload must be a VCDM 2.0 credential (first @context " + V2_CONTEXT + ")");
      }
    }

    private static DataModel modelOf(JwtPayloadScan scan) {
      if (scan.vcClaim == JwtPayloadScan.OTHER) {
        throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.JWT_PAYLOAD_INVALID, "the vc claim is not an object");
      }
      DataModel model = scan.vcClaim != null ? DataModel.V1_1 : DataModel.V2_0;
      JwtPayloadScan.Credential claimed = model == DataModel.V1_1 ? scan.vc : scan.top;
      if (!claimed.hasContext || !claimed.hasType) {
        throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.JWT_PAYLOAD_INVALID, "the JWT payload carries no credential");
      }
      return model;
    }

    /**
     * The import path: the payload is scanned first (under the limits) to learn who claims to have
     * issued it, the key is bound to that issuer, then the signature is checked with the bound key
     * and the claims after it.
     */
    private Verified verifyBound(CompactJws token, JsonNode expectedCredential, List<ProofWarning> warnings) {
      byte[] payloadBytes = token.payload;
      boolean joseCose = isVcJoseCose(token.header);
      JsonNode payload = JwtPayloadScan.mayHideLongStrings(payloadBytes, limits) ? readPayload(payloadBytes, limits) : null;
      JwtPayloadScan scan = JwtPayloadScan.scan(limits, payloadBytes);
      DataModel model = modelOf(scan, joseCose);
      if (joseCose) {
        payload = payload != null ? payload : readPayload(payloadBytes, limits);
        requireV2Context(payload);
      }
      JwtPayloadScan.Credential claimed = model == DataModel.V1_1 ? scan.vc : scan.top;
      if (!policy.acceptedKeyTypes().contains(token.algorithm.keyType())) {
        throw new ProofVerificationException(ProofFailure.ALGORITHM_REFUSED, SigningErrorCode.KEY_TYPE_NOT_ACCEPTED,
            "the policy does not accept " + token.algorithm + " signatures");
      }
      String issuerId = claimed.issuerId != null ? claimed.issuerId : scan.iss instanceof String iss ? iss : null;
      List<BoundKey> candidates = boundKeys(token, issuerId);
      BoundKey used = null;
      ProofVerificationException last = null;
      for (BoundKey candidate : candidates) {
        try {
          token.verify(candidate.key());
          used = candidate;
          break;
        } catch (ProofVerificationException e) {
          last = e;
        }
      }
      if (used == null) {
        throw last;
      }
      JsonNode credential = null;
      if (expectedCredential != null) {
        payload = payload != null ? payload : readPayload(payloadBytes, limits);
        credential = credentialOf(payload, model);
        CompactJws.requireSamePayload(credential, expectedCredential);
      }
      checkClaims(scan, claimed, model, warnings, joseCose);
      String id = text(token.header, "kid").orElse(used.id());
      VerificationMethod method = used.key().asVerificationMethod(id,
          used.authenticatesIssuer() ? Optional.of(used.issuerId()) : Optional.empty());
      return Verified.lazy(payloadBytes, limits, payload, credential, token.header, method, model, warnings,
          Optional.of(used));
    }

    /** The issuer's keys the header selects, of the header algorithm's key type. */
    private List<BoundKey> boundKeys(CompactJws token, String issuerId) {
      Optional<VerificationKey> carried = Optional.ofNullable(token.headerKey);
      Optional<String> kid = text(token.header, "kid");
      if (kid.isEmpty() && carried.isEmpty()) {
        throw new ProofVerificationException(ProofFailure.KEY_MISSING, SigningErrorCode.JWS_KID_MISSING, "the JWS header has neither kid nor jwk");
      }
      List<BoundKey> bound;
      try {
        bound = issuerKeys.bind(issuerId, kid, carried, IssuerKeys.Format.VC_JWT, policy);
      } catch (ProofVerificationException e) {
        boolean unbound = e.failure() == ProofFailure.KEY_NOT_BOUND || e.failure() == ProofFailure.ISSUER_KEYS_UNAVAILABLE;
        if (carried.isEmpty() || !unbound || !policy.acceptUnboundHeaderJwk()) {
          throw e;
        }
        // The host chose to take the header key at its word (OB 3.0 allows it): not authenticated.
        return List.of(new BoundKey("jwk:" + carried.get().thumbprint(), carried.get(), issuerId == null ? "" : issuerId,
            Provenance.UNBOUND_HEADER_JWK, Optional.empty()));
      }
      List<BoundKey> typed = new ArrayList<>(bound.size());
      for (BoundKey b : bound) {
        if (b.key().keyType() == token.algorithm.keyType()) {
          typed.add(b);
        }
      }
      if (typed.isEmpty()) {
        throw new ProofVerificationException(ProofFailure.ALGORITHM_MISMATCH, SigningErrorCode.JWS_ALG_MISMATCH,
            "JWS algorithm " + token.algorithm + " does not match the issuer's " + bound.get(0).key().keyType() + " key");
      }
      return typed;
    }

    private void checkTyp(JsonNode header, List<ProofWarning> warnings) {
      Optional<String> typ = text(header, "typ");
      if (typ.isEmpty()) {
        return;
      }
      String t = normalizedTyp(typ.get());
      if (t.equals(VC_JOSE_COSE_TYP)) {
        // VC-JOSE-COSE: a cty, when present, must say the content is a credential (not vp, not ld+json).
        Optional<String> cty = text(header, "cty");
        if (cty.isPresent() && !normalizedTyp(cty.get()).equals("vc")) {
          throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.JWT_TYP_MISMATCH,
              "a vc+jwt must have cty vc (or none), not " + cty.get());
        }
      } else if (!t.equals("jwt")) {
        throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.JWT_TYP_INVALID, "JWT typ must be absent, JWT or vc+jwt, not " + typ.get());
      }
    }

    private void checkClaims(JwtPayloadScan scan, JwtPayloadScan.Credential credential, DataModel model,
        List<ProofWarning> warnings, boolean joseCose) {
      // vc+jwt: JWT claims are optional (the payload is the credential); any present must agree, and
      // validity comes from validFrom/validUntil when nbf/exp are absent.
      List<ProofWarning> lenient = joseCose ? new ArrayList<>() : warnings;
      boolean strict = strictClaims && !joseCose;
      // VCDM 1.1 §6.3.1: a property the vc claim leaves out is carried by its registered claim
      // instead (iss → issuer, jti → id, sub → credentialSubject.id); one present must agree.
      boolean claimsFillIn = model == DataModel.V1_1;
      compare("iss", scan.iss, credential.issuerId, claimsFillIn, lenient, strict);
      compare("jti", scan.jti, credential.id, claimsFillIn, lenient, strict);
      List<String> subjects = credential.subjectIds;
      if (scan.sub == null) {
        missing("sub", !subjects.isEmpty(), lenient, strict);
      } else if (!subjects.contains(scan.sub) && !(claimsFillIn && subjects.isEmpty())) {
        throw new ProofVerificationException(ProofFailure.CLAIMS_MISMATCH, SigningErrorCode.JWT_CLAIM_MISMATCH, "sub does not equal credentialSubject.id");
      }
      Instant now = clock.instant();
      Optional<Instant> from = model == DataModel.V1_1
          ? date(credential.issuanceDate, "issuanceDate") : date(credential.validFrom, "validFrom");
      Optional<Instant> nbf = numericDate(scan.nbf, "nbf");
      if (nbf.isPresent()) {
        if (from.isPresent() && from.get().getEpochSecond() != nbf.get().getEpochSecond()) {
          throw new ProofVerificationException(ProofFailure.CLAIMS_MISMATCH, SigningErrorCode.JWT_CLAIM_MISMATCH, "nbf does not equal the credential's start date");
        }
        if (nbf.get().isAfter(now.plus(clockSkew))) {
          throw new ProofVerificationException(ProofFailure.NOT_YET_VALID, SigningErrorCode.JWT_NOT_YET_VALID, "the JWT is not valid before " + nbf.get());
        }
      } else {
        missing("nbf", from.isPresent(), lenient, strict);
        if (joseCose && from.isPresent() && from.get().isAfter(now.plus(clockSkew))) {
          throw new ProofVerificationException(ProofFailure.NOT_YET_VALID, SigningErrorCode.JWT_NOT_YET_VALID, "the credential is not valid before " + from.get());
        }
      }
      Optional<Instant> until = model == DataModel.V1_1
          ? date(credential.expirationDate, "expirationDate") : date(credential.validUntil, "validUntil");
      Optional<Instant> exp = numericDate(scan.exp, "exp");
      if (exp.isPresent()) {
        if (until.isPresent() && until.get().getEpochSecond() != exp.get().getEpochSecond()) {
          throw new ProofVerificationException(ProofFailure.CLAIMS_MISMATCH, SigningErrorCode.JWT_CLAIM_MISMATCH, "exp does not equal the credential's end date");
        }
        if (exp.get().isBefore(now.minus(clockSkew))) {
          throw new ProofVerificationException(ProofFailure.EXPIRED, SigningErrorCode.JWT_EXPIRED, "the JWT expired at " + exp.get());
        }
      } else {
        missing("exp", until.isPresent(), lenient, strict);
        if (joseCose && until.isPresent() && until.get().isBefore(now.minus(clockSkew))) {
          throw new ProofVerificationException(ProofFailure.EXPIRED, SigningErrorCode.JWT_EXPIRED, "the credential expired at " + until.get());
        }
      }
    }

    /** {@code value}: absent (null), the claim's string, or {@link JwtPayloadScan#OTHER}. */
    private void compare(String claim, Object value, String expected, boolean claimFillsIn, List<ProofWarning> warnings,
        boolean strict) {
      if (value == null) {
        missing(claim, expected != null, warnings, strict);
      } else if (expected == null ? !(claimFillsIn && value instanceof String) : !expected.equals(value)) {
        throw new ProofVerificationException(ProofFailure.CLAIMS_MISMATCH, SigningErrorCode.JWT_CLAIM_MISMATCH, claim + " does not agree with the credential");
      }
    }

    private void missing(String claim, boolean expected, List<ProofWarning> warnings, boolean strict) {
      if (!expected) {
        return;
      }
      if (strict) {
        throw new ProofVerificationException(ProofFailure.CLAIM_MISSING, SigningErrorCode.JWT_CLAIM_MISSING, "the OB 3.0 JWT claim " + claim + " is missing");
      }
      warnings.add(new ProofWarning("JWT_CLAIM_MISSING", "the OB 3.0 JWT claim " + claim + " is missing"));
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

  /** Whether {@code type} (a string or an array) holds {@code type}. */
  static boolean hasType(JsonNode node, String type) {
    JsonNode types = node.get("type");
    for (JsonNode t : types == null ? List.<JsonNode>of() : types.isArray() ? types : List.of(types)) {
      if (type.equals(t.asText())) {
        return true;
      }
    }
    return false;
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
    return date(text(credential, member).orElse(null), member);
  }

  /** {@code text} (null: absent) as an instant; {@code CREDENTIAL_DATE_MALFORMED} when it is not a date-time with offset. */
  private static Optional<Instant> date(String text, String member) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(DateTimes.parse(text));
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(SigningErrorCode.CREDENTIAL_DATE_MALFORMED, member + " is not an XML Schema dateTime with offset");
    }
  }

  /** {@code value}: absent (null), a Number as the scan read it, or {@link JwtPayloadScan#OTHER}. */
  private static Optional<Instant> numericDate(Object value, String claim) {
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Number number) || number.doubleValue() < 0 || number.doubleValue() > 253402300799d) {
      throw new ProofVerificationException(ProofFailure.CLAIMS_MISMATCH, SigningErrorCode.JWT_CLAIM_MISMATCH, claim + " is not a NumericDate");
    }
    return Optional.of(Instant.ofEpochSecond(number.longValue()));
  }
}
