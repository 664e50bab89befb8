package io.github.insignia.openbadges.signing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bounded CBOR subset: round trips, RFC 8949 encodings, and hostile input only ever {@link Cbor.Malformed}. */
class CborTest {
  static final HexFormat HEX = HexFormat.of();

  @Test
  void rfc8949Encodings() {
    assertEquals("00", HEX.formatHex(Cbor.encode(0)));
    assertEquals("17", HEX.formatHex(Cbor.encode(23)));
    assertEquals("1818", HEX.formatHex(Cbor.encode(24)));
    assertEquals("1903e8", HEX.formatHex(Cbor.encode(1000)));
    assertEquals("1a000f4240", HEX.formatHex(Cbor.encode(1_000_000)));
    assertEquals("1b000000e8d4a51000", HEX.formatHex(Cbor.encode(1_000_000_000_000L)));
    assertEquals("6449455446", HEX.formatHex(Cbor.encode("IETF")));
    assertEquals("4401020304", HEX.formatHex(Cbor.encode(new byte[] {1, 2, 3, 4})));
    assertEquals("83010203", HEX.formatHex(Cbor.encode(List.of(1, 2, 3))));
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put(1L, 2L);
    map.put(3L, 4L);
    assertEquals("a201020304", HEX.formatHex(Cbor.encode(map)));
  }

  @Test
  void roundTrip() {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put(0L, new byte[32]);
    byte[] encoded = Cbor.encode(List.of(new byte[64], "text", List.of(1L, 300L), map));
    List<?> decoded = (List<?>) Cbor.decode(encoded, 0, 100);
    assertArrayEquals(new byte[64], (byte[]) decoded.get(0));
    assertEquals("text", decoded.get(1));
    assertEquals(List.of(1L, 300L), decoded.get(2));
    assertArrayEquals(new byte[32], (byte[]) ((Map<?, ?>) decoded.get(3)).get(0L));
  }

  @Test
  void hostileInputIsMalformed() {
    String[] cases = {"", "9f", "5f", "7f", "bf", "20", "f5", "f97e00", "1c", "5b7fffffffffffffff",
        "9b7fffffffffffffff", "9a00010000", "1bffffffffffffffff", "8201", "a20102", "a2010201 03".replace(" ", ""),
        "a1410102", "0000", "c1" + "c1".repeat(20) + "00", "81".repeat(20) + "00"};
    for (String c : cases) {
      assertThrows(Cbor.Malformed.class, () -> Cbor.decode(HEX.parseHex(c), 0, 1000), c);
    }
    // The item bound counts every container's items.
    assertThrows(Cbor.Malformed.class, () -> Cbor.decode(Cbor.encode(List.of(List.of(1, 2), List.of(3, 4))), 0, 5));
  }

  @Test
  void randomBytesNeverEscapeAsAnotherException() {
    Random random = new Random(8949);
    for (int i = 0; i < 20_000; i++) {
      byte[] bytes = new byte[random.nextInt(40)];
      random.nextBytes(bytes);
      try {
        Cbor.decode(bytes, 0, 64);
      } catch (Cbor.Malformed expected) {
        // the only allowed failure
      }
    }
  }
}
