package io.github.insignia.openbadges.baking;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageInspectorTest {
  @Test
  void readsPngDimensionsThroughCommonsImaging() {
    byte[] png = TestImages.png(40, 30, false);
    ImageInfo info = ImageInspector.inspect(png);
    assertEquals(ImageFormat.PNG, info.format());
    assertEquals(40, info.width().getAsInt());
    assertEquals(30, info.height().getAsInt());
    assertFalse(info.isSquare());
    assertFalse(info.carriesBadge());
    assertEquals(png.length, info.sizeBytes());
    assertTrue(ImageInspector.inspect(BadgeBaker.create().bake(png, BadgePayload.of(TestImages.OB2_URL))).carriesBadge());
  }

  @Test
  void detectsFromTheContentOnly() {
    assertEquals(ImageFormat.PNG, ImageInspector.detect(TestImages.smallPng()));
    assertEquals(ImageFormat.SVG, ImageInspector.detect(TestImages.svgBytes()));
    assertEquals("image/svg+xml", ImageFormat.SVG.mediaType());
  }

  @Test
  void sniffTellsImagesFromOtherInputWithoutThrowing() {
    assertEquals(java.util.Optional.of(ImageFormat.PNG), ImageInspector.sniff(TestImages.smallPng()));
    assertEquals(java.util.Optional.of(ImageFormat.SVG),
        ImageInspector.sniff("\uFEFF \n<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertEquals(java.util.Optional.empty(), ImageInspector.sniff("{\"@context\": []}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertEquals(java.util.Optional.empty(), ImageInspector.sniff("eyJhbGciOiJFZERTQSJ9.e30.sig".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertEquals(java.util.Optional.empty(), ImageInspector.sniff(new byte[0]));
    assertEquals(java.util.Optional.empty(), ImageInspector.sniff(new byte[] {(byte) 0x89, 'P', 'N'}));
  }

  @Test
  void hostileImagesAreTypedErrors() {
    Expect.code("PNG_TRUNCATED", () -> ImageInspector.inspect(Arrays.copyOf(TestImages.smallPng(), 60)));
    Expect.code("SVG_DOCTYPE_FORBIDDEN", () -> ImageInspector.inspect(TestImages.utf8("<!DOCTYPE svg><svg/>")));
    Expect.code("IMAGE_FORMAT_UNKNOWN", () -> ImageInspector.inspect(TestImages.utf8("<html/>")));
    BakingOptions tiny = BakingOptions.builder().maxImageBytes(10).build();
    Expect.code("IMAGE_TOO_LARGE", () -> ImageInspector.inspect(TestImages.smallPng(), tiny));
  }

  @Test
  void optionsAreValidatedAndComparable() {
    Expect.code("LIMIT_INVALID", () -> BakingOptions.builder().maxChunks(2));
    Expect.code("LIMIT_INVALID", () -> BakingOptions.builder().maxImageBytes(0));
    Expect.code("LIMIT_INVALID", () -> BakingOptions.builder().maxPayloadBytes(0));
    Expect.code("LIMIT_INVALID", () -> BakingOptions.builder().maxXmlDepth(0));
    BakingOptions options = BakingOptions.builder().crcPolicy(CrcPolicy.WARN).build();
    assertEquals(options, options.toBuilder().build());
    assertNotEquals(BakingOptions.defaults(), options);
    assertEquals(CrcPolicy.REJECT, BakingOptions.defaults().crcPolicy());
  }
}
