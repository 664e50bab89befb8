package io.github.insignia.openbadges.baking;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BakingFilesTest {
  private final BadgeBaker baker = BadgeBaker.create();

  @TempDir Path dir;

  private long filesIn(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.count();
    }
  }

  @Test
  void bakesAFileIntoAnotherAndLeavesTheInputAlone() throws IOException {
    byte[] png = TestImages.smallPng();
    Path in = Files.write(dir.resolve("badge.png"), png);
    Path out = baker.bake(in, BadgePayload.of(TestImages.OB3_JSON), dir.resolve("badge-baked.png"));
    assertArrayEquals(png, Files.readAllBytes(in));
    assertEquals(TestImages.OB3_JSON, baker.unbake(out).payload());
    assertEquals(2, filesIn(dir), "no temporary file left");
  }

  @Test
  void aFailedBakeLeavesNoOutputAndAnExistingOutputUntouched() throws IOException {
    byte[] broken = Arrays.copyOf(TestImages.smallPng(), 40);
    Path in = Files.write(dir.resolve("broken.png"), broken);
    Path out = dir.resolve("out.png");
    Expect.code("PNG_TRUNCATED", () -> baker.bake(in, BadgePayload.of(TestImages.OB2_URL), out));
    assertFalse(Files.exists(out));
    Files.writeString(out, "previous");
    Expect.code("PNG_TRUNCATED", () -> baker.bake(in, BadgePayload.of(TestImages.OB2_URL), out));
    assertEquals("previous", Files.readString(out));
    assertArrayEquals(broken, Files.readAllBytes(in));
    assertEquals(2, filesIn(dir), "no temporary file left");
  }

  @Test
  void bakingInPlaceReplacesTheFileOnlyOnSuccess() throws IOException {
    Path svg = Files.write(dir.resolve("badge.svg"), TestImages.svgBytes());
    baker.bake(svg, BadgePayload.of(TestImages.OB2_URL), svg);
    assertEquals(TestImages.OB2_URL, baker.unbake(svg).payload());
  }

  /** A file that cannot be read is typed (IMAGE_IO), never an UncheckedIOException. */
  @Test
  void aMissingFileIsABakingExceptionWithImageIo() {
    Path missing = dir.resolve("missing.png");
    BakingException unbake = assertThrows(BakingException.class, () -> baker.unbake(missing));
    assertEquals(BakingErrorCode.IMAGE_IO, unbake.errorCode());
    BakingException bake = assertThrows(BakingException.class,
        () -> baker.bake(missing, BadgePayload.of(TestImages.OB2_URL), dir.resolve("out.png")));
    assertEquals(BakingErrorCode.IMAGE_IO, bake.errorCode());
    assertFalse(Files.exists(dir.resolve("out.png")));
  }

  /** An output that cannot be written (its folder does not exist) is typed too. */
  @Test
  void anUnwritableOutputIsABakingExceptionWithImageIo() throws IOException {
    Path in = Files.write(dir.resolve("badge.png"), TestImages.smallPng());
    BakingException e = assertThrows(BakingException.class,
        () -> baker.bake(in, BadgePayload.of(TestImages.OB2_URL), dir.resolve("no-such-folder").resolve("out.png")));
    assertEquals(BakingErrorCode.IMAGE_IO, e.errorCode());
  }
}
