package io.github.insignia.openbadges.signing.dataintegrity;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.signing.KeyType;
import java.util.Optional;

/**
 * The Data Integrity suites Insignia knows. All hash {@code SHA-256(canonical proof config) ‖
 * SHA-256(canonical document)} (RDFC-1.0 N-Quads, or JCS for {@code eddsa-jcs-2022}) and encode the
 * signature as multibase base58btc.
 */
public enum Cryptosuite {
  /** {@code DataIntegrityProof} / {@code eddsa-rdfc-2022}: the OB 3.0 suite. Signs and verifies. */
  EDDSA_RDFC_2022("DataIntegrityProof", "eddsa-rdfc-2022", KeyType.ED25519, true, null),
  /**
   * {@code DataIntegrityProof} / {@code ecdsa-rdfc-2019} with P-256 (SHA-256) or P-384 (SHA-384, also
   * for RDFC-1.0). Signs and verifies.
   */
  ECDSA_RDFC_2019("DataIntegrityProof", "ecdsa-rdfc-2019", KeyType.P256, true, null),
  /** {@code DataIntegrityProof} / {@code eddsa-jcs-2022}: JCS (RFC 8785) instead of RDFC-1.0. Signs and verifies. */
  EDDSA_JCS_2022("DataIntegrityProof", "eddsa-jcs-2022", KeyType.ED25519, true, null),
  /**
   * {@code DataIntegrityProof} / {@code ecdsa-sd-2023}: selective disclosure with a P-256 issuer key.
   * Base proofs are created and derived proofs derived with {@link SelectiveDisclosure} (not {@link
   * DataIntegrity#sign}); {@link DataIntegrity} verifies both.
   */
  ECDSA_SD_2023("DataIntegrityProof", "ecdsa-sd-2023", KeyType.P256, false, null),
  /** {@code eddsa-2022}, the pre-final name of eddsa-rdfc-2022: verified with a warning. */
  EDDSA_2022("DataIntegrityProof", "eddsa-2022", KeyType.ED25519, false, SigningErrorCode.LEGACY_CRYPTOSUITE),
  /** {@code Ed25519Signature2020}, the pre-Data-Integrity suite (DCC, Open edX): verified with a warning. */
  ED25519_SIGNATURE_2020("Ed25519Signature2020", null, KeyType.ED25519, false, SigningErrorCode.LEGACY_PROOF_TYPE);

  private final String proofType;
  private final String name;
  private final KeyType keyType;
  private final boolean canSign;
  private final SigningErrorCode warningCode;

  Cryptosuite(String proofType, String name, KeyType keyType, boolean canSign, SigningErrorCode warningCode) {
    this.proofType = proofType;
    this.name = name;
    this.keyType = keyType;
    this.canSign = canSign;
    this.warningCode = warningCode;
  }

  /** The proof {@code type}. */
  public String proofType() {
    return proofType;
  }

  /** The {@code cryptosuite} value, empty for {@code Ed25519Signature2020}. */
  public Optional<String> cryptosuiteName() {
    return Optional.ofNullable(name);
  }

  /** The key type the suite uses ({@code ecdsa-rdfc-2019}: P-256, its first; see {@link #accepts(KeyType)}). */
  public KeyType keyType() {
    return keyType;
  }

  /**
   * Whether the suite signs and verifies with keys of {@code type} ({@code ecdsa-rdfc-2019} and
   * {@code ecdsa-sd-2023}: P-256 and P-384).
   */
  public boolean accepts(KeyType type) {
    return this == ECDSA_RDFC_2019 || this == ECDSA_SD_2023 ? EcdsaRdfc2019.KEY_TYPES.contains(type) : keyType == type;
  }

  /**
   * Whether {@link DataIntegrity#sign} creates proofs of this suite (legacy suites are verify-only;
   * {@code ecdsa-sd-2023} proofs are made with {@link SelectiveDisclosure}).
   */
  public boolean canSign() {
    return canSign;
  }

  /** The warning code reported when a proof of this suite verifies, for legacy suites. */
  public Optional<String> warningCode() {
    return Optional.ofNullable(warningCode).map(SigningErrorCode::name);
  }

  /** Whether the suite canonicalizes with JCS (RFC 8785) rather than RDFC-1.0. */
  public boolean usesJcs() {
    return this == EDDSA_JCS_2022;
  }

  /** The suite for a proof's {@code type} and {@code cryptosuite}. */
  public static Optional<Cryptosuite> of(String proofType, String cryptosuite) {
    for (Cryptosuite suite : values()) {
      if (suite.proofType.equals(proofType)
          && (suite.name == null ? cryptosuite == null : suite.name.equals(cryptosuite))) {
        return Optional.of(suite);
      }
    }
    return Optional.empty();
  }

  /** The suite Insignia signs with for a key type. */
  public static Cryptosuite forSigning(KeyType type) {
    return switch (type) {
      case ED25519 -> EDDSA_RDFC_2022;
      case P256, P384 -> ECDSA_RDFC_2019;
      case RSA -> throw new io.github.insignia.openbadges.ConfigurationException(
          SigningErrorCode.CRYPTOSUITE_UNSUPPORTED, "no Data Integrity suite signs with RSA keys; use Ed25519, P-256 or P-384");
    };
  }
}
