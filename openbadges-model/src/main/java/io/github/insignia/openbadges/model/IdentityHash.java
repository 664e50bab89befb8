package io.github.insignia.openbadges.model;

import io.github.insignia.openbadges.ModelErrorCode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.model.internal.Members;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An Open Badges IdentityHash: {@code <alg>$<hex>} where {@code hex = HEX(H(UTF8(identity) ||
 * UTF8(salt)))} (OB 2.0 {@code recipient.identity}, OB 3.0 {@code identityHash}). Hex digits are
 * accepted in either case; {@link #toString()} writes lower case. Immutable.
 */
public final class IdentityHash {
  private final HashAlgorithm algorithm;
  private final byte[] digest;

  private IdentityHash(HashAlgorithm algorithm, byte[] digest) {
    this.algorithm = algorithm;
    this.digest = digest;
  }

  /**
   * Hashes an identity exactly as given (no normalisation; see {@link RecipientIdentity} for
   * emails).
   *
   * @param algorithm the algorithm
   * @param identity the plaintext identity
   * @param salt the salt, or {@code null} for none
   */
  public static IdentityHash compute(HashAlgorithm algorithm, String identity, String salt) {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(identity, "identity");
    MessageDigest md = algorithm.newDigest();
    md.update(identity.getBytes(StandardCharsets.UTF_8));
    if (salt != null) {
      md.update(salt.getBytes(StandardCharsets.UTF_8));
    }
    return new IdentityHash(algorithm, md.digest());
  }

  /** Parses {@code sha256$hex} or {@code md5$hex}, or fails with {@code IDENTITY_HASH_MALFORMED}. */
  public static IdentityHash parse(String text) {
    return tryParse(text)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    ModelErrorCode.IDENTITY_HASH_MALFORMED,
                    "'" + Members.abbreviate(text) + "' is not an identity hash (sha256$<64 hex> or md5$<32 hex>)"));
  }

  /** Parses {@code sha256$hex} or {@code md5$hex}; empty when malformed. */
  public static Optional<IdentityHash> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int dollar = text.indexOf('$');
    if (dollar < 1) {
      return Optional.empty();
    }
    Optional<HashAlgorithm> alg = HashAlgorithm.fromPrefix(text.substring(0, dollar));
    String hex = text.substring(dollar + 1);
    if (alg.isEmpty() || hex.length() != alg.get().hexLength() || !hex.matches("[0-9a-fA-F]+")) {
      return Optional.empty();
    }
    return Optional.of(new IdentityHash(alg.get(), HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT))));
  }

  /** The algorithm. */
  public HashAlgorithm algorithm() {
    return algorithm;
  }

  /** The digest in lower-case hex. */
  public String hex() {
    return HexFormat.of().formatHex(digest);
  }

  /**
   * Whether the identity with the salt hashes to this value. Compared in constant time ({@link
   * MessageDigest#isEqual}); the identity is used exactly as given.
   */
  public boolean matches(String identity, String salt) {
    return MessageDigest.isEqual(digest, compute(algorithm, identity, salt).digest);
  }

  /** {@code alg$hex} in lower case. */
  @Override
  public String toString() {
    return algorithm.prefix() + "$" + hex();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdentityHash other
        && algorithm == other.algorithm
        && MessageDigest.isEqual(digest, other.digest);
  }

  @Override
  public int hashCode() {
    return algorithm.hashCode() * 31 + java.util.Arrays.hashCode(digest);
  }
}
