package io.github.insignia.openbadges.signing.dataintegrity;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.signing.verify.BoundKey;
import io.github.insignia.openbadges.signing.verify.IssuerKeys;
import io.github.insignia.openbadges.signing.verify.ProofFailure;
import io.github.insignia.openbadges.signing.verify.VerificationPolicy;
import io.github.insignia.openbadges.signing.verify.ProofVerificationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.InvalidSignatureException;
import io.github.insignia.openbadges.signing.ProofWarning;
import io.github.insignia.openbadges.signing.Signer;
import io.github.insignia.openbadges.signing.VerificationMethod;
import io.github.insignia.openbadges.signing.internal.Base58;
import io.github.insignia.openbadges.signing.internal.EcCurve;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.signing.internal.Jcs;
import io.github.insignia.openbadges.signing.keys.Multikey;
import io.github.insignia.openbadges.signing.keys.VerificationKey;
import io.github.insignia.openbadges.signing.rdf.CanonicalizationException;
import io.github.insignia.openbadges.signing.rdf.RdfCanonicalizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Data Integrity proofs: sign a JSON-LD credential with {@code eddsa-rdfc-2022} (or {@code
 * ecdsa-rdfc-2019}, {@code eddsa-jcs-2022}), and verify those, selective disclosure {@code
 * ecdsa-sd-2023} proofs (derived and base; made with {@link SelectiveDisclosure}), the legacy {@code
 * eddsa-2022} and {@code Ed25519Signature2020} (both with a warning), single proofs, proof sets and
 * proof chains.
 *
 * <p>The bytes signed are {@code SHA-256(RDFC-1.0(proof config)) ‖ SHA-256(RDFC-1.0(document
 * without proof))}, where the proof config is the proof without {@code proofValue} and with the
 * document's {@code @context}. Canonicalization uses only the contexts of the {@link
 * RdfCanonicalizer} (pinned by default) in safe mode.
 *
 * <p>Immutable and thread-safe: build one and share it (the canonicalizer keeps processed contexts).
 * {@code verify} throws {@link InvalidSignatureException} with a stable code; see {@code
 * docs/signing.md}.
 */
public final class DataIntegrity {
  private final RdfCanonicalizer canonicalizer;
  /** The same options with RDFC-1.0 hashing by SHA-384, for {@code ecdsa-rdfc-2019} with P-384 keys. */
  private final RdfCanonicalizer canonicalizer384;

  private DataIntegrity(RdfCanonicalizer canonicalizer) {
    this.canonicalizer = canonicalizer;
    this.canonicalizer384 = EcdsaRdfc2019.sha384Canonicalizer(canonicalizer);
  }

  private volatile SelectiveDisclosure selectiveDisclosure;

  private SelectiveDisclosure selectiveDisclosure() {
    SelectiveDisclosure sd = selectiveDisclosure;
    if (sd == null) {
      sd = SelectiveDisclosure.create(this);
      selectiveDisclosure = sd;
    }
    return sd;
  }

  /** The canonicalizer this instance uses. */
  RdfCanonicalizer canonicalizer() {
    return canonicalizer;
  }

  /** The canonicalizer for {@code keyType} under {@code suite} (RDFC-1.0 with SHA-384 for P-384 ECDSA keys). */
  RdfCanonicalizer canonicalizer(Cryptosuite suite, KeyType keyType) {
    return usesSha384(suite, keyType) ? canonicalizer384 : canonicalizer;
  }

  /** An Ed25519 did:key (a public key only) that {@link #prepareKeys()} decodes. */
  private static final String PREPARATION_DID_KEY = "did:key:z6MkipzSPNdsjmY1a6paPKztCLaWFR3vijYujBuuBE87Go2y";

  /**
   * Does now the one-off key work of a JVM's first {@code eddsa-rdfc-2022} verification: decodes
   * an Ed25519 did:key (the JDK's EdDSA key factory and its security providers) and runs Bouncy
   * Castle's Ed25519 verification once (its precomputed tables) on a signature that cannot hold.
   * Judges nothing and changes no result; for {@code BadgeVerifier.prepare()}, which a host calls
   * on a start-up thread. Thread-safe; never throws for its own input.
   */
  public static void prepareKeys() {
    VerificationKey key = io.github.insignia.openbadges.signing.keys.Keys.parsePublicKey(PREPARATION_DID_KEY);
    // R = the key's own point, S = 0: well-formed, so the whole verification runs, and false.
    byte[] signature = java.util.Arrays.copyOf(key.rawBytes(), 64);
    try {
      key.verify(new byte[32], signature);
    } catch (ProofVerificationException expected) {
      // the only possible outcome
    }
  }

  /** With the default canonicalizer (pinned contexts, safe mode, work limits). */
  public static DataIntegrity create() {
    return new DataIntegrity(RdfCanonicalizer.create());
  }

  /** With a canonicalizer configured by the host (its own extra contexts, limits). */
  public static DataIntegrity create(RdfCanonicalizer canonicalizer) {
    return new DataIntegrity(Objects.requireNonNull(canonicalizer, "canonicalizer"));
  }

  // ---------------------------------------------------------------- signing

  /**
   * Returns a copy of {@code document} with a new proof: the only proof, or appended to the
   * existing ones (a proof set; with {@link ProofOptions#previousProof()} a chain).
   */
  public ObjectNode sign(JsonNode document, Signer signer, ProofOptions options) {
    requireDocument(document);
    ObjectNode signed = withDataIntegrityContext(document);
    ObjectNode proof = createProof(signed, signer, options);
    JsonNode existing = signed.get("proof");
    if (existing == null) {
      signed.set("proof", proof);
    } else {
      ArrayNode proofs = SafeJson.nodeFactory().arrayNode();
      if (existing.isArray()) {
        proofs.addAll((ArrayNode) existing);
      } else {
        proofs.add(existing);
      }
      proofs.add(proof);
      signed.set("proof", proofs);
    }
    return signed;
  }

  private static final String V1_CONTEXT = "https://www.w3.org/2018/credentials/v1";
  private static final String DI_CONTEXT = "https://w3id.org/security/data-integrity/v2";

  /**
   * A copy of the document; a VCDM 1.1 document whose contexts do not define Data Integrity terms
   * gets {@code https://w3id.org/security/data-integrity/v2} appended (the VC 2.0 context defines
   * them already), as the Data Integrity specification asks of a signer.
   */
  static ObjectNode withDataIntegrityContext(JsonNode document) {
    ObjectNode copy = (ObjectNode) document.deepCopy();
    JsonNode context = copy.get("@context");
    if (context == null || !context.isArray() || context.isEmpty() || !V1_CONTEXT.equals(context.get(0).asText())) {
      return copy;
    }
    for (JsonNode c : context) {
      String url = c.asText("");
      if (url.startsWith("https://w3id.org/security/data-integrity/")) {
        return copy;
      }
    }
    ((com.fasterxml.jackson.databind.node.ArrayNode) context).add(DI_CONTEXT);
    return copy;
  }

  /** Creates the proof object only (the document is not modified). */
  public ObjectNode createProof(JsonNode document, Signer signer, ProofOptions options) {
    requireDocument(document);
    Objects.requireNonNull(signer, "signer");
    Cryptosuite suite = options.cryptosuite().orElseGet(() -> Cryptosuite.forSigning(signer.keyType()));
    if (!suite.accepts(signer.keyType())) {
      throw new ConfigurationException(SigningErrorCode.CRYPTOSUITE_KEY_MISMATCH,
          suite + " cannot sign with a " + signer.keyType() + " key");
    }
    ObjectNode proof = SafeJson.nodeFactory().objectNode();
    options.id().ifPresent(v -> proof.put("id", v));
    proof.put("type", suite.proofType());
    options.created().ifPresent(v -> proof.put("created", v.toString()));
    options.expires().ifPresent(v -> proof.put("expires", v.toString()));
    proof.put("verificationMethod", options.verificationMethod());
    suite.cryptosuiteName().ifPresent(v -> proof.put("cryptosuite", v));
    proof.put("proofPurpose", options.proofPurpose());
    options.challenge().ifPresent(v -> proof.put("challenge", v));
    options.domain().ifPresent(v -> proof.put("domain", v));
    if (options.previousProof().size() == 1) {
      proof.put("previousProof", options.previousProof().get(0));
    } else if (!options.previousProof().isEmpty()) {
      ArrayNode previous = proof.putArray("previousProof");
      options.previousProof().forEach(previous::add);
    }
    byte[] hashData = hashData(document, proof, options.previousProof(), suite, signer.keyType());
    proof.put("proofValue", "z" + Base58.encode(signer.sign(hashData)));
    return proof;
  }

  /**
   * The 64 bytes a proof signs: SHA-256 of the canonical proof config, then of the canonical
   * document (exposed for tests and for hosts that audit).
   */
  public byte[] hashData(JsonNode document, JsonNode proofWithoutValue, List<String> previousProof) {
    return hashData(document, proofWithoutValue, previousProof, Cryptosuite.EDDSA_RDFC_2022);
  }

  /** As {@link #hashData(JsonNode, JsonNode, List)} with the canonicalization of {@code suite}. */
  public byte[] hashData(JsonNode document, JsonNode proofWithoutValue, List<String> previousProof, Cryptosuite suite) {
    return hashData(document, proofWithoutValue, previousProof, suite, suite.keyType());
  }

  /**
   * As {@link #hashData(JsonNode, JsonNode, List, Cryptosuite)} for a key of {@code keyType}: with
   * {@code ecdsa-rdfc-2019} and a P-384 key, both hashes (and RDFC-1.0's own) are SHA-384 (96 bytes).
   */
  public byte[] hashData(JsonNode document, JsonNode proofWithoutValue, List<String> previousProof, Cryptosuite suite,
      KeyType keyType) {
    return concat(digest(canonicalize(proofConfig(document, proofWithoutValue), suite, keyType), suite, keyType),
        digest(canonicalize(unsecured(document, previousProof), suite, keyType), suite, keyType));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** The canonical N-Quads of a proof config (the proof without {@code proofValue}, with the document's context). */
  public String canonicalProofConfig(JsonNode document, JsonNode proof) {
    return canonicalize(proofConfig(document, proof), Cryptosuite.EDDSA_RDFC_2022);
  }

  /** The canonical N-Quads of the document without its proofs. */
  public String canonicalDocument(JsonNode document) {
    return canonicalize(unsecured(document, List.of()), Cryptosuite.EDDSA_RDFC_2022);
  }

  // ---------------------------------------------------------------- verification

  /**
   * A verifier that binds every proof's key to the document's issuer through {@code keys} (the key
   * a {@code verificationMethod} names counts only when the issuer publishes it) and applies {@code
   * policy} (proof purpose, clock and skew for {@code created}/{@code expires}, accepted key types).
   * Immutable and thread-safe.
   */
  public Verifier verifier(IssuerKeys keys, VerificationPolicy policy) {
    return new Verifier(this, Objects.requireNonNull(keys, "keys"), Objects.requireNonNull(policy, "policy"));
  }

  /** Verifies Data Integrity proofs with issuer-bound keys. Immutable and thread-safe. */
  public static final class Verifier {
    private final DataIntegrity dataIntegrity;
    private final IssuerKeys keys;
    private final VerificationPolicy policy;
    private final Expectations expectations;

    private Verifier(DataIntegrity dataIntegrity, IssuerKeys keys, VerificationPolicy policy) {
      this.dataIntegrity = dataIntegrity;
      this.keys = keys;
      this.policy = policy;
      this.expectations = new Expectations(policy.proofPurpose(), Optional.empty(), Optional.empty(), policy.clock(),
          policy.skew());
    }

    /**
     * Verifies every proof on the document (a proof set: all must verify; one bad proof fails it).
     *
     * @throws ProofVerificationException with its {@link ProofFailure} and stage
     */
    public Verified verify(JsonNode document) {
      String issuer = issuerId(document).orElse(null);
      return dataIntegrity.verifyAll(document, expectations, (vmId, suite) -> {
        if (policy.acceptedKeyTypes().stream().noneMatch(suite::accepts)) {
          throw new ProofVerificationException(ProofFailure.ALGORITHM_REFUSED, SigningErrorCode.KEY_TYPE_NOT_ACCEPTED,
              "the policy does not accept " + suite.keyType() + " keys");
        }
        List<BoundKey> bound = keys.bind(issuer, Optional.of(vmId), Optional.empty(), IssuerKeys.Format.DATA_INTEGRITY, policy);
        List<Keyed> out = new ArrayList<>();
        for (BoundKey b : bound) {
          if (suite.accepts(b.key().keyType()) && policy.acceptedKeyTypes().contains(b.key().keyType())) {
            out.add(new Keyed(b.key().asVerificationMethod(vmId, Optional.of(b.issuerId())), b.key(), b));
          }
        }
        if (out.isEmpty()) {
          throw new ProofVerificationException(ProofFailure.ALGORITHM_MISMATCH, SigningErrorCode.KEY_TYPE_MISMATCH,
              "the issuer's key " + vmId + " is not a " + suite.keyType() + " key, as " + suite + " needs");
        }
        return out;
      });
    }

    /**
     * Verifies the holder's proofs on a Verifiable Presentation (not the credentials inside, which
     * the caller verifies on their own with {@link #verify}): {@code proofPurpose} must be {@code
     * authentication}; {@code challenge} and {@code domain}, when given, must be the proof's; the
     * key must be the holder's. The holder ({@code holder}, or the DID of the proof's key when the
     * presentation names none) must be a {@code did:key} or {@code did:jwk}, which bind offline, or a
     * {@code did:web}, whose document must list the key under {@code authentication} (not merely
     * {@code assertionMethod}) with the DID as controller; a proof by any other key than the
     * holder's is {@link ProofFailure#KEY_NOT_BOUND}, an unobtainable DID document {@link
     * ProofFailure#ISSUER_KEYS_UNAVAILABLE}.
     *
     * @param presentation the presentation, with its proof
     * @param challenge the challenge the verifier gave the holder, if any
     * @param domain the domain the verifier gave the holder, if any
     * @return the verified proofs; {@link VerifiedProof#boundKey()} names the holder as issuer id
     * @throws ProofVerificationException with its {@link ProofFailure} and stage
     */
    public Verified verifyPresentation(JsonNode presentation, Optional<String> challenge, Optional<String> domain) {
      requireDocument(presentation);
      if (!hasType(presentation, "VerifiablePresentation")) {
        throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.PRESENTATION_MALFORMED,
            "not a VerifiablePresentation");
      }
      // A bare string under verifiableCredential (VC 1.1 JWT style) is, to JSON-LD, a relative IRI:
      // no part of the signed graph, so no holder proof could cover it (a signer that dropped it signed
      // a presentation without it). VC 2.0 wraps a JWT in an EnvelopedVerifiableCredential.
      JsonNode credentials = presentation.get("verifiableCredential");
      for (JsonNode vc : credentials == null ? List.<JsonNode>of() : credentials.isArray() ? credentials : List.of(credentials)) {
        if (vc.isTextual()) {
          throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.PRESENTATION_CREDENTIAL_NOT_ENVELOPED,
              "the presentation holds a credential as a bare string, which its Data Integrity proof cannot cover; "
              + "VC 2.0 wraps a JWT in an EnvelopedVerifiableCredential (id data:application/vc+jwt,…)");
        }
      }
      Optional<String> holder = issuerIdOf(presentation.get("holder"));
      Expectations expect = new Expectations("authentication", Objects.requireNonNull(challenge, "challenge"),
          Objects.requireNonNull(domain, "domain"), policy.clock(), policy.skew());
      return dataIntegrity.verifyAll(presentation, expect, (vmId, suite) -> {
        int hash = vmId.indexOf('#');
        String vmDid = hash < 0 ? vmId : vmId.substring(0, hash);
        String holderId = holder.orElse(vmDid);
        if (!holderId.startsWith("did:key:") && !holderId.startsWith("did:jwk:") && !holderId.startsWith("did:web:")) {
          throw new ProofVerificationException(ProofFailure.SUITE_UNSUPPORTED, SigningErrorCode.PRESENTATION_HOLDER_UNSUPPORTED,
              "the holder " + holderId + " is not a did:key, did:jwk or did:web: its authentication keys are not resolved here");
        }
        if (!holderId.equals(vmDid)) {
          throw new ProofVerificationException(ProofFailure.KEY_NOT_BOUND, SigningErrorCode.PRESENTATION_HOLDER_MISMATCH,
              "the presentation is signed by " + vmId + ", not by its holder " + holderId);
        }
        List<Keyed> out = new ArrayList<>();
        for (BoundKey b : keys.bind(holderId, Optional.of(vmId), Optional.empty(), IssuerKeys.Format.DATA_INTEGRITY,
            IssuerKeys.Relationship.AUTHENTICATION, policy)) {
          if (suite.accepts(b.key().keyType()) && policy.acceptedKeyTypes().contains(b.key().keyType())) {
            out.add(new Keyed(b.key().asVerificationMethod(vmId, Optional.of(b.issuerId())), b.key(), b));
          }
        }
        if (out.isEmpty()) {
          throw new ProofVerificationException(ProofFailure.ALGORITHM_MISMATCH, SigningErrorCode.KEY_TYPE_MISMATCH,
              "the holder's key " + vmId + " is not a key " + suite + " uses");
        }
        return out;
      });
    }
  }

  /** A key a proof may be verified with: always one bound to the issuer (or holder) through {@link IssuerKeys}. */
  private record Keyed(VerificationMethod method, VerificationKey key, BoundKey bound) {}

  /** What the one verifier expects of the proofs: from the policy, and for a presentation the holder's challenge and domain. */
  private record Expectations(String proofPurpose, Optional<String> challenge, Optional<String> domain, Clock clock,
      Duration skew) {}

  /** Finds the keys for a proof's verification method (candidates, tried in order). */
  private interface KeyStep {
    List<Keyed> keys(String verificationMethod, Cryptosuite suite);
  }

  private Verified verifyAll(JsonNode document, Expectations expectations, KeyStep keyStep) {
    requireDocument(document);
    JsonNode proofNode = document.get("proof");
    if (proofNode == null || proofNode.isNull() || (proofNode.isArray() && proofNode.isEmpty())) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.PROOF_MISSING, "the document has no proof");
    }
    List<JsonNode> proofs = new ArrayList<>();
    if (proofNode.isArray()) {
      proofNode.forEach(proofs::add);
    } else {
      proofs.add(proofNode);
    }
    Map<String, byte[]> documentHashes = new HashMap<>();
    List<VerifiedProof> verified = new ArrayList<>();
    List<ProofWarning> warnings = new ArrayList<>();
    for (JsonNode proof : proofs) {
      verified.add(verifyOne(document, proof, keyStep, expectations, documentHashes, warnings));
    }
    return new Verified(verified, warnings);
  }

  private VerifiedProof verifyOne(JsonNode document, JsonNode proof, KeyStep keyStep,
      Expectations expectations, Map<String, byte[]> documentHashes, List<ProofWarning> warnings) {
    if (!proof.isObject()) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.PROOF_MALFORMED, "a proof must be a JSON object");
    }
    String type = requiredText(proof, "type");
    JsonNode suiteName = proof.get("cryptosuite");
    if (suiteName != null && !suiteName.isTextual()) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.PROOF_MALFORMED, "cryptosuite must be a string");
    }
    Cryptosuite suite = Cryptosuite.of(type, suiteName == null ? null : suiteName.asText())
        .orElseThrow(() -> new ProofVerificationException(ProofFailure.SUITE_UNSUPPORTED, SigningErrorCode.CRYPTOSUITE_UNSUPPORTED,
            "unsupported proof " + type + (suiteName == null ? "" : " / " + suiteName.asText())));
    String vmId = requiredText(proof, "verificationMethod");
    String purpose = requiredText(proof, "proofPurpose");
    String proofValue = requiredText(proof, "proofValue");
    if (!purpose.equals(expectations.proofPurpose())) {
      throw new ProofVerificationException(ProofFailure.PURPOSE_MISMATCH, SigningErrorCode.PROOF_PURPOSE_MISMATCH,
          "proof purpose " + purpose + " is not the expected " + expectations.proofPurpose());
    }
    if (expectations.challenge().isPresent() && !expectations.challenge().get().equals(proof.path("challenge").asText(null))) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.INVALID_CHALLENGE, "the proof's challenge is not the expected one");
    }
    if (expectations.domain().isPresent() && !domains(proof).contains(expectations.domain().get())) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.INVALID_DOMAIN, "the proof's domain is not the expected one");
    }
    Optional<Instant> created = optionalDate(proof, "created");
    Optional<Instant> expires = optionalDate(proof, "expires");
    Instant now = expectations.clock().instant();
    if (created.isPresent() && created.get().isAfter(now.plus(expectations.skew()))) {
      throw new ProofVerificationException(ProofFailure.PROOF_NOT_YET_VALID, SigningErrorCode.PROOF_CREATED_IN_FUTURE,
          "the proof was created in the future (" + created.get() + ")");
    }
    if (expires.isPresent() && expires.get().isBefore(now)) {
      throw new ProofVerificationException(ProofFailure.PROOF_EXPIRED, SigningErrorCode.PROOF_EXPIRED, "the proof expired at " + expires.get());
    }
    if (suite == Cryptosuite.ECDSA_SD_2023) {
      List<List<Keyed>> found = new ArrayList<>();
      int which = selectiveDisclosure().verify(document, proof, proofValue, () -> {
        found.add(keyStep.keys(vmId, suite));
        return found.get(0).stream().map(Keyed::key).toList();
      });
      Keyed keyed = found.get(0).get(which);
      return new VerifiedProof(proof.deepCopy(), suite, keyed.method(), Optional.of(keyed.bound()));
    }
    byte[] signature;
    try {
      signature = Multikey.decodeMultibase(proofValue);
    } catch (InvalidInputException e) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.PROOF_VALUE_MALFORMED, "proofValue is not multibase base58btc", e);
    }
    if (signature.length != 64 && signature.length != 96) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.PROOF_VALUE_MALFORMED,
          "the signature must have 64 (96 for P-384) bytes, not " + signature.length);
    }
    List<Keyed> candidates = keyStep.keys(vmId, suite);
    List<String> previous = previousProofIds(proof);
    ProofVerificationException last = null;
    for (Keyed keyed : candidates) {
      KeyType keyType = keyed.key().keyType();
      // The length follows the bound key's curve: a 64-byte P-256 signature offered for a P-384 key
      // (or the reverse) is refused before any hashing.
      int expected = suite == Cryptosuite.ECDSA_RDFC_2019 ? EcdsaRdfc2019.signatureLength(keyType) : 64;
      if (signature.length != expected) {
        last = new ProofVerificationException(ProofFailure.SIGNATURE_INVALID, SigningErrorCode.PROOF_VALUE_MALFORMED,
            "a " + keyType + " signature has " + expected + " bytes, not " + signature.length);
        continue;
      }
      byte[] docHash = documentHashes.computeIfAbsent(suite.usesJcs() + " " + usesSha384(suite, keyType) + " " + previous,
          p -> digest(canonicalize(unsecured(document, previous), suite, keyType), suite, keyType));
      byte[] hashData = concat(digest(canonicalize(proofConfig(document, proof), suite, keyType), suite, keyType), docHash);
      try {
        keyed.key().verify(hashData, signature);
        suite.warningCode().ifPresent(code -> warnings.add(new ProofWarning(code,
            "the proof uses the legacy " + suite.cryptosuiteName().orElse(suite.proofType()) + " suite")));
        return new VerifiedProof(proof.deepCopy(), suite, keyed.method(), Optional.of(keyed.bound()));
      } catch (ProofVerificationException e) {
        last = e;
      }
    }
    throw last != null ? last
        : new ProofVerificationException(ProofFailure.KEY_NOT_BOUND, SigningErrorCode.KEY_NOT_FOUND, "no key for " + vmId);
  }

  // ---------------------------------------------------------------- helpers

  private static boolean usesSha384(Cryptosuite suite, KeyType keyType) {
    // ecdsa-sd-2023 follows the issuer key's curve as ecdsa-rdfc-2019 does (W3C vc-di-ecdsa, Algorithms).
    return (suite == Cryptosuite.ECDSA_RDFC_2019 || suite == Cryptosuite.ECDSA_SD_2023) && EcdsaRdfc2019.usesSha384(keyType);
  }

  private static byte[] digest(String canonical, Cryptosuite suite, KeyType keyType) {
    return usesSha384(suite, keyType) ? EcCurve.P384.hash(canonical.getBytes(StandardCharsets.UTF_8)) : sha256(canonical);
  }

  String canonicalize(JsonNode node, Cryptosuite suite) {
    return canonicalize(node, suite, suite.keyType());
  }

  /** As {@link #canonicalize(JsonNode, Cryptosuite)}, RDFC-1.0 hashing with the hash of {@code keyType}'s curve. */
  String canonicalize(JsonNode node, Cryptosuite suite, KeyType keyType) {
    try {
      return suite.usesJcs() ? Jcs.canonicalize(node)
          : usesSha384(suite, keyType) ? canonicalizer384.canonicalize(node) : canonicalizer.canonicalize(node);
    } catch (InvalidSignatureException e) {
      throw e;
    } catch (InvalidInputException e) {
      // A context this verifier does not hold cannot be judged; anything else the canonicalizer
      // refuses (an undefined term, a relative IRI) means the signed data cannot be rebuilt.
      ProofFailure failure = e.errorCode() == SigningErrorCode.JSONLD_CONTEXT_NOT_PINNED
          ? ProofFailure.CONTEXT_UNAVAILABLE : ProofFailure.DOCUMENT_ALTERED;
      throw new ProofVerificationException(failure, e.errorCode(), "the document cannot be canonicalized: " + e.getMessage(), e);
    }
  }

  private static void requireDocument(JsonNode document) {
    if (document == null || !document.isObject()) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.DOCUMENT_INVALID, "a secured document must be a JSON object");
    }
  }

  /** The document without proofs, or with exactly the chained-to proofs. Shares children, never mutates them. */
  static ObjectNode unsecured(JsonNode document, List<String> previousProof) {
    ObjectNode copy = SafeJson.nodeFactory().objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = document.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().equals("proof")) {
        copy.set(e.getKey(), e.getValue());
      }
    }
    if (!previousProof.isEmpty()) {
      JsonNode all = document.get("proof");
      ArrayNode matching = SafeJson.nodeFactory().arrayNode();
      for (String id : previousProof) {
        JsonNode found = null;
        for (JsonNode p : all == null ? List.<JsonNode>of() : all.isArray() ? all : List.of(all)) {
          if (id.equals(p.path("id").asText(null))) {
            found = p;
          }
        }
        if (found == null) {
          throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.PREVIOUS_PROOF_MISSING, "the chained-to proof " + id + " is not on the document");
        }
        matching.add(found);
      }
      copy.set("proof", matching.size() == 1 ? matching.get(0) : matching);
    }
    return copy;
  }

  static ObjectNode proofConfig(JsonNode document, JsonNode proof) {
    ObjectNode config = SafeJson.nodeFactory().objectNode();
    JsonNode context = document.get("@context");
    if (context != null) {
      config.set("@context", context);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = proof.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().equals("proofValue") && !e.getKey().equals("@context")) {
        config.set(e.getKey(), e.getValue());
      }
    }
    return config;
  }

  private static List<String> previousProofIds(JsonNode proof) {
    JsonNode previous = proof.get("previousProof");
    if (previous == null) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode id : previous.isArray() ? previous : List.of(previous)) {
      if (!id.isTextual()) {
        throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.PROOF_MALFORMED, "previousProof must be a string or a list of strings");
      }
      ids.add(id.asText());
    }
    return List.copyOf(ids);
  }

  private static List<String> domains(JsonNode proof) {
    JsonNode domain = proof.get("domain");
    List<String> out = new ArrayList<>();
    if (domain != null) {
      for (JsonNode d : domain.isArray() ? domain : List.of(domain)) {
        out.add(d.asText());
      }
    }
    return out;
  }

  private static String requiredText(JsonNode proof, String member) {
    JsonNode value = proof.get(member);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.PROOF_MALFORMED, "the proof has no " + member);
    }
    return value.asText();
  }

  private static Optional<Instant> optionalDate(JsonNode proof, String member) {
    JsonNode value = proof.get(member);
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value.asText()).toInstant());
    } catch (DateTimeParseException e) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.PROOF_MALFORMED, member + " is not an XML Schema dateTime");
    }
  }

  static Optional<String> issuerId(JsonNode document) {
    return issuerIdOf(document.get("issuer"));
  }

  /** The id of a string or an object with a string {@code id}. */
  static Optional<String> issuerIdOf(JsonNode issuer) {
    if (issuer == null) {
      return Optional.empty();
    }
    JsonNode id = issuer.isTextual() ? issuer : issuer.get("id");
    return id != null && id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
  }

  private static boolean hasType(JsonNode document, String type) {
    JsonNode types = document.get("type");
    if (types == null) {
      return false;
    }
    for (JsonNode t : types.isArray() ? types : List.of(types)) {
      if (type.equals(t.asText())) {
        return true;
      }
    }
    return false;
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- value types

  /**
   * One proof that verified.
   *
   * @param proof the proof object
   * @param cryptosuite its suite
   * @param verificationMethod the key that verified it
   * @param boundKey how the key is bound to the issuer (or, for a presentation, the holder); always
   *     present when the verifier returns it
   */
  public record VerifiedProof(JsonNode proof, Cryptosuite cryptosuite, VerificationMethod verificationMethod,
      Optional<BoundKey> boundKey) {
    /** Checks for nulls. */
    public VerifiedProof {
      Objects.requireNonNull(boundKey, "boundKey");
    }
  }

  /**
   * The outcome of a successful verification: every proof verified.
   *
   * @param proofs the proofs, in document order
   * @param warnings legacy suites and the like
   */
  public record Verified(List<VerifiedProof> proofs, List<ProofWarning> warnings) {
    /** Copies the lists. */
    public Verified {
      proofs = List.copyOf(proofs);
      warnings = List.copyOf(warnings);
    }
  }
}
