package io.github.insignia.openbadges.export.backpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.export.ExportErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.export.provider.ConsentDecision;
import io.github.insignia.openbadges.json.SafeJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.github.insignia.openbadges.testvectors.TestVectors;

/** The OB 3.0 client against the provider on loopback, through the whole OAuth flow. */
class Ob3FlowTest {
  LoopbackBackpack loop;
  Ob3BackpackClient client;

  @BeforeEach
  void start() {
    loop = new LoopbackBackpack();
    client = Ob3BackpackClient.discover(loop.base(), loop.options());
  }

  @AfterEach
  void stop() {
    loop.close();
  }

  static ObjectNode credential() throws Exception {
    Path file = TestVectors.path("ob3", "ob-spec-examples",
        "examples-basicOpenBadgeCredential-01.json");
    return (ObjectNode) SafeJson.read(Files.readAllBytes(file));
  }

  static String fakeJws(JsonNode payload) {
    Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
    return b.encodeToString("{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b.encodeToString(SafeJson.write(payload).getBytes(StandardCharsets.UTF_8)) + ".c2ln";
  }

  @Test
  void discoveryFindsTheEndpoints() {
    BackpackService s = client.service();
    assertEquals("Test backpack", s.name());
    assertEquals(URI.create(loop.base() + "/ims/ob/v3p0"), s.apiBase());
    assertTrue(s.scopesOffered().containsAll(BackpackScopes.V3_ALL));
    assertTrue(s.tokenUrl().toString().endsWith("/oauth/token"));
  }

  @Test
  void wholeFlowUpsertReadBackAndProfile() throws Exception {
    TokenSet tokens = LoopbackBackpack.authorize(client, BackpackScopes.V3_ALL);
    assertTrue(tokens.refresh().isPresent());
    assertTrue(client.isAuthorized());

    ObjectNode cred = credential();
    assertEquals(UpsertResult.Outcome.CREATED, client.upsertCredential(cred).outcome());
    assertEquals(UpsertResult.Outcome.NOT_MODIFIED, client.upsertCredential(cred).outcome());
    cred.put("name", "Teamwork Badge (reissued)");
    UpsertResult replaced = client.upsertCredential(cred);
    assertEquals(UpsertResult.Outcome.REPLACED, replaced.outcome());
    assertEquals(cred, SafeJson.read(replaced.echo().orElseThrow()));
    ObjectNode older = cred.deepCopy();
    older.put("validFrom", "2009-01-01T00:00:00Z");
    older.put("name", "older");
    assertEquals(UpsertResult.Outcome.NOT_MODIFIED, client.upsertCredential(older).outcome());

    ObjectNode second = credential();
    second.put("id", "urn:uuid:second");
    String jws = fakeJws(second);
    UpsertResult signed = client.upsertCredential(jws);
    assertEquals(UpsertResult.Outcome.CREATED, signed.outcome());
    assertEquals(jws, signed.echo().orElseThrow());

    BackpackPage first = client.getCredentials(1, 0, null);
    assertEquals(OptionalLong.of(2), first.totalCount());
    assertEquals(List.of(jws), first.signed(), "newest first");
    URI next = first.nextPage().orElseThrow();
    BackpackPage last = client.getCredentials(next);
    assertEquals(1, last.json().size());
    assertEquals("Teamwork Badge (reissued)", last.json().get(0).path("name").asText());
    assertTrue(last.nextPage().isEmpty());
    assertEquals(2, client.getCredentials(10, 0, java.time.Instant.parse("2026-06-01T09:59:59Z")).size());
    assertEquals(0, client.getCredentials(10, 0, java.time.Instant.parse("2026-06-01T10:00:00Z")).size(),
        "since: only credentials updated after it");

    assertTrue(client.getProfile().isEmpty());
    ObjectNode profile = SafeJson.nodeFactory().objectNode();
    profile.putArray("@context").add("https://www.w3.org/ns/credentials/v2")
        .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    profile.put("id", "did:example:learner");
    profile.putArray("type").add("Profile");
    profile.put("name", "Ada Lovelace");
    assertEquals(profile, client.putProfile(profile).orElseThrow());
    assertEquals(profile, client.getProfile().orElseThrow());
  }

  @Test
  void expiredAccessTokenIsRefreshedOnce() throws Exception {
    TokenSet first = LoopbackBackpack.authorize(client, BackpackScopes.V3_ALL);
    // The provider's clock moves past the access token's life but the client's does not: a 401, then a refresh.
    loop.providerClock.advance(Duration.ofMinutes(61));
    assertEquals(UpsertResult.Outcome.CREATED, client.upsertCredential(credential()).outcome());
    TokenSet second = loop.tokens.loadTokens(client.service().apiBase().toString(), "default").orElseThrow();
    assertNotEquals(first.accessToken(), second.accessToken());
    assertNotEquals(first.refreshToken(), second.refreshToken(), "refresh tokens rotate");

    // The client's clock sees the expiry itself: it refreshes before calling.
    loop.providerClock.advance(Duration.ofMinutes(61));
    loop.clientClock.advance(Duration.ofMinutes(122));
    assertEquals(1, client.getCredentials(10, 0, null).size());
    TokenSet third = loop.tokens.loadTokens(client.service().apiBase().toString(), "default").orElseThrow();
    assertNotEquals(second.accessToken(), third.accessToken());

    // The old refresh token no longer works.
    loop.tokens.saveTokens(client.service().apiBase().toString(), "default",
        new TokenSet("stale", first.refreshToken(), null, ""));
    BackpackException e = assertThrows(BackpackException.class, () -> client.getCredentials(10, 0, null));
    assertEquals(ExportErrorCode.TOKEN_REFRESH_FAILED, e.errorCode());
    assertEquals("invalid_grant", e.serverCode().orElseThrow());
    assertFalse(client.isAuthorized(), "a dead refresh token is forgotten");
  }

  @Test
  void refusedConsentIsAuthorizationDenied() throws Exception {
    loop.consent.set(ConsentDecision.refuse());
    client.ensureRegistered(LoopbackBackpack.metadata(BackpackScopes.V3_ALL));
    PendingAuthorization p = client.beginAuthorization(LoopbackBackpack.REDIRECT, BackpackScopes.V3_ALL);
    URI back = LoopbackBackpack.browse(p.authorizationUri());
    BackpackException e = assertThrows(BackpackException.class, () -> client.completeAuthorization(p, back));
    assertEquals(ExportErrorCode.AUTHORIZATION_DENIED, e.errorCode());
    assertEquals("access_denied", e.serverCode().orElseThrow());
    assertFalse(client.isAuthorized());
  }

  @Test
  void forgedStateIsRefused() throws Exception {
    client.ensureRegistered(LoopbackBackpack.metadata(BackpackScopes.V3_ALL));
    PendingAuthorization p = client.beginAuthorization(LoopbackBackpack.REDIRECT, BackpackScopes.V3_ALL);
    PendingAuthorization other = client.beginAuthorization(LoopbackBackpack.REDIRECT, BackpackScopes.V3_ALL);
    URI back = LoopbackBackpack.browse(p.authorizationUri());
    assertEquals(ExportErrorCode.AUTHORIZATION_STATE_MISMATCH,
        assertThrows(BackpackException.class, () -> client.completeAuthorization(other, back)).errorCode());
    // A code is single use, and the verifier must match.
    client.completeAuthorization(p, back);
    assertEquals(ExportErrorCode.TOKEN_REQUEST_FAILED,
        assertThrows(BackpackException.class, () -> client.completeAuthorization(p, back)).errorCode());
  }

  @Test
  void fourHundredsAreTypedAndReadable() throws Exception {
    client.ensureRegistered(LoopbackBackpack.metadata(BackpackScopes.V3_ALL));
    LoopbackBackpack.authorize(client, List.of(BackpackScopes.V3_CREDENTIAL_READONLY));
    BackpackException forbidden = assertThrows(BackpackException.class, () -> client.upsertCredential(credential()));
    assertEquals("BACKPACK_FORBIDDEN", forbidden.code());
    assertEquals("forbidden", forbidden.serverCode().orElseThrow());
    assertTrue(forbidden.serverMessage().orElseThrow().contains("credential.upsert"), forbidden.getMessage());
    // Summarised, not echoed: the server's description stays out of the message.
    assertFalse(forbidden.getMessage().contains("credential.upsert"), forbidden.getMessage());

    client.revoke();
    assertFalse(client.isAuthorized());
    assertEquals(ExportErrorCode.NOT_AUTHORIZED, assertThrows(BackpackException.class, () -> client.getProfile()).errorCode());

    LoopbackBackpack.authorize(client, BackpackScopes.V3_ALL);
    ObjectNode bad = credential();
    bad.remove("issuer");
    BackpackException e = assertThrows(BackpackException.class, () -> client.upsertCredential(bad));
    assertEquals(ExportErrorCode.BACKPACK_BAD_REQUEST, e.errorCode());
    assertEquals(OptionalLong.of(400).getAsLong(), e.httpStatus().getAsInt());
    assertEquals("invalid_data", e.serverCode().orElseThrow());
    assertEquals(ExportErrorCode.BACKPACK_BAD_REQUEST, assertThrows(BackpackException.class,
        () -> client.upsertCredential("not-a-jws")).errorCode());
    assertEquals(ExportErrorCode.BACKPACK_BAD_REQUEST, assertThrows(BackpackException.class,
        () -> client.getCredentials(5000, 0, null)).errorCode());
    assertEquals(ExportErrorCode.BACKPACK_PAGING_INVALID, assertThrows(BackpackException.class,
        () -> client.getCredentials(0, 0, null)).errorCode());
    assertEquals(ExportErrorCode.BACKPACK_PAGING_INVALID, assertThrows(BackpackException.class,
        () -> client.getCredentials(10, -1, null)).errorCode());
  }

  @Test
  void plainHttpOutsideLoopbackIsRefusedWithoutNetwork() {
    BackpackException e = assertThrows(BackpackException.class,
        () -> Ob3BackpackClient.discover(URI.create("http://backpack.example.org"), BackpackClientOptions.defaults()));
    assertEquals(ExportErrorCode.BACKPACK_INSECURE_URL, e.errorCode());
  }
}
