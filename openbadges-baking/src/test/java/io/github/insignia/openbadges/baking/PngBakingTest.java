package io.github.insignia.openbadges.baking;

import static io.github.insignia.openbadges.baking.TestImages.*;
import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngBakingTest {
  private final BadgeBaker baker = BadgeBaker.create();

  @Test
  void bakesAnUncompressedITXtChunkRightAfterIhdrWithTheExactLayout() {
    byte[] png = smallPng();
    byte[] baked = baker.bake(png, BadgePayload.of(OB3_JSON));
    byte[] text = utf8(OB3_JSON);
    byte[] keyword = latin1("openbadgecredential");
    int dataLength = keyword.length + 5 + text.length;
    assertArrayEquals(Arrays.copyOf(png, 33), Arrays.copyOf(baked, 33), "signature and IHDR untouched");
    assertEquals(dataLength, java.nio.ByteBuffer.wrap(baked, 33, 4).getInt());
    assertEquals("iTXt", new String(baked, 37, 4, StandardCharsets.ISO_8859_1));
    assertArrayEquals(keyword, Arrays.copyOfRange(baked, 41, 41 + keyword.length));
    // NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL.
    assertArrayEquals(new byte[] {0, 0, 0, 0, 0}, Arrays.copyOfRange(baked, 41 + keyword.length, 46 + keyword.length));
    assertArrayEquals(text, Arrays.copyOfRange(baked, 46 + keyword.length, 41 + dataLength));
    CRC32 crc = new CRC32();
    crc.update(baked, 37, dataLength + 4);
    assertEquals((int) crc.getValue(), java.nio.ByteBuffer.wrap(baked, 41 + dataLength, 4).getInt());
    assertArrayEquals(Arrays.copyOfRange(png, 33, png.length), Arrays.copyOfRange(baked, 45 + dataLength, baked.length),
        "every other chunk byte for byte and in order");
  }

  @Test
  void roundTripsOb3Ob2AndJws() {
    byte[] png = smallPng();
    UnbakedBadge ob3 = baker.unbake(baker.bake(png, BadgePayload.of(OB3_JSON)));
    assertEquals(OB3_JSON, ob3.payload());
    assertEquals(BadgeVersion.OB_3_0, ob3.version());
    assertEquals(BadgeVersion.OB_3_0, ob3.declaredVersion());
    assertEquals(PayloadKind.JSON, ob3.kind());
    assertEquals("iTXt openbadgecredential", ob3.container());
    assertEquals(ImageFormat.PNG, ob3.format());
    assertTrue(ob3.warnings().isEmpty(), ob3.warnings().toString());

    UnbakedBadge url = baker.unbake(baker.bake(png, BadgePayload.of(OB2_URL)));
    assertEquals(OB2_URL, url.payload());
    assertEquals(BadgeVersion.OB_2_0, url.version());
    assertEquals(PayloadKind.URL, url.kind());
    assertEquals("iTXt openbadges", url.container());

    String jws = Jws.compact("{\"alg\":\"RS256\"}", OB2_JSON);
    UnbakedBadge signed = baker.unbake(baker.bake(png, BadgePayload.of(jws)));
    assertEquals(jws, signed.payload());
    assertEquals(PayloadKind.JWS, signed.kind());
    assertEquals(BadgeVersion.OB_2_0, signed.version());

    String vcJwt = Jws.compact("{\"alg\":\"EdDSA\"}", "{\"iss\":\"did:example:1\",\"vc\":" + OB3_JSON + "}");
    UnbakedBadge jwt = baker.unbake(baker.bake(png, BadgePayload.of(vcJwt)));
    assertEquals(BadgeVersion.OB_3_0, jwt.version());
    assertEquals("iTXt openbadgecredential", jwt.container());
  }

  @Test
  void theBakedImageStillDecodesToTheSamePixels() throws Exception {
    byte[] png = png(32, 32, true);
    byte[] baked = baker.bake(png, BadgePayload.of(OB3_JSON));
    BufferedImage before = ImageIO.read(new ByteArrayInputStream(png));
    BufferedImage after = ImageIO.read(new ByteArrayInputStream(baked));
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        assertEquals(before.getRGB(x, y), after.getRGB(x, y));
      }
    }
    assertEquals(32, ImageInspector.inspect(baked).width().getAsInt());
  }

  @Test
  void bakingTwiceReplacesTheChunkAndRemovingGivesTheOriginalBack() {
    byte[] png = smallPng();
    byte[] once = baker.bake(png, BadgePayload.of(OB2_URL));
    byte[] twice = baker.bake(once, BadgePayload.of(OB3_JSON));
    assertEquals(OB3_JSON, baker.unbake(twice).payload());
    assertArrayEquals(png, baker.removeBadge(twice));
    assertArrayEquals(baker.bake(png, BadgePayload.of(OB3_JSON)), twice);
  }

  @Test
  void aBadgeChunkElsewhereIsMovedAfterIhdrAndALegacyTextChunkIsReplaced() {
    byte[] png = smallPng();
    byte[] legacy = insertBeforeIend(png, tEXt("openbadges", "https://example.org/old"));
    UnbakedBadge old = baker.unbake(legacy);
    assertEquals(BadgeVersion.OB_1_0, old.version());
    assertEquals("tEXt openbadges", old.container());
    assertEquals("https://example.org/old", old.payload());
    byte[] baked = baker.bake(legacy, BadgePayload.of(OB3_JSON));
    assertEquals(OB3_JSON, baker.unbake(baked).payload());
    assertArrayEquals(png, baker.removeBadge(baked));
  }

  @Test
  void otherTextChunksAreKept() {
    byte[] png = insertBeforeIend(smallPng(), tEXt("Comment", "hello"));
    byte[] baked = baker.bake(png, BadgePayload.of(OB2_URL));
    assertArrayEquals(png, baker.removeBadge(baked));
  }

  @Test
  void readsACompressedITXtChunkWithAWarning() {
    byte[] png = insertBeforeIend(smallPng(), compressedITXt("openbadgecredential", utf8(OB3_JSON)));
    UnbakedBadge badge = baker.unbake(png);
    assertEquals(OB3_JSON, badge.payload());
    assertEquals(1, badge.warnings().size(), badge.warnings().toString());
  }

  @Test
  void anImageWithoutABadgeIsNoBadge() {
    Expect.code("NO_BADGE", () -> baker.unbake(smallPng()));
    assertTrue(baker.find(smallPng()).isEmpty());
    assertTrue(baker.find(insertBeforeIend(smallPng(), iTXt("openbadgesX", "x"))).isEmpty());
  }

  @Test
  void twoBadgeChunksAreAnError() {
    byte[] two = insertBeforeIend(baker.bake(smallPng(), BadgePayload.of(OB2_URL)), iTXt("openbadges", "https://x.org"));
    Expect.code("BADGE_DUPLICATE", () -> baker.unbake(two));
    byte[] mixed = insertBeforeIend(baker.bake(smallPng(), BadgePayload.of(OB3_JSON)), tEXt("openbadges", "https://x"));
    Expect.code("BADGE_DUPLICATE", () -> baker.unbake(mixed));
    // Baking over it leaves exactly one.
    assertEquals(OB2_URL, baker.unbake(baker.bake(two, BadgePayload.of(OB2_URL))).payload());
  }

  @Test
  void streamingApiMatchesTheArrayApi() {
    byte[] png = smallPng();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    baker.bake(new ByteArrayInputStream(png), BadgePayload.of(OB3_JSON), out);
    assertArrayEquals(baker.bake(png, BadgePayload.of(OB3_JSON)), out.toByteArray());
    assertEquals(OB3_JSON, baker.unbake(new ByteArrayInputStream(out.toByteArray())).payload());
  }

  @Test
  void aFailedStreamingBakeWritesNothing() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] truncated = Arrays.copyOf(smallPng(), 50);
    Expect.code("PNG_TRUNCATED", () -> baker.bake(new ByteArrayInputStream(truncated), BadgePayload.of(OB2_URL), out));
    assertEquals(0, out.size());
  }

  @Test
  void bytesAfterIendAreKeptAndReported() {
    byte[] png = concat(smallPng(), utf8("trailer"));
    byte[] baked = baker.bake(png, BadgePayload.of(OB2_URL));
    assertArrayEquals(png, baker.removeBadge(baked));
    assertEquals(1, baker.unbake(baked).warnings().size());
  }

  @Test
  void payloadsAnImageCannotCarryAreRejected() {
    Expect.code("PAYLOAD_INVALID", () -> baker.bake(smallPng(), BadgePayload.of("", BadgeVersion.OB_3_0)));
    Expect.code("PAYLOAD_INVALID", () -> baker.bake(smallPng(), BadgePayload.of("a\u0000b", BadgeVersion.OB_3_0)));
    Expect.code("PAYLOAD_INVALID", () -> baker.bake(smallPng(), BadgePayload.of("a\ud800b", BadgeVersion.OB_3_0)));
    Expect.code("PAYLOAD_VERSION_UNKNOWN", () -> BadgePayload.of("hello"));
    BakingOptions small = BakingOptions.builder().maxPayloadBytes(10).build();
    Expect.code("PAYLOAD_TOO_LARGE", () -> BadgeBaker.create(small).bake(smallPng(), BadgePayload.of(OB3_JSON)));
  }

  @Test
  void ob3InATextChunkIsReadWithAWarningAndReplacedOnBake() {
    byte[] chunk = chunk("tEXt", concat(latin1("openbadgecredential"), new byte[] {0}, utf8(OB3_JSON)), false);
    byte[] png = insertBeforeIend(smallPng(), chunk);
    UnbakedBadge badge = baker.unbake(png);
    assertEquals(OB3_JSON, badge.payload(), "UTF-8 written into tEXt by mistake is read as UTF-8");
    assertEquals(BadgeVersion.OB_3_0, badge.declaredVersion());
    assertEquals(2, badge.warnings().size(), badge.warnings().toString());
    assertArrayEquals(smallPng(), baker.removeBadge(png));
    byte[] latin = insertBeforeIend(smallPng(), tEXt("openbadges", "https://example.org/caf\u00e9"));
    assertEquals("https://example.org/caf\u00e9", baker.unbake(latin).payload());
  }
}
