package io.github.insignia.openbadges.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.export.provider.ApiVersion;
import io.github.insignia.openbadges.export.provider.BackpackStore;
import io.github.insignia.openbadges.export.provider.InMemoryBackpackStore;
import io.github.insignia.openbadges.export.provider.StoredBadge;
import io.github.insignia.openbadges.export.provider.StoredBadge.Outcome;
import io.github.insignia.openbadges.export.provider.VerifiedIdentity;
import io.github.insignia.openbadges.json.SafeJson;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The backpack provider's store on H2 and PostgreSQL. The contract cases run on the {@link
 * InMemoryBackpackStore} too ("memory"), so the JDBC store is checked against the reference itself.
 */
class JdbcBackpackStoreTest {
  static final List<String> STORES = List.of("memory", "h2-memory", "h2-file", "postgresql");
  static final List<String> KINDS = TestDatabases.KINDS;
  private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");

  @TempDir Path temp;

  /** A store and the way to record a verified identity in it (not part of the interface). */
  private record Subject(BackpackStore store, BiConsumer<String, VerifiedIdentity> addIdentity) {}

  private Subject subject(String kind) {
    if (kind.equals("memory")) {
      InMemoryBackpackStore s = new InMemoryBackpackStore();
      return new Subject(s, s::addVerifiedIdentity);
    }
    JdbcBackpackStore s = JdbcBackpackStore.of(TestDatabases.migrated(kind, temp));
    return new Subject(s, s::addVerifiedIdentity);
  }

  private static StoredBadge v3(String key, Instant validFrom, String content, Instant at) {
    return new StoredBadge(ApiVersion.OB_3_0, key, validFrom, false, content, at);
  }

  @ParameterizedTest
  @FieldSource("STORES")
  void upsertCreatesReplacesAndIgnoresSameOrOlder(String kind) {
    BackpackStore store = subject(kind).store();
    assertEquals(List.of(), store.list("ana", ApiVersion.OB_3_0));
    StoredBadge first = v3("iss c1", T0, "{\"v\":1}", T0);
    assertSame(Outcome.CREATED, store.upsert("ana", first));
    assertSame(Outcome.NOT_MODIFIED, store.upsert("ana", v3("iss c1", T0, "{\"v\":1}", T0.plusSeconds(5))),
        "same content");
    assertSame(Outcome.NOT_MODIFIED, store.upsert("ana", v3("iss c1", T0.minusNanos(1), "{\"v\":0}", T0.plusSeconds(6))),
        "an earlier validFrom never replaces");
    assertEquals(List.of(first), store.list("ana", ApiVersion.OB_3_0));

    StoredBadge same = v3("iss c1", T0, "{\"v\":2}", T0.plusSeconds(7));
    assertSame(Outcome.REPLACED, store.upsert("ana", same), "equal validFrom, new content");
    StoredBadge noDate = v3("iss c1", null, "{\"v\":3}", T0.plusSeconds(8));
    assertSame(Outcome.REPLACED, store.upsert("ana", noDate), "no validFrom: content decides");
    StoredBadge dated = v3("iss c1", T0.minusSeconds(99), "{\"v\":4}", T0.plusSeconds(9));
    assertSame(Outcome.REPLACED, store.upsert("ana", dated), "the stored copy has no validFrom");
    assertEquals(List.of(dated), store.list("ana", ApiVersion.OB_3_0));

    // every field comes back as it was, a JWS and a nanosecond validFrom included
    StoredBadge jws = new StoredBadge(ApiVersion.BADGE_CONNECT_2_1, "urn:uuid:1", null, true, "a.b.c",
        Instant.parse("2026-12-07T12:00:00.123456789Z"));
    StoredBadge far = v3("iss far", Instant.parse("+12026-01-01T00:00:00.000000001Z"), "x", T0);
    store.upsert("ana", jws);
    store.upsert("ana", far);
    assertEquals(List.of(jws), store.list("ana", ApiVersion.BADGE_CONNECT_2_1));
    assertEquals(List.of(dated, far), store.list("ana", ApiVersion.OB_3_0));
  }

  @ParameterizedTest
  @FieldSource("STORES")
  void listIsMostRecentlyUpdatedFirstAndTiesGoToTheLastUpserted(String kind) {
    BackpackStore store = subject(kind).store();
    StoredBadge a = v3("a", null, "a", T0);
    StoredBadge b = v3("b", null, "b", T0.plusSeconds(10));
    StoredBadge c = v3("c", null, "c", T0);
    StoredBadge d = v3("d", null, "d", T0.minusSeconds(10));
    for (StoredBadge x : List.of(a, b, c, d)) {
      store.upsert("ana", x);
    }
    assertEquals(List.of(b, c, a, d), store.list("ana", ApiVersion.OB_3_0));
    StoredBadge a2 = v3("a", null, "a2", T0);
    store.upsert("ana", a2); // replaced: now the last upserted of the tie
    assertEquals(List.of(b, a2, c, d), store.list("ana", ApiVersion.OB_3_0));
  }

  /** Random upserts on the memory store and a JDBC store end in the same lists (seeded). */
  @ParameterizedTest
  @FieldSource("KINDS")
  void randomUpsertsAgreeWithTheInMemoryStore(String kind) {
    BackpackStore reference = new InMemoryBackpackStore();
    BackpackStore store = subject(kind).store();
    Random random = new Random(20261207);
    for (int i = 0; i < 120; i++) {
      String user = "u" + random.nextInt(3);
      ApiVersion api = ApiVersion.values()[random.nextInt(2)];
      Instant validFrom = random.nextInt(4) == 0 ? null : T0.plusSeconds(random.nextInt(5));
      StoredBadge badge = new StoredBadge(api, "k" + random.nextInt(6), validFrom, random.nextBoolean(),
          "c" + random.nextInt(4), T0.plusSeconds(random.nextInt(8)));
      assertSame(reference.upsert(user, badge), store.upsert(user, badge), "upsert " + i);
    }
    for (String user : List.of("u0", "u1", "u2")) {
      for (ApiVersion api : ApiVersion.values()) {
        assertEquals(reference.list(user, api), store.list(user, api), user + " " + api);
      }
    }
  }

  @ParameterizedTest
  @FieldSource("STORES")
  void usersAndApisAreIsolated(String kind) {
    BackpackStore store = subject(kind).store();
    store.upsert("ana", v3("k", null, "ana's", T0));
    assertSame(Outcome.CREATED, store.upsert("bob", v3("k", null, "bob's", T0)), "another user's key");
    assertSame(Outcome.CREATED, store.upsert("ana", new StoredBadge(ApiVersion.BADGE_CONNECT_2_1, "k", null, false,
        "ana's", T0)), "another API's key");
    assertEquals("ana's", store.list("ana", ApiVersion.OB_3_0).get(0).content());
    assertEquals("bob's", store.list("bob", ApiVersion.OB_3_0).get(0).content());
    // user ids that would collide if joined naively, and SQL in ids, stay apart
    store.upsert("ana\nOB_3_0", v3("k", null, "other", T0));
    store.upsert("x'; DROP TABLE insignia_backpack_badge;--", v3("k", null, "sql", T0));
    assertEquals(1, store.list("ana", ApiVersion.OB_3_0).size());
    assertEquals(List.of(), store.list("carol", ApiVersion.OB_3_0));

    ObjectNode profile = SafeJson.nodeFactory().objectNode().put("id", "did:example:ana").put("type", "Profile");
    assertEquals(Optional.empty(), store.profile("ana", ApiVersion.OB_3_0));
    store.putProfile("ana", ApiVersion.OB_3_0, profile);
    profile.put("name", "changed after the put");
    JsonNode read = store.profile("ana", ApiVersion.OB_3_0).orElseThrow();
    assertEquals(SafeJson.read("{\"id\":\"did:example:ana\",\"type\":\"Profile\"}"), read, "a copy is kept");
    ((ObjectNode) read).put("name", "changed after the read");
    assertEquals(Optional.of(SafeJson.read("{\"id\":\"did:example:ana\",\"type\":\"Profile\"}")),
        store.profile("ana", ApiVersion.OB_3_0), "a copy is returned");
    assertEquals(Optional.empty(), store.profile("ana", ApiVersion.BADGE_CONNECT_2_1));
    assertEquals(Optional.empty(), store.profile("bob", ApiVersion.OB_3_0));
    store.putProfile("ana", ApiVersion.OB_3_0, SafeJson.read("{\"id\":\"x\",\"type\":\"Profile\",\"n\":[1,2.5]}"));
    assertEquals(Optional.of(SafeJson.read("{\"id\":\"x\",\"type\":\"Profile\",\"n\":[1,2.5]}")),
        store.profile("ana", ApiVersion.OB_3_0), "replaced");
  }

  @ParameterizedTest
  @FieldSource("STORES")
  void verifiedIdentitiesArePerUserInOrder(String kind) {
    Subject s = subject(kind);
    assertEquals(List.of(), s.store().verifiedIdentities("ana"));
    s.addIdentity().accept("ana", VerifiedIdentity.email("ana@example.org"));
    s.addIdentity().accept("ana", new VerifiedIdentity("url", "https://ana.example"));
    s.addIdentity().accept("bob", VerifiedIdentity.email("bob@example.org"));
    assertEquals(List.of(VerifiedIdentity.email("ana@example.org"), new VerifiedIdentity("url", "https://ana.example")),
        s.store().verifiedIdentities("ana"));
    assertEquals(List.of(VerifiedIdentity.email("bob@example.org")), s.store().verifiedIdentities("bob"));
  }

  @ParameterizedTest
  @FieldSource("KINDS")
  void hostileSizesAreTypedErrorsAndLargestValuesFit(String kind) {
    JdbcBackpackStore store = JdbcBackpackStore.of(TestDatabases.migrated(kind, temp));
    String longUser = "é".repeat(JdbcBackpackStore.MAX_USER_BYTES / 2 + 1);
    for (Runnable write : List.<Runnable>of(
        () -> store.upsert(longUser, v3("k", null, "c", T0)),
        () -> store.putProfile(longUser, ApiVersion.OB_3_0, SafeJson.read("{}")),
        () -> store.addVerifiedIdentity(longUser, VerifiedIdentity.email("a@b.c")),
        () -> store.addVerifiedIdentity("ana", VerifiedIdentity.email("a".repeat(JdbcBackpackStore.MAX_IDENTITY_BYTES + 1))),
        () -> store.upsert("ana", v3("k".repeat(JdbcBackpackStore.MAX_TEXT_CHARS + 1), null, "c", T0)),
        () -> store.upsert("ana", v3("k", null, "c".repeat(JdbcBackpackStore.MAX_TEXT_CHARS + 1), T0)))) {
      InvalidInputException e = assertThrows(InvalidInputException.class, write::run);
      assertSame(JdbcErrorCode.JDBC_VALUE_TOO_LONG, e.errorCode());
    }
    ObjectNode big = SafeJson.nodeFactory().objectNode().put("p", "x".repeat(JdbcBackpackStore.MAX_TEXT_CHARS));
    assertSame(JdbcErrorCode.JDBC_VALUE_TOO_LONG,
        assertThrows(InvalidInputException.class, () -> store.putProfile("ana", ApiVersion.OB_3_0, big)).errorCode());
    // reads with an impossible user find nothing, without a query
    assertEquals(List.of(), store.list(longUser, ApiVersion.OB_3_0));
    assertEquals(Optional.empty(), store.profile(longUser, ApiVersion.OB_3_0));
    assertEquals(List.of(), store.verifiedIdentities(longUser));

    // the longest user id in three-byte characters, and a long key and a large content, fit
    String user = "€".repeat(JdbcBackpackStore.MAX_USER_BYTES / 3);
    StoredBadge large = v3("https://issuer.example/" + "k".repeat(100_000), T0, "€".repeat(1 << 20), T0);
    assertSame(Outcome.CREATED, store.upsert(user, large));
    assertSame(Outcome.NOT_MODIFIED, store.upsert(user, large));
    assertEquals(List.of(large), store.list(user, ApiVersion.OB_3_0));
  }

  @Test
  void aDatabaseFailureIsAJdbcException() throws Exception {
    DataSource ds = TestDatabases.migrated("h2-memory", temp);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE insignia_backpack_badge");
    }
    JdbcException e = assertThrows(JdbcException.class, () -> JdbcBackpackStore.of(ds).list("ana", ApiVersion.OB_3_0));
    assertSame(JdbcErrorCode.JDBC_IO, e.errorCode());
  }

  /**
   * Threads on two separate pools (as two nodes) upsert the same badges at the same moment: one row
   * each, exactly one CREATED per badge, and the rest NOT_MODIFIED.
   */
  @ParameterizedTest
  @FieldSource("KINDS")
  void concurrentUpsertsOfTheSameBadgeOnTwoPoolsLeaveOneRow(String kind) throws Exception {
    DataSource first = TestDatabases.migrated(kind, temp);
    DataSource second = TestDatabases.forUrl(TestDatabases.url(first));
    List<JdbcBackpackStore> stores = List.of(JdbcBackpackStore.of(first), JdbcBackpackStore.of(second));
    int threads = 6;
    int badges = 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Future<List<Outcome>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        JdbcBackpackStore store = stores.get(t % 2);
        results.add(pool.submit(() -> {
          start.await();
          List<Outcome> outcomes = new ArrayList<>();
          for (int b = 0; b < badges; b++) {
            outcomes.add(store.upsert("ana", v3("iss " + b, T0, "{\"b\":" + b + "}", T0)));
          }
          return outcomes;
        }));
      }
      int created = 0;
      for (Future<List<Outcome>> f : results) {
        for (Outcome o : f.get()) {
          assertTrue(o != Outcome.REPLACED, "the same content never replaces");
          created += o == Outcome.CREATED ? 1 : 0;
        }
      }
      assertEquals(badges, created, "one CREATED per badge");
    } finally {
      pool.shutdownNow();
    }
    try (Connection c = first.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM insignia_backpack_badge")) {
      rs.next();
      assertEquals(badges, rs.getInt(1));
    }
    assertEquals(badges, stores.get(1).list("ana", ApiVersion.OB_3_0).size());
    assertInstanceOf(List.class, stores.get(0).list("ana", ApiVersion.OB_3_0));
  }
}
