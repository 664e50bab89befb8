package io.github.insignia.openbadges.validation;

import static io.github.insignia.openbadges.validation.Ob3VerificationTest.rootCause;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.baking.BadgeBaker;
import io.github.insignia.openbadges.baking.BadgePayload;
import io.github.insignia.openbadges.json.SafeJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link VerificationOptions#requireImage()}: a host that stores and shows the badge's image (an
 * importing portal) refuses a badge whose image it cannot obtain, and gets the image from the
 * report instead of fetching it again. Off, the verdict is unchanged (an image is conformance).
 */
class RequireImageTest {
  TestServer server;
  String base;
  VerificationOptions options;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer();
    base = server.base();
    options = VerificationOptions.builder()
        .allowPrivateNetwork(true)
        .at(Instant.parse("2026-06-01T00:00:00Z"))
        .recipient(Fixtures.LEARNER)
        .connectTimeout(Duration.ofSeconds(2))
        .totalTimeout(Duration.ofSeconds(4))
        .requireImage(true)
        .build();
    Fixtures.hostOb2(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  VerificationReport verify(VerificationOptions o) {
    return BadgeVerifier.create(o).verify(URI.create(base + "/assertions/1"));
  }

  @Test
  void theObtainedImageIsInTheReport() {
    VerificationReport r = verify(options);
    assertEquals(Verdict.VALID, r.verdict(), r::toJson);
    VerifiedImage image = r.image().orElseThrow();
    assertEquals("image/png", image.mediaType());
    assertEquals(base + "/badge.png", image.source());
    assertArrayEquals(Fixtures.png(), image.bytes());
    assertTrue(r.inLocale(Locale.forLanguageTag("es")).image().isPresent(), "kept in another language");
    assertTrue(verify(options.toBuilder().requireImage(false).build()).image().isEmpty(), "only when asked");
    assertTrue(options.toBuilder().build().requireImage());
    assertTrue(!VerificationOptions.defaults().requireImage());
  }

  @Test
  void anImageBehindALoginFailsTheBadgeOnlyWhenRequired() {
    for (int status : new int[] {401, 403}) {
      server.answer("/badge.png", status, "text/html", "<html>log in</html>".getBytes(StandardCharsets.UTF_8));
      VerificationReport r = verify(options);
      assertEquals(Verdict.INVALID, r.verdict(), r::toJson);
      assertEquals(CheckCode.FETCH_ACCESS_RESTRICTED, rootCause(r));
      Check c = r.find(CheckCode.FETCH_ACCESS_RESTRICTED).orElseThrow();
      assertEquals(Question.CONFORMANT, c.question());
      assertEquals(base + "/badge.png", c.target());
      assertTrue(r.image().isEmpty());
      assertTrue(r.inLocale(Locale.forLanguageTag("es")).summary().length() > 0);
      // the library's own verdict is unchanged without the option: a warning
      assertEquals(Verdict.VALID, verify(options.toBuilder().requireImage(false).build()).verdict());
    }
    server.answer("/badge.png", 404, "text/html", new byte[0]);
    assertEquals(CheckCode.FETCH_NOT_FOUND, rootCause(verify(options)));
    server.hang("/badge.png");
    assertEquals(CheckCode.FETCH_TIMEOUT, rootCause(verify(options.toBuilder().totalTimeout(Duration.ofMillis(600)).build())));
  }

  @Test
  void anImageThatIsNotAnImageFails() {
    server.answer("/badge.png", 200, "image/png", "<html>a page</html>".getBytes(StandardCharsets.UTF_8));
    VerificationReport r = verify(options);
    assertEquals(CheckCode.IMAGE_INVALID, rootCause(r));
    assertTrue(r.image().isEmpty());
  }

  @Test
  void aDataUriImageIsKept() {
    ObjectNode badge = Fixtures.ob2BadgeClass(base);
    badge.put("image", "data:image/png;base64," + Base64.getEncoder().encodeToString(Fixtures.png()));
    server.json("/badge", badge);
    VerificationReport r = verify(options);
    assertEquals(Verdict.VALID, r.verdict(), r::toJson);
    assertEquals("data:", r.image().orElseThrow().source());
  }

  @Test
  void ob3TakesTheAchievementImageElseTheBakedInputElseFails() {
    ObjectNode cred = Fixtures.ob3();
    VerificationOptions o = options.toBuilder().at(Instant.parse("2026-06-01T00:00:00Z")).build();
    // no image anywhere, given as JSON: nothing to keep
    VerificationReport none = BadgeVerifier.create(o).verify(SafeJson.write(Fixtures.signDi(cred, Fixtures.ED)));
    assertEquals(CheckCode.IMAGE_MISSING, rootCause(none), none::toJson);
    assertEquals(Verdict.VALID, BadgeVerifier.create(o.toBuilder().requireImage(false).build())
        .verify(SafeJson.write(Fixtures.signDi(cred, Fixtures.ED))).verdict());
    // baked into a PNG: the image it came in is the badge's image
    byte[] baked = BadgeBaker.create().bake(Fixtures.png(), BadgePayload.of(SafeJson.write(Fixtures.signDi(cred, Fixtures.ED))));
    VerificationReport fromPng = BadgeVerifier.create(o).verify(baked);
    assertEquals(Verdict.VALID, fromPng.verdict(), fromPng::toJson);
    assertEquals("baked", fromPng.image().orElseThrow().source());
    assertArrayEquals(baked, fromPng.image().orElseThrow().bytes());
    // the achievement names its image: that one, fetched, even inside a baked PNG
    ObjectNode withImage = cred.deepCopy();
    ((ObjectNode) withImage.path("credentialSubject").path("achievement"))
        .set("image", Fixtures.json("{\"id\": \"" + base + "/badge.png\", \"type\": \"Image\"}"));
    String signed = SafeJson.write(Fixtures.signDi(withImage, Fixtures.ED));
    VerificationReport named = BadgeVerifier.create(o).verify(signed);
    assertEquals(Verdict.VALID, named.verdict(), named::toJson);
    assertEquals(base + "/badge.png", named.image().orElseThrow().source());
    server.answer("/badge.png", 401, "text/html", new byte[0]);
    byte[] bakedNamed = BadgeBaker.create().bake(Fixtures.png(), BadgePayload.of(signed));
    VerificationReport restricted = BadgeVerifier.create(o).verify(bakedNamed);
    assertEquals(CheckCode.FETCH_ACCESS_RESTRICTED, rootCause(restricted), restricted::toJson);
    assertTrue(restricted.image().isEmpty(), "the baked image does not stand in for a named one");
  }
}
