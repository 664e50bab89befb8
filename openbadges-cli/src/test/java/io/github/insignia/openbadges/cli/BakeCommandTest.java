package io.github.insignia.openbadges.cli;

import static org.junit.jupiter.api.Assertions.*;

import io.github.insignia.openbadges.cli.InsigniaCommandTest.Run;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code insignia bake} and {@code insignia unbake}: outputs and exit codes. */
class BakeCommandTest {
  static final String CREDENTIAL =
      "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
          + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],\"name\":\"Gr\u00fc\u00dfe \u2713\"}";

  @TempDir Path dir;
  Path png;
  Path svg;
  Path badge;

  @BeforeEach
  void images() throws IOException {
    png = dir.resolve("badge.png");
    ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
    svg = Files.writeString(dir.resolve("badge.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>\n");
    badge = Files.writeString(dir.resolve("credential.json"), CREDENTIAL + "\n");
  }

  @Test
  void bakesNextToTheImageByDefaultAndUnbakePrintsThePayloadExactly() throws IOException {
    byte[] original = Files.readAllBytes(png);
    Run bake = InsigniaCommandTest.run("bake", "--image", png.toString(), "--badge", badge.toString());
    assertEquals(0, bake.exit(), bake.err());
    Path baked = dir.resolve("badge-baked.png");
    assertEquals(baked.toString(), bake.out().strip());
    assertArrayEquals(original, Files.readAllBytes(png), "the input is unchanged");
    Run unbake = InsigniaCommandTest.run("unbake", baked.toString());
    assertEquals(0, unbake.exit(), unbake.err());
    assertEquals(CREDENTIAL, unbake.out());
  }

  @Test
  void bakesAnSvgToAGivenOutput() {
    Path out = dir.resolve("out.svg");
    Run bake = InsigniaCommandTest.run("bake", "--image", svg.toString(), "--badge", badge.toString(), "--out", out.toString());
    assertEquals(0, bake.exit(), bake.err());
    assertEquals(out.toString(), bake.out().strip());
    assertEquals(CREDENTIAL, InsigniaCommandTest.run("unbake", out.toString()).out());
  }

  @Test
  void unbakeOfAnImageWithoutABadgeExitsOne() {
    Run run = InsigniaCommandTest.run("unbake", png.toString());
    assertEquals(1, run.exit());
    assertTrue(run.err().startsWith("error: NO_BADGE: "), run.err());
    assertEquals("", run.out());
  }

  @Test
  void unbakeOfSomethingElseExitsTwo() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.png"), "just text");
    Run run = InsigniaCommandTest.run("unbake", text.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("error: IMAGE_FORMAT_UNKNOWN: "), run.err());
    Path truncated = Files.write(dir.resolve("cut.png"), Arrays.copyOf(Files.readAllBytes(png), 30));
    Run cut = InsigniaCommandTest.run("unbake", truncated.toString());
    assertEquals(2, cut.exit());
    assertTrue(cut.err().startsWith("error: PNG_TRUNCATED: "), cut.err());
    Run missing = InsigniaCommandTest.run("unbake", dir.resolve("missing.png").toString());
    assertEquals(2, missing.exit());
    assertTrue(missing.err().startsWith("error: IO_ERROR: "), missing.err());
  }

  @Test
  void aFailedBakeWritesNothingAndExitsTwo() throws IOException {
    Path broken = Files.write(dir.resolve("broken.png"), Arrays.copyOf(Files.readAllBytes(png), 40));
    Run run = InsigniaCommandTest.run("bake", "--image", broken.toString(), "--badge", badge.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("error: PNG_TRUNCATED: "), run.err());
    assertFalse(Files.exists(dir.resolve("broken-baked.png")));
    Path unknown = Files.writeString(dir.resolve("unknown.json"), "{\"a\":1}", StandardCharsets.UTF_8);
    Run version = InsigniaCommandTest.run("bake", "--image", png.toString(), "--badge", unknown.toString());
    assertEquals(2, version.exit());
    assertTrue(version.err().startsWith("error: PAYLOAD_VERSION_UNKNOWN: "), version.err());
  }

  @Test
  void missingOptionsAreUsageErrors() {
    Run run = InsigniaCommandTest.run("bake", "--image", png.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("error: USAGE: "), run.err());
  }
}
