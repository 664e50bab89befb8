package io.github.insignia.openbadges.signing.internal;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.InvalidInputException;
import java.util.Arrays;

/** Base58 with the Bitcoin alphabet (multibase prefix {@code z}). */
public final class Base58 {
  private static final char[] ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
  private static final int[] INDEXES = new int[128];
  /** Longer input is refused before the quadratic decoding loop starts. */
  public static final int MAX_ENCODED_LENGTH = 1024;

  static {
    Arrays.fill(INDEXES, -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      INDEXES[ALPHABET[i]] = i;
    }
  }

  private Base58() {}

  /** 58⁵, the largest power of 58 below 2³²: five base58 digits per limb when encoding. */
  private static final long BASE58_POW5 = 58L * 58 * 58 * 58 * 58;

  /**
   * Encodes bytes. The number is carried in 32-bit limbs of five base58 digits each, so a 64-byte
   * signature costs about 1,000 multiply-adds instead of the byte-wise long division's 5,000 divisions.
   */
  public static String encode(byte[] input) {
    int zeros = 0;
    while (zeros < input.length && input[zeros] == 0) {
      ++zeros;
    }
    // log(256) / log(58⁵) < 0.2731 limbs per byte.
    int[] limbs = new int[(input.length - zeros) * 2731 / 10000 + 2];
    int used = 0;
    for (int i = zeros; i < input.length; i++) {
      long carry = input[i] & 0xFF;
      for (int j = 0; j < used; j++) {
        long value = (limbs[j] & 0xFFFFFFFFL) * 256 + carry;
        limbs[j] = (int) (value % BASE58_POW5);
        carry = value / BASE58_POW5;
      }
      while (carry > 0) {
        limbs[used++] = (int) (carry % BASE58_POW5);
        carry /= BASE58_POW5;
      }
    }
    char[] digits = new char[zeros + used * 5];
    int at = digits.length;
    for (int j = 0; j < used; j++) {
      long limb = limbs[j] & 0xFFFFFFFFL;
      for (int k = 0; k < 5; k++) {
        digits[--at] = ALPHABET[(int) (limb % 58)];
        limb /= 58;
      }
    }
    // The top limb's leading zero digits are not part of the number; the input's zero bytes are.
    while (at < digits.length && digits[at] == ALPHABET[0]) {
      ++at;
    }
    for (int k = 0; k < zeros; k++) {
      digits[--at] = ALPHABET[0];
    }
    return new String(digits, at, digits.length - at);
  }

  /**
   * Decodes text.
   *
   * @throws InvalidInputException {@code MULTIBASE_MALFORMED} on a character outside the alphabet
   *     or input longer than {@link #MAX_ENCODED_LENGTH}
   */
  public static byte[] decode(String input) {
    if (input.length() > MAX_ENCODED_LENGTH) {
      throw new InvalidInputException(SigningErrorCode.MULTIBASE_MALFORMED, "base58 value is too long");
    }
    int zeros = 0;
    while (zeros < input.length() && input.charAt(zeros) == ALPHABET[0]) {
      ++zeros;
    }
    // The number in 32-bit limbs, least significant first; log(58) / log(2³²) < 0.1831 limbs per digit.
    int[] limbs = new int[(input.length() - zeros) * 1831 / 10000 + 2];
    int used = 0;
    for (int i = zeros; i < input.length(); i++) {
      char c = input.charAt(i);
      int digit = c < 128 ? INDEXES[c] : -1;
      if (digit < 0) {
        throw new InvalidInputException(SigningErrorCode.MULTIBASE_MALFORMED, "not a base58btc character at position " + i);
      }
      long carry = digit;
      for (int j = 0; j < used; j++) {
        long value = (limbs[j] & 0xFFFFFFFFL) * 58 + carry;
        limbs[j] = (int) value;
        carry = value >>> 32;
      }
      if (carry > 0) {
        limbs[used++] = (int) carry;
      }
    }
    int significant = used * 4;
    while (significant > 0 && (limbs[(significant - 1) / 4] >>> (8 * ((significant - 1) % 4)) & 0xFF) == 0) {
      --significant;
    }
    byte[] decoded = new byte[zeros + significant];
    for (int k = 0; k < significant; k++) {
      decoded[decoded.length - 1 - k] = (byte) (limbs[k / 4] >>> (8 * (k % 4)));
    }
    return decoded;
  }
}
