package io.github.insignia.openbadges.signing.internal;

import io.github.insignia.openbadges.ErrorCode;
import io.github.insignia.openbadges.InvalidInputException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/** Curve constants and small conversions shared by the key classes. */
public final class Crypto {
  /**
   * The one random source of the module (SecureRandom is thread-safe), made on first use: building
   * it loads every configured security provider, which verification never needs.
   */
  public static SecureRandom random() {
    return Random.INSTANCE;
  }

  private static final class Random {
    static final SecureRandom INSTANCE = new SecureRandom();
  }

  private Crypto() {}

  /** Big-endian unsigned bytes, left-padded to {@code length}. */
  public static byte[] unsigned(BigInteger value, int length) {
    byte[] bytes = value.toByteArray();
    if (bytes.length == length) {
      return bytes;
    }
    if (bytes.length == length + 1 && bytes[0] == 0) {
      return Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    if (bytes.length > length) {
      throw new IllegalArgumentException("value does not fit in " + length + " bytes");
    }
    byte[] out = new byte[length];
    System.arraycopy(bytes, 0, out, length - bytes.length, bytes.length);
    return out;
  }

  /** Minimal big-endian unsigned bytes (JWK RSA members). */
  public static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }

  /** Base64url without padding. */
  public static String b64u(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Decodes base64url (padding tolerated).
   *
   * @throws InvalidInputException with {@code code} when the text is not base64url
   */
  public static byte[] b64uDecode(String text, ErrorCode code, String what) {
    try {
      return Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(code, what + " is not base64url", e);
    }
  }
}
