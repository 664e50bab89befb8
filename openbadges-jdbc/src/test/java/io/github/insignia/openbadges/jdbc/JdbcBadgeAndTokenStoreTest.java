package io.github.insignia.openbadges.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.export.backpack.ClientRegistration;
import io.github.insignia.openbadges.export.backpack.TokenSet;
import io.github.insignia.openbadges.web.HostedDocument;
import io.github.insignia.openbadges.web.PublishedBadge;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The badge store (what a site serves) and the backpack token store, on H2 and PostgreSQL. */
class JdbcBadgeAndTokenStoreTest {
  static final List<String> KINDS = TestDatabases.KINDS;

  @TempDir Path temp;

  @ParameterizedTest
  @FieldSource("KINDS")
  void badgesAreSavedReplacedListedAndDeleted(String kind) {
    JdbcBadgeStore store = JdbcBadgeStore.of(TestDatabases.migrated(kind, temp));
    byte[] png = new byte[70_000];
    for (int i = 0; i < png.length; i++) {
      png[i] = (byte) i; // every byte value, zeros included
    }
    store.save(PublishedBadge.of("b1", Map.of(PublishedBadge.PNG, png,
        PublishedBadge.CREDENTIAL, "{\"a\":1}".getBytes(StandardCharsets.UTF_8))), "sha256:ana");
    PublishedBadge read = store.badge("b1").orElseThrow();
    assertArrayEquals(png, read.file(PublishedBadge.PNG).orElseThrow());
    assertEquals(2, read.fileNames().size());

    store.save(PublishedBadge.of("b1", Map.of(PublishedBadge.JWT, "x.y.z".getBytes(StandardCharsets.UTF_8))), "sha256:ana");
    assertEquals(java.util.Set.of(PublishedBadge.JWT), store.badge("b1").orElseThrow().fileNames(), "replaced whole");
    store.save(PublishedBadge.of("b2", Map.of()), "sha256:ana");
    store.save(PublishedBadge.of("b3", Map.of()), null);
    assertEquals(List.of("b1", "b2"), store.idsOf("sha256:ana").stream().sorted().toList());

    assertTrue(store.delete("b1"));
    assertFalse(store.delete("b1"));
    assertEquals(Optional.empty(), store.badge("b1"));
    assertEquals(Optional.empty(), store.badge("../etc/passwd"), "not an id: never a query");
  }

  @ParameterizedTest
  @FieldSource("KINDS")
  void hostedDocumentsAreServedByUrl(String kind) {
    JdbcBadgeStore store = JdbcBadgeStore.of(TestDatabases.migrated(kind, temp));
    URI issuer = URI.create("https://lms.example.org/badges-site/issuer");
    store.host(issuer, new HostedDocument(200, "application/json", "{\"id\":1}".getBytes(StandardCharsets.UTF_8)));
    store.host(issuer, new HostedDocument(200, "application/json", "{\"id\":2}".getBytes(StandardCharsets.UTF_8)));
    store.host(URI.create("https://lms.example.org/gone"), new HostedDocument(410, "application/json", new byte[0]));
    Map<URI, HostedDocument> docs = store.hostedDocuments();
    assertEquals(2, docs.size());
    assertEquals("{\"id\":2}", new String(docs.get(issuer).body(), StandardCharsets.UTF_8));
    assertEquals(410, docs.get(URI.create("https://lms.example.org/gone")).status());
    assertTrue(store.unhost(issuer));
    assertEquals(1, store.hostedDocuments().size());
  }

  @ParameterizedTest
  @FieldSource("KINDS")
  void tokensAndClientsRoundTripAndAreForgotten(String kind) {
    DataSource ds = TestDatabases.migrated(kind, temp);
    JdbcTokenStore store = JdbcTokenStore.of(ds);
    String service = "https://backpack.example.org/ims/ob/v3p0";
    ClientRegistration client = new ClientRegistration("cid", "secret", 0, "scope-a scope-b",
        URI.create("https://backpack.example.org/token"));
    store.saveClient(service, client);
    assertEquals(Optional.of(client), store.loadClient(service));
    ClientRegistration noEndpoint = new ClientRegistration("cid2", "secret2", 99, null);
    store.saveClient(service, noEndpoint);
    assertEquals(Optional.of(noEndpoint), store.loadClient(service));

    TokenSet tokens = new TokenSet("access", "refresh", Instant.parse("2026-12-07T10:00:00.5Z"), "s");
    store.saveTokens(service, "user-42", tokens);
    assertEquals(Optional.of(tokens), store.loadTokens(service, "user-42"));
    TokenSet rotated = new TokenSet("access2", null, null, null);
    store.saveTokens(service, "user-42", rotated);
    assertEquals(Optional.of(rotated), JdbcTokenStore.of(ds).loadTokens(service, "user-42"));
    assertEquals(Optional.empty(), store.loadTokens(service, "user-43"));
    store.deleteTokens(service, "user-42");
    assertEquals(Optional.empty(), store.loadTokens(service, "user-42"));
  }

  @Test
  void oversizedValuesAreTypedErrors() {
    DataSource ds = TestDatabases.migrated("h2-memory", temp);
    JdbcTokenStore tokens = JdbcTokenStore.of(ds);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> tokens.saveTokens("s", "a", new TokenSet("t".repeat(5000), null, null, null)));
    assertSame(JdbcErrorCode.JDBC_VALUE_TOO_LONG, e.errorCode());
    assertEquals(Optional.empty(), tokens.loadTokens("s".repeat(3000), "a"));
    JdbcBadgeStore badges = JdbcBadgeStore.of(ds);
    assertThrows(InvalidInputException.class, () -> badges.host(URI.create("https://x.example/" + "a".repeat(3000)),
        new HostedDocument(200, "text/plain", new byte[0])));
  }

  @Test
  void concurrentTokenSavesForOneAccountLeaveExactlyOneRow() throws Exception {
    DataSource ds = TestDatabases.migrated("h2-memory", temp);
    ConcurrentAllocationTest.run(6, t -> {
      JdbcTokenStore node = JdbcTokenStore.of(ds);
      for (int i = 0; i < 20; i++) {
        node.saveTokens("s", "user", new TokenSet("t" + t + "-" + i, null, null, null));
      }
      return List.of(t);
    });
    assertTrue(JdbcTokenStore.of(ds).loadTokens("s", "user").orElseThrow().accessToken().endsWith("-19"));
  }
}
