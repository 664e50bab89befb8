package io.github.insignia.openbadges.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.baking.BadgeBaker;
import io.github.insignia.openbadges.baking.BadgePayload;
import io.github.insignia.openbadges.baking.BadgeVersion;
import io.github.insignia.openbadges.baking.BakingException;
import io.github.insignia.openbadges.baking.ImageInspector;
import io.github.insignia.openbadges.baking.UnbakedBadge;
import io.github.insignia.openbadges.json.SafeJson;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Demo step: Baking: the badge inside its PNG and SVG. Draws a badge image (PNG and SVG), bakes the
 * OB 3.0 credential (signed with a Data Integrity proof if the signing step left one, else its
 * VC-JWT, else the unsigned credential, else a small sample) into {@code badge-baked.png/.svg} and
 * the OB 2.0 assertion (its JWS, else its hosted URL, else a sample URL) into {@code
 * ob2-baked.png/.svg}, unbakes each and checks it comes back identical. Reads OB3_SIGNED_DI,
 * OB3_JWT, OB3_CREDENTIAL, OB2_JWS, OB2_ASSERTION; writes BAKED_PNG and BAKED_SVG.
 */
public final class BakingDemo implements DemoStep {
  /** Used when no earlier step left an OB 3.0 credential. */
  static final String SAMPLE_CREDENTIAL =
      "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
          + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
          + "\"id\":\"urn:uuid:7f3a5c2e-2b1d-4c7e-9a61-5d0b8e4f1a23\","
          + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],"
          + "\"issuer\":{\"id\":\"https://example.edu/issuers/565049\",\"type\":[\"Profile\"],\"name\":\"Example University\"},"
          + "\"validFrom\":\"2026-11-28T00:00:00Z\",\"name\":\"Sample badge\","
          + "\"credentialSubject\":{\"type\":[\"AchievementSubject\"],"
          + "\"achievement\":{\"id\":\"https://example.edu/achievements/1\",\"type\":[\"Achievement\"],"
          + "\"name\":\"Sample badge\",\"description\":\"A sample.\",\"criteria\":{\"narrative\":\"Take part.\"}}}}";
  /** Used when no earlier step left an OB 2.0 assertion. */
  static final String SAMPLE_ASSERTION_URL = "https://example.org/assertions/sample-1";

  @Override
  public String title() {
    return "Baking: the badge inside its PNG and SVG";
  }

  @Override
  public void run(DemoContext context) throws IOException {
    BadgeBaker baker = BadgeBaker.create();
    byte[] png = drawPng();
    byte[] svg = drawSvg();
    context.writeBytes("badge.png", png);
    context.writeBytes("badge.svg", svg);
    var info = ImageInspector.inspect(png);
    context.say("  drew a " + info.width().getAsInt() + "x" + info.height().getAsInt() + " PNG (" + png.length
        + " bytes) and an SVG (" + svg.length + " bytes)");

    Source ob3 = ob3(context);
    context.say("  OB 3.0: baking " + ob3.description);
    Path bakedPng = bakeAndCheck(context, baker, png, "badge-baked.png", ob3.payload);
    Path bakedSvg = bakeAndCheck(context, baker, svg, "badge-baked.svg", ob3.payload);
    context.put(DemoContext.BAKED_PNG, bakedPng);
    context.put(DemoContext.BAKED_SVG, bakedSvg);

    Source ob2 = ob2(context);
    context.say("  OB 2.0: baking " + ob2.description);
    bakeAndCheck(context, baker, png, "ob2-baked.png", ob2.payload);
    bakeAndCheck(context, baker, svg, "ob2-baked.svg", ob2.payload);
  }

  private record Source(BadgePayload payload, String description) {}

  private static Source ob3(DemoContext context) {
    for (String key : new String[] {DemoContext.OB3_SIGNED_DI, DemoContext.OB3_JWT, DemoContext.OB3_CREDENTIAL}) {
      Optional<String> text = context.get(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
      if (text.isPresent()) {
        return new Source(payload(text.get(), BadgeVersion.OB_3_0), "the credential from the context (" + key + ")");
      }
    }
    return new Source(BadgePayload.of(SAMPLE_CREDENTIAL), "a sample credential (no earlier step left one)");
  }

  private static Source ob2(DemoContext context) {
    Optional<String> jws = context.get(DemoContext.OB2_JWS, String.class).map(String::strip).filter(s -> !s.isEmpty());
    if (jws.isPresent()) {
      return new Source(payload(jws.get(), BadgeVersion.OB_2_0), "the signed assertion (JWS) from the context");
    }
    Optional<String> url = context.get(DemoContext.OB2_ASSERTION, String.class).flatMap(BakingDemo::hostedId);
    if (url.isPresent()) {
      return new Source(BadgePayload.of(url.get(), BadgeVersion.OB_2_0), "the hosted assertion URL " + url.get());
    }
    return new Source(BadgePayload.of(SAMPLE_ASSERTION_URL, BadgeVersion.OB_2_0),
        "a sample hosted assertion URL (no earlier step left an assertion)");
  }

  private static Optional<String> hostedId(String assertion) {
    try {
      JsonNode id = SafeJson.read(assertion).get("id");
      return id != null && id.isTextual() && id.asText().startsWith("http") ? Optional.of(id.asText()) : Optional.empty();
    } catch (InvalidInputException e) {
      return Optional.empty();
    }
  }

  /** The payload's own version when it tells, else the one expected from where it came from. */
  private static BadgePayload payload(String text, BadgeVersion expected) {
    try {
      return BadgePayload.of(text);
    } catch (BakingException e) {
      return BadgePayload.of(text, expected);
    }
  }

  private static Path bakeAndCheck(DemoContext context, BadgeBaker baker, byte[] image, String name,
      BadgePayload payload) throws IOException {
    byte[] baked = baker.bake(image, payload);
    Path file = context.writeBytes(name, baked);
    UnbakedBadge back = baker.unbake(baked);
    if (!back.payload().equals(payload.text())) {
      throw new IllegalStateException("unbaking " + name + " did not give back what was baked");
    }
    context.say("    " + name + ": " + image.length + " -> " + baked.length + " bytes, " + back.container() + ", unbaked "
        + back.version() + " " + back.kind() + " (" + back.payload().length() + " chars): identical");
    return file;
  }

  static byte[] drawPng() throws IOException {
    int size = 256;
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(new Color(0x1E5AA0));
    g.fillOval(8, 8, size - 16, size - 16);
    g.setColor(new Color(0xF2C14E));
    g.setStroke(new BasicStroke(10));
    g.drawOval(18, 18, size - 36, size - 36);
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 34));
    FontMetrics metrics = g.getFontMetrics();
    String text = "Insignia";
    g.drawString(text, (size - metrics.stringWidth(text)) / 2, size / 2 + metrics.getAscent() / 3);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  static byte[] drawSvg() {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\" viewBox=\"0 0 256 256\">\n"
        + "  <title>Insignia sample badge</title>\n"
        + "  <circle cx=\"128\" cy=\"128\" r=\"120\" fill=\"#1e5aa0\"/>\n"
        + "  <circle cx=\"128\" cy=\"128\" r=\"105\" fill=\"none\" stroke=\"#f2c14e\" stroke-width=\"10\"/>\n"
        + "  <text x=\"128\" y=\"140\" font-family=\"sans-serif\" font-size=\"34\" font-weight=\"bold\""
        + " fill=\"#fff\" text-anchor=\"middle\">Insignia</text>\n"
        + "</svg>\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
