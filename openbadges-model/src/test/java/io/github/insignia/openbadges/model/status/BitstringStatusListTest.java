package io.github.insignia.openbadges.model.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.insignia.openbadges.ModelErrorCode;
import io.github.insignia.openbadges.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.HashSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class BitstringStatusListTest {
  /** The example list of the OB 3.0 implementation guide: 131,072 bits, only bit 23 set. */
  private static final String SPEC_EXAMPLE = "uH4sIAAAAAAAA_-3BMQEAAAzDoMy_6cnoA9QFAAAAAAAAAAAAAAAAAAAAbD3uPa2cAEAAAA";

  @Test
  void decodesTheSpecExample() {
    BitstringStatusList list = BitstringStatusList.decode(SPEC_EXAMPLE, 1 << 20);
    assertEquals(131_072, list.length());
    assertEquals(1, list.cardinality());
    assertTrue(list.get(23), "byte 2 = 0x01 is index 23 when index 0 is the MSB of byte 0");
  }

  @Test
  void encodesAsMultibaseBase64UrlWithoutPaddingOfGzip() throws Exception {
    BitstringStatusList list = new BitstringStatusList(BitstringStatusList.MINIMUM_LENGTH);
    list.set(0, true);
    list.set(9, true);
    String encoded = list.encode();
    assertTrue(encoded.startsWith("u"));
    assertFalse(encoded.contains("="));
    assertFalse(encoded.contains("+") || encoded.contains("/"));
    byte[] gz = Base64.getUrlDecoder().decode(encoded.substring(1));
    byte[] raw = new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes();
    assertEquals(16_384, raw.length);
    // index 0 is the most significant bit of byte 0
    assertEquals((byte) 0x80, raw[0]);
    assertEquals((byte) 0x40, raw[1]);
  }

  @Test
  void roundTripsAnySetOfBits() {
    qt().withExamples(100)
        .forAll(lists().of(integers().between(0, BitstringStatusList.MINIMUM_LENGTH - 1)).ofSizeBetween(0, 50))
        .checkAssert(
            indices -> {
              BitstringStatusList list = new BitstringStatusList(BitstringStatusList.MINIMUM_LENGTH);
              indices.forEach(i -> list.set(i, true));
              BitstringStatusList back = BitstringStatusList.decode(list.encode(), 1 << 20);
              assertEquals(new HashSet<>(indices).size(), back.cardinality());
              indices.forEach(i -> assertTrue(back.get(i)));
            });
  }

  @Test
  void rejectsHostileInput() {
    assertEquals(ModelErrorCode.STATUS_LIST_MALFORMED,
        assertThrows(InvalidInputException.class, () -> BitstringStatusList.decode("u!!!", 100)).errorCode());
    assertEquals(ModelErrorCode.STATUS_LIST_MALFORMED,
        assertThrows(InvalidInputException.class, () -> BitstringStatusList.decode("uAAAA", 100)).errorCode());
    // 16 KiB of zeros inflates past a 1 KiB limit: a compression bomb is cut off
    assertEquals(ModelErrorCode.STATUS_LIST_TOO_LARGE,
        assertThrows(InvalidInputException.class, () -> BitstringStatusList.decode(SPEC_EXAMPLE, 1024)).errorCode());
  }

  @Test
  void clearsBitsAndChecksRange() {
    BitstringStatusList list = new BitstringStatusList(8);
    list.set(7, true);
    assertTrue(list.get(7));
    list.set(7, false);
    assertFalse(list.get(7));
    assertThrows(IndexOutOfBoundsException.class, () -> list.get(8));
    assertThrows(IllegalArgumentException.class, () -> new BitstringStatusList(7));
  }
}
