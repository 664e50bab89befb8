package io.github.insignia.openbadges.signing.dataintegrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.Signer;
import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.signing.internal.Base58;
import io.github.insignia.openbadges.signing.internal.Cbor;
import io.github.insignia.openbadges.signing.internal.Crypto;
import io.github.insignia.openbadges.signing.internal.EcCurve;
import io.github.insignia.openbadges.signing.internal.JsonLdSelection;
import io.github.insignia.openbadges.signing.internal.NQuadLines;
import io.github.insignia.openbadges.signing.keys.Multikey;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.signing.keys.VerificationKey;
import io.github.insignia.openbadges.signing.rdf.CanonicalDataset;
import io.github.insignia.openbadges.signing.rdf.RdfCanonicalizer;
import io.github.insignia.openbadges.signing.verify.ProofFailure;
import io.github.insignia.openbadges.signing.verify.ProofVerificationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Selective disclosure with the W3C {@code ecdsa-sd-2023} cryptosuite: the issuer signs a
 * <em>base proof</em> ({@link #sign}) that it hands to the holder; the holder <em>derives</em> a
 * proof that discloses only some claims ({@link #derive}); a verifier checks either with {@link
 * DataIntegrity} like any other Data Integrity proof (the issuer's key bound to the issuer the same
 * way).
 *
 * <p>The base proof signs each canonical statement separately with a proof-scoped P-256 key, and
 * the mandatory statements (chosen by JSON pointers) together with the issuer's P-256 or P-384 key
 * (every hash, the HMAC and RDFC-1.0 then use that key's SHA-256 or SHA-384); blank nodes
 * are relabeled with an HMAC so that a disclosure does not reveal how many there were. The base
 * proof carries the HMAC key: it is for the holder, not for verifiers.
 *
 * <p>Immutable and thread-safe.
 */
public final class SelectiveDisclosure {
  /** The longest proofValue read (characters); bigger is refused before decoding. */
  static final int MAX_PROOF_VALUE_CHARS = 4 << 20;
  private static final byte[] BASE_HEADER = {(byte) 0xd9, 0x5d, 0x00};
  private static final byte[] DERIVED_HEADER = {(byte) 0xd9, 0x5d, 0x01};
  private static final byte[] P256_MULTIKEY = {(byte) 0x80, 0x24};
  private static final Cryptosuite SUITE = Cryptosuite.ECDSA_SD_2023;

  private final DataIntegrity dataIntegrity;
  /**
   * The curve of the issuer key this instance hashes for: the proof hash, the mandatory hash, the
   * HMAC and RDFC-1.0 all use that curve's hash (SHA-256 for P-256, SHA-384 for P-384). The
   * proof-scoped key is P-256 whatever the issuer's curve.
   */
  private final EcCurve curve;

  private SelectiveDisclosure(DataIntegrity dataIntegrity, EcCurve curve) {
    this.dataIntegrity = dataIntegrity;
    this.curve = curve;
  }

  /** This instance for an issuer key on {@code other} (package-private for the vector tests). */
  SelectiveDisclosure on(EcCurve other) {
    return other == curve ? this : new SelectiveDisclosure(dataIntegrity, other);
  }

  /** The curve whose signatures are {@code length} bytes, or null. */
  private static EcCurve curveOfSignature(int length) {
    for (EcCurve c : EcCurve.values()) {
      if (2 * c.size() == length) {
        return c;
      }
    }
    return null;
  }

  private String canonicalize(JsonNode node) {
    return dataIntegrity.canonicalize(node, SUITE, curve.keyType());
  }

  private RdfCanonicalizer canonicalizer() {
    return dataIntegrity.canonicalizer(SUITE, curve.keyType());
  }

  private byte[] hash(String text) {
    return curve.hash(text.getBytes(StandardCharsets.UTF_8));
  }

  /** With the default canonicalizer (pinned contexts, safe mode, limits). */
  public static SelectiveDisclosure create() {
    return new SelectiveDisclosure(DataIntegrity.create(), EcCurve.P256);
  }

  /** With the canonicalizer of {@code dataIntegrity} (a host's extra contexts, limits). */
  public static SelectiveDisclosure create(DataIntegrity dataIntegrity) {
    return new SelectiveDisclosure(Objects.requireNonNull(dataIntegrity, "dataIntegrity"), EcCurve.P256);
  }

  // ---------------------------------------------------------------- issuer: base proof

  /**
   * Returns a copy of {@code document} with an {@code ecdsa-sd-2023} base proof, signed with the
   * issuer's P-256 or P-384 key (hashing with SHA-256 or SHA-384 to match); {@code mandatoryPointers}
   * (JSON pointers such as {@code /issuer}) select the claims every derived proof must disclose. A
   * fresh HMAC key (as long as the hash) and P-256 proof-scoped key are drawn.
   *
   * @throws ConfigurationException {@code SD_KEY_TYPE_UNSUPPORTED} for a key that is neither P-256 nor P-384
   * @throws InvalidInputException {@code SD_POINTER_INVALID}, {@code SD_DOCUMENT_UNSUPPORTED}, or a
   *     canonicalization code
   */
  public ObjectNode sign(JsonNode document, Signer issuerKey, ProofOptions options, List<String> mandatoryPointers) {
    EcCurve issuerCurve = EcCurve.of(Objects.requireNonNull(issuerKey, "issuerKey").keyType());
    byte[] hmacKey = new byte[issuerCurve == null ? 32 : issuerCurve.size()];
    Crypto.random().nextBytes(hmacKey);
    return sign(document, issuerKey, options, mandatoryPointers, hmacKey, SigningKey.generate(KeyType.P256));
  }

  /** As {@link #sign(JsonNode, Signer, ProofOptions, List)} with a given HMAC key and proof-scoped key (tests, vectors). */
  ObjectNode sign(JsonNode document, Signer issuerKey, ProofOptions options, List<String> mandatoryPointers,
      byte[] hmacKey, SigningKey proofKey) {
    Objects.requireNonNull(issuerKey, "issuerKey");
    Objects.requireNonNull(options, "options");
    EcCurve issuerCurve = EcCurve.of(issuerKey.keyType());
    if (issuerCurve == null || proofKey.keyType() != KeyType.P256) {
      throw new ConfigurationException(SigningErrorCode.SD_KEY_TYPE_UNSUPPORTED,
          "ecdsa-sd-2023 signs with a P-256 or P-384 issuer key and a P-256 proof-scoped key, not " + issuerKey.keyType());
    }
    if (hmacKey.length != issuerCurve.size()) {
      throw new ConfigurationException(SigningErrorCode.SD_KEY_TYPE_UNSUPPORTED,
          "the HMAC key must be as long as the " + issuerCurve + " hash (" + issuerCurve.size() + " bytes)");
    }
    return on(issuerCurve).signOnCurve(document, issuerKey, options, mandatoryPointers, hmacKey, proofKey);
  }

  private ObjectNode signOnCurve(JsonNode document, Signer issuerKey, ProofOptions options, List<String> mandatoryPointers,
      byte[] hmacKey, SigningKey proofKey) {
    if (document == null || !document.isObject()) {
      throw new InvalidInputException(SigningErrorCode.SD_DOCUMENT_UNSUPPORTED, "the document must be a JSON object");
    }
    if (document.has("proof")) {
      throw new InvalidInputException(SigningErrorCode.SD_DOCUMENT_UNSUPPORTED,
          "the document already has a proof; an ecdsa-sd-2023 base proof is the only proof");
    }
    ObjectNode signed = DataIntegrity.withDataIntegrityContext(document);
    ObjectNode proof = signed.objectNode();
    options.id().ifPresent(v -> proof.put("id", v));
    proof.put("type", SUITE.proofType());
    proof.put("cryptosuite", SUITE.cryptosuiteName().orElseThrow());
    options.created().ifPresent(v -> proof.put("created", v.toString()));
    options.expires().ifPresent(v -> proof.put("expires", v.toString()));
    proof.put("verificationMethod", options.verificationMethod());
    proof.put("proofPurpose", options.proofPurpose());
    options.challenge().ifPresent(v -> proof.put("challenge", v));
    options.domain().ifPresent(v -> proof.put("domain", v));

    byte[] proofHash = hash(canonicalize(DataIntegrity.proofConfig(signed, proof)));
    List<String> mandatoryList = List.copyOf(mandatoryPointers);
    Grouped grouped = group(signed, hmacLabels(hmacKey), List.of(mandatoryList));
    Set<Integer> mandatory = grouped.matching().get(0);
    StringBuilder mandatoryText = new StringBuilder();
    List<Object> signatures = new ArrayList<>();
    for (int i = 0; i < grouped.nquads().size(); i++) {
      String quad = grouped.nquads().get(i);
      if (mandatory.contains(i)) {
        mandatoryText.append(quad);
      } else {
        signatures.add(proofKey.sign(quad.getBytes(StandardCharsets.UTF_8)));
      }
    }
    byte[] publicKey = Multikey.decodeMultibase(proofKey.publicKey().publicKeyMultibase());
    byte[] baseSignature = issuerKey.sign(concat(proofHash, publicKey, hash(mandatoryText.toString())));
    List<Object> components = List.of(baseSignature, publicKey, hmacKey.clone(), signatures, List.copyOf(mandatoryList));
    proof.put("proofValue", "u" + Crypto.b64u(concat(BASE_HEADER, Cbor.encode(components))));
    signed.set("proof", proof);
    return signed;
  }

  // ---------------------------------------------------------------- holder: derived proof

  /**
   * The holder's disclosure: a new document with the mandatory claims, the claims {@code
   * selectivePointers} select, and a derived proof that a verifier checks with the issuer's key.
   *
   * @throws InvalidInputException {@code SD_BASE_PROOF_REQUIRED} when {@code signed} carries no
   *     ecdsa-sd-2023 base proof, {@code SD_PROOF_VALUE_MALFORMED}, {@code SD_POINTER_INVALID},
   *     {@code SD_DOCUMENT_UNSUPPORTED}
   */
  public ObjectNode derive(JsonNode signed, List<String> selectivePointers) {
    JsonNode proof = signed == null ? null : signed.get("proof");
    if (proof == null || !proof.isObject() || !"ecdsa-sd-2023".equals(proof.path("cryptosuite").asText())
        || !proof.path("proofValue").isTextual()) {
      throw new InvalidInputException(SigningErrorCode.SD_BASE_PROOF_REQUIRED, "the document has no single ecdsa-sd-2023 proof");
    }
    byte[] raw = decodeProofValue(proof.get("proofValue").asText());
    if (!startsWith(raw, BASE_HEADER)) {
      throw new InvalidInputException(SigningErrorCode.SD_BASE_PROOF_REQUIRED, "the proof is a derived proof, not a base proof");
    }
    BaseProof base = parseBase(raw);
    // The holder is not judging the proof: the base signature's length names the issuer's curve.
    return on(curveOfSignature(base.baseSignature().length)).deriveOnCurve(signed, proof, base, selectivePointers);
  }

  private ObjectNode deriveOnCurve(JsonNode signed, JsonNode proof, BaseProof base, List<String> selectivePointers) {
    ObjectNode unsecured = DataIntegrity.unsecured(signed, List.of());
    Set<String> combinedSet = new LinkedHashSet<>(base.mandatoryPointers());
    combinedSet.addAll(selectivePointers);
    List<String> combined = List.copyOf(combinedSet);
    Grouped grouped = group(unsecured, hmacLabels(base.hmacKey()),
        List.of(base.mandatoryPointers(), List.copyOf(selectivePointers), combined));
    Set<Integer> mandatory = grouped.matching().get(0);
    Set<Integer> selective = grouped.matching().get(1);
    List<Object> mandatoryIndexes = new ArrayList<>();
    int relative = 0;
    for (int absolute : grouped.matching().get(2)) {
      if (mandatory.contains(absolute)) {
        mandatoryIndexes.add(relative);
      }
      relative++;
    }
    List<Object> filtered = new ArrayList<>();
    int index = 0;
    for (byte[] signature : base.signatures()) {
      while (mandatory.contains(index)) {
        index++;
      }
      if (selective.contains(index)) {
        filtered.add(signature);
      }
      index++;
    }
    ObjectNode reveal = select(combined, unsecured);
    CanonicalDataset revealIds = canonicalizer().canonicalizeNQuadsWithMap(String.join("", grouped.deskolemized().get(2)));
    Map<Object, Object> labelMap = new TreeMap<>();
    for (Map.Entry<String, String> e : revealIds.issuedIdentifiers().entrySet()) {
      String signedLabel = grouped.labelMap().get(e.getKey());
      if (signedLabel == null || !e.getValue().startsWith("c14n")) {
        throw new InvalidInputException(SigningErrorCode.SD_DOCUMENT_UNSUPPORTED,
            "a blank node of the disclosure has no label in the base proof");
      }
      labelMap.put(Long.parseLong(e.getValue().substring(4)), Base64.getUrlDecoder().decode(signedLabel.substring(1)));
    }
    List<Object> components = List.of(base.baseSignature(), base.publicKey(), filtered, labelMap, mandatoryIndexes);
    ObjectNode derivedProof = (ObjectNode) proof.deepCopy();
    derivedProof.put("proofValue", "u" + Crypto.b64u(concat(DERIVED_HEADER, Cbor.encode(components))));
    reveal.set("proof", derivedProof);
    return reveal;
  }

  // ---------------------------------------------------------------- verifier

  /**
   * Verifies an {@code ecdsa-sd-2023} proof (derived, or base) on {@code document}; returns the
   * position in {@code issuerKeys} of the key whose base signature verified.
   */
  int verify(JsonNode document, JsonNode proof, String proofValue, Supplier<List<VerificationKey>> issuerKeys) {
    byte[] raw = decodeProofValue(proofValue);
    Record parsed;
    if (startsWith(raw, DERIVED_HEADER)) {
      parsed = parseDerived(raw);
    } else if (startsWith(raw, BASE_HEADER)) {
      parsed = parseBase(raw);
    } else {
      throw malformed("the proofValue has neither the base nor the derived ecdsa-sd-2023 header");
    }
    byte[] baseSignature = parsed instanceof DerivedProof d ? d.baseSignature() : ((BaseProof) parsed).baseSignature();
    // Only issuer keys on the curve of this signature are tried, and all hashing follows that key's
    // curve: the proof never chooses a hash on its own.
    return on(curveOfSignature(baseSignature.length)).verifyOnCurve(document, proof, parsed, issuerKeys);
  }

  private int verifyOnCurve(JsonNode document, JsonNode proof, Record parsed, Supplier<List<VerificationKey>> issuerKeys) {
    ObjectNode unsecured = DataIntegrity.unsecured(document, List.of());
    List<String> mandatory = new ArrayList<>();
    List<String> nonMandatory = new ArrayList<>();
    byte[] baseSignature;
    byte[] publicKey;
    List<byte[]> signatures;
    if (parsed instanceof DerivedProof derived) {
      baseSignature = derived.baseSignature();
      publicKey = derived.publicKey();
      signatures = derived.signatures();
      List<String> nquads = disclosedStatements(unsecured, derived.labelMap());
      int previous = -1;
      for (int i : derived.mandatoryIndexes()) {
        if (i <= previous || i >= nquads.size()) {
          throw new ProofVerificationException(ProofFailure.DISCLOSURE_MISMATCH, SigningErrorCode.SD_MANDATORY_INDEXES_INVALID,
              "mandatory index " + i + " is out of range or out of order (" + nquads.size() + " statements)");
        }
        previous = i;
      }
      Set<Integer> mandatoryIndexes = new TreeSet<>(derived.mandatoryIndexes());
      for (int i = 0; i < nquads.size(); i++) {
        (mandatoryIndexes.contains(i) ? mandatory : nonMandatory).add(nquads.get(i));
      }
    } else {
      BaseProof base = (BaseProof) parsed;
      baseSignature = base.baseSignature();
      publicKey = base.publicKey();
      signatures = base.signatures();
      Grouped grouped;
      try {
        grouped = group(unsecured, hmacLabels(base.hmacKey()), List.of(base.mandatoryPointers()));
      } catch (ProofVerificationException e) {
        throw e;
      } catch (InvalidInputException e) {
        throw new ProofVerificationException(ProofFailure.DISCLOSURE_MISMATCH, e.errorCode(),
            "the base proof's mandatory pointers do not fit the document: " + e.getMessage(), e);
      }
      for (int i = 0; i < grouped.nquads().size(); i++) {
        (grouped.matching().get(0).contains(i) ? mandatory : nonMandatory).add(grouped.nquads().get(i));
      }
    }
    if (signatures.size() != nonMandatory.size()) {
      throw new ProofVerificationException(ProofFailure.DISCLOSURE_MISMATCH, SigningErrorCode.SD_SIGNATURE_COUNT_MISMATCH,
          "the proof signs " + signatures.size() + " non-mandatory statements, the document discloses " + nonMandatory.size());
    }
    VerificationKey proofKey = proofScopedKey(publicKey);
    byte[] proofHash = hash(canonicalize(DataIntegrity.proofConfig(document, proof)));
    byte[] toVerify = concat(proofHash, publicKey, hash(String.join("", mandatory)));
    List<VerificationKey> keys = issuerKeys.get();
    int verified = -1;
    for (int i = 0; i < keys.size() && verified < 0; i++) {
      if (EcCurve.of(keys.get(i).keyType()) == curve && verifies(keys.get(i), toVerify, baseSignature)) {
        verified = i;
      }
    }
    if (verified < 0) {
      throw new ProofVerificationException(ProofFailure.SIGNATURE_INVALID, SigningErrorCode.SD_BASE_SIGNATURE_INVALID,
          "the issuer's base signature does not verify (mandatory claims, proof options or proof-scoped key altered)");
    }
    for (int i = 0; i < nonMandatory.size(); i++) {
      if (!verifies(proofKey, nonMandatory.get(i).getBytes(StandardCharsets.UTF_8), signatures.get(i))) {
        throw new ProofVerificationException(ProofFailure.DISCLOSED_STATEMENT_INVALID, SigningErrorCode.SD_STATEMENT_SIGNATURE_INVALID,
            "the signature of disclosed statement " + i + " does not verify: " + nonMandatory.get(i).strip());
      }
    }
    return verified;
  }

  /** The disclosed document's canonical statements relabeled with a derived proof's label map, sorted. */
  private List<String> disclosedStatements(ObjectNode unsecured, Map<String, String> labelMap) {
    return relabelSorted(canonicalize(unsecured), label -> {
      String mapped = labelMap.get(label);
      if (mapped == null) {
        throw new ProofVerificationException(ProofFailure.DISCLOSURE_MISMATCH, SigningErrorCode.SD_LABEL_MAP_INVALID,
            "the disclosed document has a blank node the proof's label map does not name");
      }
      return mapped;
    });
  }

  /** For the vector tests: the statements a verifier checks for a document with a derived proof. */
  List<String> disclosedStatements(JsonNode document) {
    byte[] raw = decodeProofValue(document.get("proof").get("proofValue").asText());
    return disclosedStatements(DataIntegrity.unsecured(document, List.of()), parseDerived(raw).labelMap());
  }

  /**
   * For the vector tests: the document's HMAC-relabeled sorted statements (first list) and, per
   * group of pointers, the indexes of the statements it selects.
   */
  List<List<String>> groups(JsonNode unsecured, byte[] hmacKey, List<List<String>> pointerGroups) {
    Grouped grouped = group((ObjectNode) unsecured, hmacLabels(hmacKey), pointerGroups);
    List<List<String>> out = new ArrayList<>();
    out.add(grouped.nquads());
    for (Set<Integer> indexes : grouped.matching()) {
      out.add(indexes.stream().map(String::valueOf).toList());
    }
    return out;
  }

  private static boolean verifies(VerificationKey key, byte[] data, byte[] signature) {
    try {
      key.verify(data, signature);
      return true;
    } catch (InvalidInputException e) {
      return false;
    }
  }

  private static VerificationKey proofScopedKey(byte[] publicKey) {
    if (publicKey.length != 35 || !startsWith(publicKey, P256_MULTIKEY)) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.SD_EPHEMERAL_KEY_INVALID,
          "the proof-scoped key is not a P-256 Multikey");
    }
    try {
      return Multikey.decodePublic("z" + Base58.encode(publicKey)).requireType(KeyType.P256);
    } catch (InvalidInputException e) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.SD_EPHEMERAL_KEY_INVALID,
          "the proof-scoped key is not a point on P-256", e);
    }
  }

  // ---------------------------------------------------------------- canonicalize and group

  /**
   * The document's canonical statements relabeled and sorted, the label map (input label → signed
   * label), and per group of pointers the indexes of the statements it selects, with the selection's
   * own statements (input labels).
   */
  private record Grouped(List<String> nquads, Map<String, String> labelMap, List<Set<Integer>> matching,
      List<List<String>> deskolemized) {}

  private Grouped group(ObjectNode unsecured, UnaryOperator<String> signedLabel, List<List<String>> groups) {
    ObjectNode skolemized;
    try {
      skolemized = JsonLdSelection.skolemize(unsecured);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(SigningErrorCode.SD_DOCUMENT_UNSUPPORTED, e.getMessage(), e);
    }
    List<String> deskolemized = deskolemize(canonicalize(skolemized));
    CanonicalDataset canonical = canonicalizer().canonicalizeNQuadsWithMap(String.join("", deskolemized));
    if (!canonical.nquads().equals(canonicalize(unsecured))) {
      // Naming every node changed the graph (a language map, a JSON literal): selections could not be matched.
      throw new InvalidInputException(SigningErrorCode.SD_DOCUMENT_UNSUPPORTED,
          "the document has structures selective disclosure cannot track (language maps, JSON literals)");
    }
    Map<String, String> labelMap = new HashMap<>();
    Map<String, String> byCanonical = new HashMap<>();
    canonical.issuedIdentifiers().forEach((input, c14n) -> {
      String label = signedLabel.apply(c14n);
      labelMap.put(input, label);
      byCanonical.put(c14n, label);
    });
    List<String> nquads = relabelSorted(canonical.nquads(), byCanonical::get);
    List<Set<Integer>> matching = new ArrayList<>();
    List<List<String>> selections = new ArrayList<>();
    for (List<String> pointers : groups) {
      if (pointers.isEmpty()) {
        matching.add(Set.of());
        selections.add(List.of());
        continue;
      }
      List<String> selected = deskolemize(canonicalize(select(pointers, skolemized)));
      Set<String> relabeled = new java.util.HashSet<>();
      for (String line : selected) {
        relabeled.add(NQuadLines.rewrite(line, b -> "_:" + labelMap.getOrDefault(b, b), iri -> "<" + iri + ">"));
      }
      Set<Integer> indexes = new TreeSet<>();
      for (int i = 0; i < nquads.size(); i++) {
        if (relabeled.contains(nquads.get(i))) {
          indexes.add(i);
        }
      }
      matching.add(indexes);
      selections.add(selected);
    }
    return new Grouped(nquads, labelMap, matching, selections);
  }

  private static ObjectNode select(List<String> pointers, JsonNode document) {
    try {
      return JsonLdSelection.select(pointers, document);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(SigningErrorCode.SD_POINTER_INVALID, e.getMessage(), e);
    }
  }

  private static List<String> deskolemize(String nquads) {
    List<String> out = new ArrayList<>();
    for (String line : NQuadLines.split(nquads)) {
      out.add(NQuadLines.rewrite(line, b -> "_:" + b, iri -> iri.startsWith(JsonLdSelection.SKOLEM_PREFIX)
          ? "_:" + iri.substring(JsonLdSelection.SKOLEM_PREFIX.length()) : "<" + iri + ">"));
    }
    return out;
  }

  private static List<String> relabelSorted(String nquads, UnaryOperator<String> label) {
    List<String> out = new ArrayList<>();
    for (String line : NQuadLines.split(nquads)) {
      out.add(NQuadLines.rewrite(line, b -> "_:" + label.apply(b), iri -> "<" + iri + ">"));
    }
    // UTF-16 code unit order, as JavaScript's Array.prototype.sort.
    out.sort(null);
    return out;
  }

  /** Blank node labels by HMAC with the issuer curve's hash ("the same hash as the signature algorithm"). */
  private UnaryOperator<String> hmacLabels(byte[] hmacKey) {
    String algorithm = curve == EcCurve.P384 ? "HmacSHA384" : "HmacSHA256";
    return c14n -> {
      try {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(hmacKey, algorithm));
        return "u" + Crypto.b64u(mac.doFinal(c14n.getBytes(StandardCharsets.UTF_8)));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(algorithm + " is not available", e);
      }
    };
  }

  // ---------------------------------------------------------------- proof values

  private record BaseProof(byte[] baseSignature, byte[] publicKey, byte[] hmacKey, List<byte[]> signatures,
      List<String> mandatoryPointers) {}

  private record DerivedProof(byte[] baseSignature, byte[] publicKey, List<byte[]> signatures,
      Map<String, String> labelMap, List<Integer> mandatoryIndexes) {}

  private int maxItems() {
    return dataIntegrity.canonicalizer().options().maxQuads() * 3 + 16;
  }

  private static byte[] decodeProofValue(String proofValue) {
    if (proofValue.length() > MAX_PROOF_VALUE_CHARS) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.SD_PROOF_VALUE_TOO_LARGE,
          "the proofValue has more than " + MAX_PROOF_VALUE_CHARS + " characters");
    }
    if (!proofValue.startsWith("u")) {
      throw malformed("an ecdsa-sd-2023 proofValue is multibase base64url ('u')");
    }
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(proofValue.substring(1));
    } catch (IllegalArgumentException e) {
      throw malformed("the proofValue is not base64url");
    }
    if (raw.length < 4) {
      throw malformed("the proofValue is too short");
    }
    return raw;
  }

  private BaseProof parseBase(byte[] raw) {
    List<?> c = components(raw, 5);
    byte[] baseSignature = baseSignature(c.get(0));
    // The HMAC key is as long as the issuer curve's hash (RFC 2104 via vc-di-ecdsa): 32 or 48 bytes.
    return new BaseProof(baseSignature, bytes(c.get(1), 35, "publicKey"),
        bytes(c.get(2), baseSignature.length / 2, "hmacKey"), signatures(c.get(3)), texts(c.get(4)));
  }

  private DerivedProof parseDerived(byte[] raw) {
    List<?> c = components(raw, 5);
    byte[] baseSignature = baseSignature(c.get(0));
    if (!(c.get(3) instanceof Map<?, ?> compressed)) {
      throw malformed("the label map is not a CBOR map");
    }
    Map<String, String> labelMap = new HashMap<>();
    for (Map.Entry<?, ?> e : compressed.entrySet()) {
      if (!(e.getKey() instanceof Long k)) {
        throw malformed("a label map key is not an integer");
      }
      labelMap.put("c14n" + k, "u" + Crypto.b64u(bytes(e.getValue(), baseSignature.length / 2, "label")));
    }
    if (new java.util.HashSet<>(labelMap.values()).size() != labelMap.size()) {
      // Two disclosed blank nodes under one signed label would split a node the issuer signed as one.
      throw new ProofVerificationException(ProofFailure.DISCLOSURE_MISMATCH, SigningErrorCode.SD_LABEL_MAP_INVALID,
          "the label map gives two blank nodes the same signed label");
    }
    if (!(c.get(4) instanceof List<?> indexes)) {
      throw malformed("the mandatory indexes are not an array");
    }
    List<Integer> mandatory = new ArrayList<>();
    for (Object i : indexes) {
      if (!(i instanceof Long l) || l > Integer.MAX_VALUE) {
        throw malformed("a mandatory index is not an integer");
      }
      mandatory.add(l.intValue());
    }
    return new DerivedProof(baseSignature, bytes(c.get(1), 35, "publicKey"),
        signatures(c.get(2)), labelMap, mandatory);
  }

  private List<?> components(byte[] raw, int count) {
    Object decoded;
    try {
      decoded = Cbor.decode(raw, 3, maxItems());
    } catch (Cbor.Malformed e) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.SD_PROOF_VALUE_MALFORMED,
          "the proofValue is not valid CBOR: " + e.getMessage());
    }
    if (!(decoded instanceof List<?> list) || list.size() != count) {
      throw malformed("the proofValue is not a CBOR array of " + count + " components");
    }
    return list;
  }

  /** The issuer's signature: 64 bytes (P-256) or 96 (P-384); its length fixes the other lengths. */
  private static byte[] baseSignature(Object value) {
    if (!(value instanceof byte[] b) || curveOfSignature(b.length) == null) {
      throw malformed("baseSignature is not a byte string of 64 (P-256) or 96 (P-384) bytes");
    }
    return b;
  }

  private static byte[] bytes(Object value, int length, String what) {
    if (!(value instanceof byte[] b) || b.length != length) {
      throw malformed(what + " is not a byte string of " + length + " bytes");
    }
    return b;
  }

  private static List<byte[]> signatures(Object value) {
    if (!(value instanceof List<?> list)) {
      throw malformed("the signatures are not an array");
    }
    List<byte[]> out = new ArrayList<>();
    for (Object s : list) {
      out.add(bytes(s, 64, "a signature"));
    }
    return out;
  }

  private static List<String> texts(Object value) {
    if (!(value instanceof List<?> list)) {
      throw malformed("the mandatory pointers are not an array");
    }
    List<String> out = new ArrayList<>();
    for (Object s : list) {
      if (!(s instanceof String text)) {
        throw malformed("a mandatory pointer is not text");
      }
      out.add(text);
    }
    return List.copyOf(out);
  }

  private static ProofVerificationException malformed(String message) {
    return new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.SD_PROOF_VALUE_MALFORMED, message);
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] p : parts) {
      length += p.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
