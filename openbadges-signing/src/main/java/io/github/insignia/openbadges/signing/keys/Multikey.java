package io.github.insignia.openbadges.signing.keys;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.BoundedCache;
import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.internal.Base58;
import io.github.insignia.openbadges.signing.internal.EcCurve;
import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

/**
 * Multikey encodings (W3C Controlled Identifiers): multibase base58btc ({@code z}) of a multicodec
 * prefix and the key bytes. Public: ed25519-pub {@code 0xed 0x01} + 32 bytes ({@code z6Mk…}),
 * p256-pub {@code 0x80 0x24} + 33-byte compressed point ({@code zDn…}). Secret: ed25519-priv {@code
 * 0x80 0x26} + 32-byte seed (the 64-byte seed ‖ public form of the OB 3.0 test vector is also
 * read), p256-priv {@code 0x86 0x26} + 32-byte scalar; P-384: p384-pub {@code 0x81 0x24} + 49-byte
 * compressed point ({@code z82…}), p384-priv {@code 0x87 0x26} + 48-byte scalar. Any other prefix is rejected.
 */
public final class Multikey {
  private static final byte[] ED25519_PUB = {(byte) 0xed, 0x01};
  private static final byte[] ED25519_PRIV = {(byte) 0x80, 0x26};
  private static final byte[] P256_PUB = {(byte) 0x80, 0x24};
  private static final byte[] P256_PRIV = {(byte) 0x86, 0x26};
  private static final byte[] P384_PUB = {(byte) 0x81, 0x24};
  private static final byte[] P384_PRIV = {(byte) 0x87, 0x26};

  /** Decoding validates the point fully (a scalar multiplication): keep recent results. */
  private static final BoundedCache<String, VerificationKey> DECODED = new BoundedCache<>(1024);

  private Multikey() {}

  /** The {@code publicKeyMultibase} of a key. */
  public static String encodePublic(VerificationKey key) {
    return switch (key.keyType()) {
      case ED25519 -> multibase(ED25519_PUB, key.rawBytes());
      case P256 -> multibase(P256_PUB, EcCurve.P256.compressed(((ECPublicKey) key.toJdkKey()).getW()));
      case P384 -> multibase(P384_PUB, EcCurve.P384.compressed(((ECPublicKey) key.toJdkKey()).getW()));
      case RSA -> throw new ConfigurationException(SigningErrorCode.KEY_NO_MULTIKEY, "RSA keys have no Multikey or did:key form here");
    };
  }

  /**
   * Decodes a {@code publicKeyMultibase}.
   *
   * @throws InvalidInputException {@code MULTIBASE_MALFORMED} or {@code KEY_UNSUPPORTED} (another
   *     multicodec) or {@code KEY_MALFORMED}
   */
  public static VerificationKey decodePublic(String multibase) {
    return multibase == null ? decodePublicUncached(null) : DECODED.get(multibase, Multikey::decodePublicUncached);
  }

  private static VerificationKey decodePublicUncached(String multibase) {
    byte[] bytes = decodeMultibase(multibase);
    if (startsWith(bytes, ED25519_PUB)) {
      return VerificationKey.ed25519(rest(bytes, ED25519_PUB, 32));
    }
    if (startsWith(bytes, P256_PUB)) {
      return VerificationKey.of(EcCurve.P256.fromEncodedPoint(rest(bytes, P256_PUB, 33)));
    }
    if (startsWith(bytes, P384_PUB)) {
      return VerificationKey.of(EcCurve.P384.fromEncodedPoint(rest(bytes, P384_PUB, 49)));
    }
    throw new InvalidInputException(
        SigningErrorCode.KEY_UNSUPPORTED, "publicKeyMultibase is not an ed25519-pub, p256-pub or p384-pub multikey");
  }

  /** The {@code secretKeyMultibase} of a key (32-byte Ed25519 seed, 32-byte P-256 scalar). */
  static String encodeSecret(KeyType type, byte[] secret) {
    return switch (type) {
      case ED25519 -> multibase(ED25519_PRIV, secret);
      case P256 -> multibase(P256_PRIV, secret);
      case P384 -> multibase(P384_PRIV, secret);
      case RSA -> throw new ConfigurationException(SigningErrorCode.KEY_NO_MULTIKEY, "RSA keys have no Multikey form here");
    };
  }

  /**
   * Decodes a {@code secretKeyMultibase} (or the older {@code privateKeyMultibase}).
   *
   * @throws InvalidInputException {@code MULTIBASE_MALFORMED}, {@code KEY_UNSUPPORTED}, {@code
   *     KEY_MALFORMED} or {@code KEY_MISMATCH} (the 64-byte Ed25519 form whose public half is not
   *     the seed's)
   */
  public static SigningKey decodeSecret(String multibase) {
    byte[] bytes = decodeMultibase(multibase);
    try {
      if (startsWith(bytes, ED25519_PRIV)) {
        int len = bytes.length - ED25519_PRIV.length;
        if (len == 64) {
          byte[] seed = Arrays.copyOfRange(bytes, 2, 34);
          SigningKey key = SigningKey.ed25519FromSeed(seed);
          if (!Arrays.equals(key.publicKey().rawBytes(), Arrays.copyOfRange(bytes, 34, 66))) {
            throw new InvalidInputException(SigningErrorCode.KEY_MISMATCH, "the public half of the secret key is not the seed's");
          }
          Arrays.fill(seed, (byte) 0);
          return key;
        }
        byte[] seed = rest(bytes, ED25519_PRIV, 32);
        SigningKey key = SigningKey.ed25519FromSeed(seed);
        Arrays.fill(seed, (byte) 0);
        return key;
      }
      if (startsWith(bytes, P256_PRIV)) {
        return SigningKey.p256FromScalar(new BigInteger(1, rest(bytes, P256_PRIV, 32)));
      }
      if (startsWith(bytes, P384_PRIV)) {
        return SigningKey.ecFromScalar(EcCurve.P384, new BigInteger(1, rest(bytes, P384_PRIV, 48)));
      }
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
    throw new InvalidInputException(
        SigningErrorCode.KEY_UNSUPPORTED, "secretKeyMultibase is not an ed25519-priv, p256-priv or p384-priv multikey");
  }

  private static String multibase(byte[] prefix, byte[] key) {
    byte[] all = Arrays.copyOf(prefix, prefix.length + key.length);
    System.arraycopy(key, 0, all, prefix.length, key.length);
    return "z" + Base58.encode(all);
  }

  /**
   * Decodes multibase base58btc text (the only multibase form keys and proofs use here).
   *
   * @throws InvalidInputException {@code MULTIBASE_MALFORMED}
   */
  public static byte[] decodeMultibase(String multibase) {
    if (multibase == null || multibase.length() < 2 || multibase.charAt(0) != 'z') {
      throw new InvalidInputException(SigningErrorCode.MULTIBASE_MALFORMED, "expected multibase base58btc text starting with 'z'");
    }
    return Base58.decode(multibase.substring(1));
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length && bytes[0] == prefix[0] && bytes[1] == prefix[1];
  }

  private static byte[] rest(byte[] bytes, byte[] prefix, int expectedLength) {
    if (bytes.length - prefix.length != expectedLength) {
      throw new InvalidInputException(
          SigningErrorCode.KEY_MALFORMED, "expected " + expectedLength + " key bytes after the multicodec prefix, got "
              + (bytes.length - prefix.length));
    }
    return Arrays.copyOfRange(bytes, prefix.length, bytes.length);
  }
}
