package io.github.insignia.openbadges.signing.dataintegrity;

import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.internal.EcCurve;
import io.github.insignia.openbadges.signing.rdf.CanonicalizationOptions;
import io.github.insignia.openbadges.signing.rdf.RdfCanonicalizer;
import java.util.EnumSet;
import java.util.Set;

/**
 * What W3C vc-di-ecdsa fixes for {@code ecdsa-rdfc-2019} beyond the common Data Integrity steps:
 * the hash (and the RDFC-1.0 hash) follows the key's curve, SHA-256 for P-256 and SHA-384 for P-384;
 * the signature is the IEEE P1363 {@code R ‖ S} of 64 or 96 bytes. The key's curve comes from the
 * verification method (the key the issuer publishes), never from the proof or the signature length.
 */
final class EcdsaRdfc2019 {
  /** The key types the suite uses. */
  static final Set<KeyType> KEY_TYPES = EnumSet.of(KeyType.P256, KeyType.P384);

  private EcdsaRdfc2019() {}

  /** The canonicalizer for a P-384 key: the host's options with RDFC-1.0 hashing by SHA-384. */
  static RdfCanonicalizer sha384Canonicalizer(RdfCanonicalizer base) {
    return RdfCanonicalizer.create(base.options().toBuilder()
        .hashAlgorithm(CanonicalizationOptions.HashAlgorithm.SHA_384).build());
  }

  /** Whether {@code type} hashes with SHA-384 under this suite. */
  static boolean usesSha384(KeyType type) {
    return type == KeyType.P384;
  }

  /** The signature length for a key of {@code type}. */
  static int signatureLength(KeyType type) {
    EcCurve curve = EcCurve.of(type);
    return curve == null ? -1 : 2 * curve.size();
  }
}
