package io.github.insignia.openbadges.signing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.InvalidInputException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Base58btc against a plain {@link BigInteger} reference, on seeded random inputs and edge cases. */
class Base58Test {
  private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger FIFTY_EIGHT = BigInteger.valueOf(58);

  static String referenceEncode(byte[] bytes) {
    int zeros = 0;
    while (zeros < bytes.length && bytes[zeros] == 0) {
      zeros++;
    }
    StringBuilder out = new StringBuilder();
    for (BigInteger v = new BigInteger(1, bytes); v.signum() > 0; v = v.divide(FIFTY_EIGHT)) {
      out.append(ALPHABET.charAt(v.mod(FIFTY_EIGHT).intValue()));
    }
    return "1".repeat(zeros) + out.reverse();
  }

  static byte[] referenceDecode(String text) {
    int zeros = 0;
    while (zeros < text.length() && text.charAt(zeros) == '1') {
      zeros++;
    }
    BigInteger v = BigInteger.ZERO;
    for (int i = zeros; i < text.length(); i++) {
      v = v.multiply(FIFTY_EIGHT).add(BigInteger.valueOf(ALPHABET.indexOf(text.charAt(i))));
    }
    byte[] magnitude = v.signum() == 0 ? new byte[0] : v.toByteArray();
    if (magnitude.length > 0 && magnitude[0] == 0) {
      magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length);
    }
    byte[] out = new byte[zeros + magnitude.length];
    System.arraycopy(magnitude, 0, out, zeros, magnitude.length);
    return out;
  }

  @Test
  void randomBytesEncodeAndDecodeAsTheReferenceDoes() {
    Random random = new Random(58);
    for (int i = 0; i < 5000; i++) {
      byte[] bytes = new byte[random.nextInt(80)];
      random.nextBytes(bytes);
      for (int z = random.nextInt(4) == 0 ? random.nextInt(Math.max(1, bytes.length) + 1) : 0; z > 0; z--) {
        if (z <= bytes.length) {
          bytes[z - 1] = 0;
        }
      }
      if (random.nextInt(10) == 0) {
        Arrays.fill(bytes, (byte) (random.nextBoolean() ? 0 : 0xFF));
      }
      String encoded = Base58.encode(bytes);
      assertEquals(referenceEncode(bytes), encoded, Arrays.toString(bytes));
      assertArrayEquals(bytes, Base58.decode(encoded));
    }
  }

  @Test
  void randomTextDecodesAsTheReferenceDoes() {
    Random random = new Random(85);
    for (int i = 0; i < 5000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(120); n > 0; n--) {
        text.append(ALPHABET.charAt(random.nextInt(random.nextInt(8) == 0 ? 1 : 58)));
      }
      assertArrayEquals(referenceDecode(text.toString()), Base58.decode(text.toString()), text.toString());
    }
  }

  @Test
  void edgeCases() {
    assertEquals("", Base58.encode(new byte[0]));
    assertArrayEquals(new byte[0], Base58.decode(""));
    assertEquals("111", Base58.encode(new byte[3]));
    assertArrayEquals(new byte[3], Base58.decode("111"));
    assertEquals("z", Base58.encode(new byte[] {57}));
    assertEquals("21", Base58.encode(new byte[] {58}));
    // The Multikey of the OB 3.0 specification's test key.
    assertEquals("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2".substring(1),
        Base58.encode(Base58.decode("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2".substring(1))));
    assertEquals(SigningErrorCode.MULTIBASE_MALFORMED, assertThrows(InvalidInputException.class, () -> Base58.decode("0OIl")).errorCode());
    assertEquals(SigningErrorCode.MULTIBASE_MALFORMED, assertThrows(InvalidInputException.class, () -> Base58.decode("é")).errorCode());
    assertEquals(SigningErrorCode.MULTIBASE_MALFORMED,
        assertThrows(InvalidInputException.class, () -> Base58.decode("2".repeat(Base58.MAX_ENCODED_LENGTH + 1))).errorCode());
  }
}
