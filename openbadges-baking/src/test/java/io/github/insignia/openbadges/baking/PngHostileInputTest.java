package io.github.insignia.openbadges.baking;

import static io.github.insignia.openbadges.baking.TestImages.*;
import static org.junit.jupiter.api.Assertions.*;

import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.OpenBadgesException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each hostile PNG gets a typed error with a stable code: never a crash, hang or huge allocation. */
class PngHostileInputTest {
  private final BadgeBaker baker = BadgeBaker.create();
  private static final byte[] SIGNATURE = Arrays.copyOf(smallPng(), 8);

  @Test
  void everyTruncationIsATypedError() {
    byte[] baked = baker.bake(smallPng(), BadgePayload.of(OB3_JSON));
    for (int len = 0; len < baked.length; len++) {
      byte[] cut = Arrays.copyOf(baked, len);
      OpenBadgesException e = assertThrows(OpenBadgesException.class, () -> baker.unbake(cut), "length " + len);
      assertTrue(e instanceof InvalidInputException);
      String expected = len < 8 ? "IMAGE_FORMAT_UNKNOWN" : "PNG_TRUNCATED";
      assertEquals(expected, e.code(), "length " + len + ": " + e.getMessage());
      Expect.code(expected, () -> baker.bake(cut, BadgePayload.of(OB2_URL)));
    }
  }

  @Test
  void aBadCrcIsRejectedByDefaultAndAWarningUnderTheWarnPolicy() {
    byte[] png = insertBeforeIend(smallPng(), chunk("iTXt", concat(latin1("openbadges"), new byte[] {0, 0, 0, 0, 0},
        utf8(OB2_URL)), true));
    Expect.code("PNG_BAD_CRC", () -> baker.unbake(png));
    Expect.code("PNG_BAD_CRC", () -> baker.bake(png, BadgePayload.of(OB2_URL)));
    BadgeBaker lenient = BadgeBaker.create(BakingOptions.builder().crcPolicy(CrcPolicy.WARN).build());
    UnbakedBadge badge = lenient.unbake(png);
    assertEquals(OB2_URL, badge.payload());
    assertTrue(badge.warnings().get(0).contains("CRC"), badge.warnings().toString());
  }

  @Test
  void aBadIhdrCrcIsRejected() {
    byte[] png = smallPng();
    png[29] ^= 1;
    Expect.code("PNG_BAD_CRC", () -> baker.unbake(png));
  }

  @Test
  void pixelDataCrcsAreCheckedOnlyWhenAsked() {
    byte[] png = smallPng();
    png[png.length - 13] ^= 1; // last CRC byte of the IDAT chunk before IEND
    assertTrue(baker.find(png).isEmpty());
    BadgeBaker strict = BadgeBaker.create(BakingOptions.builder().checkAllCrcs(true).build());
    Expect.code("PNG_BAD_CRC", () -> strict.find(png));
  }

  @Test
  void aChunkLengthLargerThanTheFileIsTruncation() {
    byte[] png = insertAfterIhdr(smallPng(), chunk("tEXt", latin1("a\u0000b"), false));
    ByteBuffer.wrap(png).putInt(33, 1_000_000);
    Expect.code("PNG_TRUNCATED", () -> baker.unbake(png));
  }

  @Test
  void chunkLengthsNearTwoToTheThirtyOneAreRejectedWithoutAllocating() {
    for (int length : new int[] {0x7FFFFFFF, 0x7FFFFFF4, 0x80000000, 0xFFFFFFFF}) {
      byte[] png = insertAfterIhdr(smallPng(), chunk("tEXt", latin1("a\u0000b"), false));
      ByteBuffer.wrap(png).putInt(33, length);
      String expected = length < 0 ? "PNG_CHUNK_TOO_LARGE" : "PNG_TRUNCATED";
      Expect.code(expected, () -> baker.unbake(png));
      Expect.code(expected, () -> baker.bake(png, BadgePayload.of(OB2_URL)));
    }
  }

  @Test
  void thousandsOfChunksHitTheLimit() {
    byte[] one = chunk("tEXt", latin1("k\u0000v"), false);
    byte[] many = new byte[one.length * 20_000];
    for (int i = 0; i < 20_000; i++) {
      System.arraycopy(one, 0, many, i * one.length, one.length);
    }
    byte[] png = insertBeforeIend(smallPng(), many);
    Expect.code("PNG_TOO_MANY_CHUNKS", () -> baker.unbake(png));
    BadgeBaker roomy = BadgeBaker.create(BakingOptions.builder().maxChunks(30_000).build());
    assertTrue(roomy.find(png).isEmpty());
    byte[] baked = roomy.bake(png, BadgePayload.of(OB2_URL));
    assertArrayEquals(png, roomy.removeBadge(baked));
  }

  @Test
  void aZlibBombStopsAtTheLimit() {
    byte[] zeros = new byte[64 * 1024 * 1024];
    byte[] png = insertBeforeIend(smallPng(), compressedITXt("openbadgecredential", zeros));
    assertTrue(png.length < 200_000, "the bomb is small: " + png.length);
    Expect.code("PAYLOAD_TOO_LARGE", () -> baker.unbake(png));
    BadgeBaker tight = BadgeBaker.create(BakingOptions.builder().maxPayloadBytes(1024).build());
    Expect.code("PAYLOAD_TOO_LARGE", () -> tight.unbake(png));
  }

  @Test
  void brokenCompressedTextIsMalformed() {
    byte[] data = concat(latin1("openbadges"), new byte[] {0, 1, 0, 0, 0}, utf8("not zlib at all"));
    byte[] png = insertBeforeIend(smallPng(), chunk("iTXt", data, false));
    Expect.code("PNG_TEXT_MALFORMED", () -> baker.unbake(png));
    byte[] truncatedZlib = compressedITXt("openbadges", utf8(OB2_URL));
    byte[] cut = Arrays.copyOf(truncatedZlib, truncatedZlib.length - 8);
    byte[] fixed = chunk("iTXt", Arrays.copyOfRange(cut, 8, cut.length), false);
    Expect.code("PNG_TEXT_MALFORMED", () -> baker.unbake(insertBeforeIend(smallPng(), fixed)));
  }

  @Test
  void badITXtFieldsAreMalformed() {
    for (byte[] fields : new byte[][] {{0, 0, 1, 0, 0}, {0, 2, 0, 0, 0}, {0, 0, 0, 'e', 'n'}, {0, 0}}) {
      byte[] png = insertBeforeIend(smallPng(), chunk("iTXt", concat(latin1("openbadges"), fields), false));
      Expect.code("PNG_TEXT_MALFORMED", () -> baker.unbake(png));
    }
  }

  @Test
  void nonUtf8TextIsAnEncodingError() {
    byte[] data = concat(latin1("openbadges"), new byte[] {0, 0, 0, 0, 0}, new byte[] {'h', (byte) 0xC3, (byte) 0x28});
    byte[] png = insertBeforeIend(smallPng(), chunk("iTXt", data, false));
    Expect.code("TEXT_ENCODING_INVALID", () -> baker.unbake(png));
  }

  @Test
  void aSignatureFollowedByGarbageIsMalformed() {
    byte[] garbage = new byte[4096];
    new java.util.Random(7).nextBytes(garbage);
    byte[] png = concat(SIGNATURE, garbage);
    OpenBadgesException e = assertThrows(OpenBadgesException.class, () -> baker.unbake(png));
    assertTrue(Set.of("PNG_MALFORMED", "PNG_TRUNCATED", "PNG_CHUNK_TOO_LARGE").contains(e.code()), e.code());
    Expect.code("PNG_MALFORMED", () -> baker.unbake(concat(SIGNATURE, chunk("IDAT", new byte[13], false))));
    Expect.code("PNG_MALFORMED", () -> baker.unbake(concat(SIGNATURE, chunk("IH1R", new byte[13], false))));
    Expect.code("PNG_TRUNCATED", () -> baker.unbake(SIGNATURE));
  }

  @Test
  void notAnImageAtAllIsUnknownFormat() {
    Expect.code("IMAGE_FORMAT_UNKNOWN", () -> baker.unbake("GIF89a...".getBytes(StandardCharsets.US_ASCII)));
    Expect.code("IMAGE_FORMAT_UNKNOWN", () -> baker.unbake(new byte[0]));
    Expect.code("IMAGE_FORMAT_UNKNOWN", () -> ImageInspector.inspect(new byte[] {1, 2, 3}));
  }

  @Test
  void anImageOverTheSizeLimitIsRejectedBeforeReadingItAll() {
    BadgeBaker tiny = BadgeBaker.create(BakingOptions.builder().maxImageBytes(100).build());
    Expect.code("IMAGE_TOO_LARGE", () -> tiny.unbake(smallPng()));
    CountingStream endless = new CountingStream(Long.MAX_VALUE);
    Expect.code("IMAGE_TOO_LARGE", () -> tiny.unbake(endless));
    assertTrue(endless.served <= 101 + 8192, "read " + endless.served);
  }

  /** An endless stream of spaces that counts what it served. */
  static final class CountingStream extends java.io.InputStream {
    long remaining;
    long served;

    CountingStream(long size) {
      this.remaining = size;
    }

    @Override
    public int read() {
      if (remaining == 0) {
        return -1;
      }
      remaining--;
      served++;
      return ' ';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (remaining == 0) {
        return -1;
      }
      int n = (int) Math.min(len, remaining);
      Arrays.fill(b, off, off + n, (byte) ' ');
      remaining -= n;
      served += n;
      return n;
    }
  }
}
