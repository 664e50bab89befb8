package io.github.insignia.openbadges.signing.internal;

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

  /** Encodes bytes. */
  public static String encode(byte[] input) {
    if (input.length == 0) {
      return "";
    }
    int zeros = 0;
    while (zeros < input.length && input[zeros] == 0) {
      ++zeros;
    }
    byte[] copy = Arrays.copyOf(input, input.length);
    char[] encoded = new char[input.length * 2];
    int outputStart = encoded.length;
    for (int inputStart = zeros; inputStart < copy.length; ) {
      encoded[--outputStart] = ALPHABET[divmod(copy, inputStart, 256, 58)];
      if (copy[inputStart] == 0) {
        ++inputStart;
      }
    }
    while (outputStart < encoded.length && encoded[outputStart] == ALPHABET[0]) {
      ++outputStart;
    }
    while (--zeros >= 0) {
      encoded[--outputStart] = ALPHABET[0];
    }
    return new String(encoded, outputStart, encoded.length - outputStart);
  }

  /**
   * Decodes text.
   *
   * @throws InvalidInputException {@code MULTIBASE_MALFORMED} on a character outside the alphabet
   *     or input longer than {@link #MAX_ENCODED_LENGTH}
   */
  public static byte[] decode(String input) {
    if (input.length() > MAX_ENCODED_LENGTH) {
      throw new InvalidInputException("MULTIBASE_MALFORMED", "base58 value is too long");
    }
    if (input.isEmpty()) {
      return new byte[0];
    }
    byte[] input58 = new byte[input.length()];
    for (int i = 0; i < input.length(); ++i) {
      char c = input.charAt(i);
      int digit = c < 128 ? INDEXES[c] : -1;
      if (digit < 0) {
        throw new InvalidInputException("MULTIBASE_MALFORMED", "not a base58btc character at position " + i);
      }
      input58[i] = (byte) digit;
    }
    int zeros = 0;
    while (zeros < input58.length && input58[zeros] == 0) {
      ++zeros;
    }
    byte[] decoded = new byte[input.length()];
    int outputStart = decoded.length;
    for (int inputStart = zeros; inputStart < input58.length; ) {
      decoded[--outputStart] = divmod(input58, inputStart, 58, 256);
      if (input58[inputStart] == 0) {
        ++inputStart;
      }
    }
    while (outputStart < decoded.length && decoded[outputStart] == 0) {
      ++outputStart;
    }
    return Arrays.copyOfRange(decoded, outputStart - zeros, decoded.length);
  }

  private static byte divmod(byte[] number, int firstDigit, int base, int divisor) {
    int remainder = 0;
    for (int i = firstDigit; i < number.length; i++) {
      int digit = number[i] & 0xFF;
      int temp = remainder * base + digit;
      number[i] = (byte) (temp / divisor);
      remainder = temp % divisor;
    }
    return (byte) remainder;
  }
}
