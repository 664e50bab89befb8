package io.github.insignia.openbadges.export.backpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.export.ExportErrorCode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Badge Connect 2.1 client against the provider on loopback. */
class BadgeConnectFlowTest {
  static final String ASSERTION = "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\","
      + "\"id\":\"https://example.org/assertions/1\",\"recipient\":{\"type\":\"email\",\"hashed\":false,"
      + "\"identity\":\"learner@example.org\"},\"issuedOn\":\"2024-01-01T00:00:00Z\","
      + "\"badge\":\"https://example.org/badges/robotics.json\",\"verification\":{\"type\":\"hosted\"}}";

  LoopbackBackpack loop;
  BadgeConnectClient client;

  @BeforeEach
  void start() throws Exception {
    loop = new LoopbackBackpack();
    client = BadgeConnectClient.discover(loop.base(), loop.options());
    LoopbackBackpack.authorize(client, BackpackScopes.V2_ALL);
  }

  @AfterEach
  void stop() {
    loop.close();
  }

  static String hashed(String email, String salt) throws Exception {
    return "sha256$" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest((email + salt).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void manifestDiscovery() {
    BackpackService s = client.service();
    assertEquals(URI.create(loop.base() + "/ims/ob/v2p1"), s.apiBase());
    assertTrue(s.revocation().isPresent());
    assertEquals(BackpackScopes.V2_ALL.subList(0, 4), s.scopesOffered());
  }

  @Test
  void postReadProfileAndRecipientMismatch() throws Exception {
    assertTrue(client.getProfile().isEmpty());
    ObjectNode profile = (ObjectNode) SafeJson.read("{\"id\":\"_:me\",\"type\":\"Profile\",\"email\":\"Learner@Example.org\"}");
    assertEquals("Learner@Example.org", client.postProfile(profile).orElseThrow().path("email").asText());

    client.postAssertion(SafeJson.read(ASSERTION));
    ObjectNode hashedOne = (ObjectNode) SafeJson.read(ASSERTION);
    hashedOne.put("id", "https://example.org/assertions/2");
    ((ObjectNode) hashedOne.get("recipient")).put("hashed", true).put("salt", "s4lt")
        .put("identity", hashed("learner@example.org", "s4lt"));
    client.postSignedAssertion(Ob3FlowTest.fakeJws(hashedOne));

    BackpackPage page = client.getAssertions(1, 0, null);
    assertEquals(2, page.totalCount().getAsLong());
    assertEquals(1, page.signed().size(), "newest first: the signed one");
    BackpackPage rest = client.getAssertions(page.nextPage().orElseThrow());
    assertEquals("https://example.org/assertions/1", rest.json().get(0).path("id").asText());
    loop.clientClock.advance(Duration.ZERO);

    ObjectNode someoneElse = (ObjectNode) SafeJson.read(ASSERTION);
    someoneElse.put("id", "https://example.org/assertions/3");
    ((ObjectNode) someoneElse.get("recipient")).put("identity", "other@example.org");
    BackpackException e = assertThrows(BackpackException.class, () -> client.postAssertion(someoneElse));
    assertEquals(ExportErrorCode.BACKPACK_BAD_REQUEST, e.errorCode());
    assertEquals("RECIPIENT_PROFILE_MISMATCH", e.serverCode().orElseThrow());

    // Writing another person's address into one's own profile does not make their badge one's own.
    client.postProfile(SafeJson.read("{\"id\":\"_:me\",\"type\":\"Profile\",\"email\":\"other@example.org\"}"));
    assertEquals("RECIPIENT_PROFILE_MISMATCH", assertThrows(BackpackException.class,
        () -> client.postAssertion(someoneElse)).serverCode().orElseThrow());
  }

  @Test
  void missingScopeIsPermissionDenied() throws Exception {
    loop.tokens.deleteTokens(client.service().apiBase().toString(), "default");
    LoopbackBackpack.authorize(client, List.of(BackpackScopes.V2_ASSERTION_READONLY));
    BackpackException e = assertThrows(BackpackException.class, () -> client.postAssertion(SafeJson.read(ASSERTION)));
    assertEquals(ExportErrorCode.BACKPACK_UNAUTHORIZED, e.errorCode());
    assertEquals("PERMISSION_DENIED", e.serverCode().orElseThrow());
  }

  @Test
  void revokedTokensStopWorking() throws Exception {
    String api = client.service().apiBase().toString();
    TokenSet before = loop.tokens.loadTokens(api, "default").orElseThrow();
    client.revoke();
    loop.tokens.saveTokens(api, "default", before);
    BackpackException e = assertThrows(BackpackException.class, () -> client.getAssertions(10, 0, null));
    assertEquals(ExportErrorCode.TOKEN_REFRESH_FAILED, e.errorCode(), "the 401 led to a refresh, which the revoked grant refuses");
  }
}
