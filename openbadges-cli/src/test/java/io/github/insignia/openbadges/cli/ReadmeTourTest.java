package io.github.insignia.openbadges.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.model.DocumentKind;
import io.github.insignia.openbadges.model.OpenBadgesVersion;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Runs the README's tour and checks that the README quotes it exactly. */
class ReadmeTourTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void theTourRunsAndEveryStepDoesWhatTheReadmeSays() throws Exception {
    ReadmeTour.Outcome outcome = ReadmeTour.run(png());
    assertTrue(outcome.report().valid(), outcome.report().summary());
    assertTrue(outcome.report().summary().startsWith("VALID"), outcome.report().summary());
    assertTrue(outcome.reportEs().summary().startsWith("VÁLIDA"), outcome.reportEs().summary());
    assertEquals(OpenBadgesVersion.V3_0, outcome.read().version());
    assertEquals(DocumentKind.CREDENTIAL, outcome.read().kind());
    assertEquals(3, outcome.jwt().split("\\.").length);
    assertTrue(outcome.linkedIn().toString().startsWith("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=Teaching%20with%20open%20data"),
        outcome.linkedIn().toString());
  }

  @Test
  void theReadmeQuotesTheTourWordForWord() throws Exception {
    String source = Files.readString(Path.of("src/test/java/io/github/insignia/openbadges/cli/ReadmeTour.java"), StandardCharsets.UTF_8);
    String tour = region(source);
    String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    assertTrue(readme.contains(tour), "README.md must quote ReadmeTour.java's tour region exactly:\n" + tour);
  }

  static String region(String source) {
    int start = source.indexOf('\n', source.indexOf("// tag::tour[]")) + 1;
    int end = source.lastIndexOf('\n', source.indexOf("// end::tour[]"));
    String body = source.substring(start, end + 1);
    StringBuilder out = new StringBuilder();
    for (String line : body.split("\n", -1)) {
      out.append(line.startsWith("    ") ? line.substring(4) : line).append('\n');
    }
    return out.toString().stripTrailing() + "\n";
  }

  private static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
