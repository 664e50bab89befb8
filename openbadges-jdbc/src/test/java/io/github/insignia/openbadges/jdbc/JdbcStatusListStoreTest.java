package io.github.insignia.openbadges.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.issuing.IssuingErrorCode;
import io.github.insignia.openbadges.issuing.status.StatusStoreException;
import io.github.insignia.openbadges.issuing.status.Revocation;
import io.github.insignia.openbadges.issuing.status.StatusAssignment;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.issuing.status.StatusSlot;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The status list store's contract on H2 (memory and file) and a real PostgreSQL. */
class JdbcStatusListStoreTest {
  static final List<String> KINDS = TestDatabases.KINDS;
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:15:30.123456789Z"), ZoneOffset.UTC);

  @TempDir Path temp;

  @ParameterizedTest
  @FieldSource("KINDS")
  void migratingTwiceAppliesEachVersionOnceBesideTheHostsOwnTables(String kind) throws Exception {
    DataSource ds = TestDatabases.fresh(kind, temp);
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE host_users (id INTEGER PRIMARY KEY)");
    }
    assertEquals(3, InsigniaMigrations.migrate(ds), "V1 storage, V2 wallet entries, V3 backpack store");
    assertEquals(0, InsigniaMigrations.migrate(ds));
    assertEquals(0, JdbcStatusListStore.of(ds).listCount());
  }

  @ParameterizedTest
  @FieldSource("KINDS")
  void allocatesInOrderIdempotentlyWithRolloverAndRemembersAfterARestart(String kind) {
    DataSource ds = TestDatabases.migrated(kind, temp);
    JdbcStatusListStore store = JdbcStatusListStore.of(ds, CLOCK);
    StatusAssignment a = store.assign("urn:uuid:a", "sha256:r1", 2);
    assertEquals(new StatusSlot(0, 0), a.slot());
    assertEquals(CLOCK.instant(), a.assignedAt());
    assertEquals(a, store.assign("urn:uuid:a", "sha256:other", 2));
    assertEquals(new StatusSlot(0, 1), store.assign("urn:uuid:b", "sha256:r2", 2).slot());
    assertEquals(new StatusSlot(1, 0), store.assign("urn:uuid:c", "sha256:r1", 2).slot());
    assertEquals(2, store.listCount());

    JdbcStatusListStore restarted = JdbcStatusListStore.of(ds);
    assertEquals(Optional.of(a), restarted.assignment("urn:uuid:a"));
    assertEquals(List.of("urn:uuid:a", "urn:uuid:c"),
        restarted.assignmentsOf("sha256:r1").stream().map(StatusAssignment::credentialId).toList());
    assertEquals(new StatusSlot(1, 1), restarted.assign("urn:uuid:d", "sha256:r3", 2).slot());
    assertEquals(Optional.empty(), restarted.assignment("urn:uuid:unknown"));
  }

  @ParameterizedTest
  @FieldSource("KINDS")
  void theFirstRevocationWinsAndRevocationsKeepTheirOrder(String kind) {
    JdbcStatusListStore store = JdbcStatusListStore.of(TestDatabases.migrated(kind, temp));
    Revocation first = new Revocation("urn:uuid:a", "cheating", Instant.parse("2026-12-01T00:00:00Z"));
    assertTrue(store.revoke(first));
    assertFalse(store.revoke(new Revocation("urn:uuid:a", "other", Instant.parse("2026-12-02T00:00:00Z"))));
    Revocation second = new Revocation("urn:uuid:b", "razón: ñ, 字", Instant.parse("2026-12-03T00:00:00Z"));
    assertTrue(store.revoke(second));
    assertEquals(Optional.of(first), store.revocation("urn:uuid:a"));
    assertEquals(List.of(first, second), store.revocations());
  }

  @ParameterizedTest
  @FieldSource("KINDS")
  void aStatusServiceOverTheStorePublishesTheRevokedBit(String kind) {
    StatusService service = StatusService.builder("https://issuer.example/issuer", "https://issuer.example/status/",
        JdbcStatusListStore.of(TestDatabases.migrated(kind, temp))).build();
    service.assign("urn:uuid:a", "sha256:r1");
    StatusAssignment b = service.assign("urn:uuid:b", "sha256:r2");
    assertTrue(service.revoke("urn:uuid:b", "withdrawn"));
    assertTrue(service.isRevoked("urn:uuid:b"));
    assertFalse(service.isRevoked("urn:uuid:a"));
    assertEquals(1, service.bitstring(0).value(b.slot().index(), 1));
    assertEquals(0, service.bitstring(0).value(0, 1));
  }

  @Test
  void oversizedValuesAreTypedErrorsAndUnknownOnesAreAbsent() {
    JdbcStatusListStore store = JdbcStatusListStore.of(TestDatabases.migrated("h2-memory", temp));
    String huge = "urn:x:" + "字".repeat(1000); // 3,006 bytes in UTF-8
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> store.assign(huge, "k", 10));
    assertSame(JdbcErrorCode.JDBC_VALUE_TOO_LONG, e.errorCode());
    assertThrows(InvalidInputException.class, () -> store.revoke(new Revocation("a", "x".repeat(5000), Instant.EPOCH)));
    assertEquals(Optional.empty(), store.assignment(huge));
    assertEquals(Optional.empty(), store.revocation(huge));
    assertEquals(0, store.listCount());
  }

  @Test
  void aDatabaseWithoutTheTablesIsTheInterfacesStoreIoError() {
    JdbcStatusListStore store = JdbcStatusListStore.of(TestDatabases.fresh("h2-memory", temp));
    StatusStoreException e = assertThrows(StatusStoreException.class, () -> store.assign("urn:uuid:a", "k", 10));
    assertSame(IssuingErrorCode.STATUS_STORE_IO, e.errorCode());
    // the JDBC detail is the cause
    assertSame(JdbcErrorCode.JDBC_IO, ((JdbcException) e.getCause()).errorCode());
    assertSame(IssuingErrorCode.STATUS_STORE_IO, assertThrows(StatusStoreException.class, store::revocations).errorCode());
    assertSame(IssuingErrorCode.STATUS_STORE_IO, assertThrows(StatusStoreException.class, store::listCount).errorCode());
    assertSame(IssuingErrorCode.STATUS_STORE_IO,
        assertThrows(StatusStoreException.class, () -> store.revoke(new Revocation("a", "r", Instant.EPOCH))).errorCode());
    assertSame(IssuingErrorCode.STATUS_STORE_IO, assertThrows(StatusStoreException.class, store::checkWritable).errorCode());
  }

  @Test
  void exhaustedRetriesAreTheInterfacesLockedError() {
    StatusStoreException e = JdbcStatusListStore.storeFailure(
        new JdbcException(JdbcErrorCode.JDBC_CONFLICT, "still conflicting"));
    assertSame(IssuingErrorCode.STATUS_STORE_LOCKED, e.errorCode());
  }

  @Test
  void anUnreadableStoredTimeIsCorruptNotACrash() throws Exception {
    DataSource ds = TestDatabases.migrated("h2-memory", temp);
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      st.execute("INSERT INTO insignia_revocation (credential_id, reason, revoked_at) VALUES ('a', 'r', 'yesterday')");
    }
    StatusStoreException e = assertThrows(StatusStoreException.class, () -> JdbcStatusListStore.of(ds).revocations());
    assertSame(IssuingErrorCode.STATUS_STORE_CORRUPT, e.errorCode());
    assertSame(JdbcErrorCode.JDBC_DATA_CORRUPT, ((JdbcException) e.getCause()).errorCode());
  }
}
