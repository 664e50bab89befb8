package io.github.insignia.openbadges.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.issuing.Award;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.IssuingErrorCode;
import io.github.insignia.openbadges.issuing.batch.BatchIssuer;
import io.github.insignia.openbadges.issuing.batch.BatchListener;
import io.github.insignia.openbadges.issuing.batch.BatchResult;
import io.github.insignia.openbadges.issuing.batch.PackSink;
import io.github.insignia.openbadges.issuing.batch.RosterEntry;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.issuing.status.StatusStoreException;
import io.github.insignia.openbadges.model.ob3.Achievement;
import io.github.insignia.openbadges.model.ob3.Criteria;
import io.github.insignia.openbadges.model.ob3.Profile;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code BatchIssuer} on the JDBC status store behaves as on the file store: a database failure is
 * the interface's {@link StatusStoreException}, which stops the batch (instead of failing every
 * remaining learner one by one), and a healthy database gives every learner a distinct slot.
 */
class JdbcBatchIssuerTest {
  private static final SigningKey KEY = SigningKey.generate(KeyType.ED25519);
  private static final Achievement ACHIEVEMENT = Achievement.builder().id("https://school.example/a/1")
      .name("Batch course").description("d").criteria(Criteria.builder().narrative("n").build()).build();

  @TempDir Path temp;

  private static BadgeIssuer issuer(DataSource ds) {
    StatusService status = StatusService.builder(KEY.publicKey().didKey(), "https://school.example/status/",
        JdbcStatusListStore.of(ds)).listCapacity(16).build();
    return BadgeIssuer.builder(Profile.builder().id(KEY.publicKey().didKey()).name("School").build(), KEY,
        KEY.publicKey().didKeyVerificationMethod()).status(status).build();
  }

  private static Iterator<RosterEntry> roster(int learners) {
    List<RosterEntry> rows = new ArrayList<>();
    for (int i = 0; i < learners; i++) {
      rows.add(new RosterEntry(i + 1, Optional.of("learner" + i + "@example.org"), Optional.empty(),
          Optional.of("Learner " + i), Optional.empty(), Optional.empty()));
    }
    return rows.iterator();
  }

  /** Keeps awards in memory. */
  static final class MemorySink implements PackSink {
    final ConcurrentHashMap<String, Award> awards = new ConcurrentHashMap<>();

    @Override
    public boolean isDone(String credentialId) {
      return awards.containsKey(credentialId);
    }

    @Override
    public boolean write(Award award) {
      return awards.putIfAbsent(award.credentialId(), award) == null;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2-memory", "postgresql"})
  void aBatchOnTheJdbcStoreGivesEveryLearnerADistinctSlot(String kind) {
    DataSource ds = TestDatabases.migrated(kind, temp);
    MemorySink sink = new MemorySink();
    BatchResult result = BatchIssuer.builder(issuer(ds), ACHIEVEMENT).threads(4).build()
        .run(roster(40), sink, OptionalLong.of(40), BatchListener.none());
    assertEquals(40, result.issued());
    assertEquals(0, result.failed());
    Set<String> slots = new HashSet<>();
    for (Award a : sink.awards.values()) {
      var entry = io.github.insignia.openbadges.json.SafeJson.read(a.pack().json().orElseThrow()).path("credentialStatus");
      assertTrue(slots.add(entry.path("statusListCredential").asText() + "#" + entry.path("statusListIndex").asText()));
    }
    assertEquals(40, slots.size());
    assertEquals(3, JdbcStatusListStore.of(ds).listCount()); // 40 slots in lists of 16
  }

  @Test
  void aDatabaseThatFailsMidBatchStopsItWithTheStoreExceptionAndTheRerunFinishes() {
    DataSource real = TestDatabases.migrated("h2-memory", temp);
    AtomicBoolean down = new AtomicBoolean();
    DataSource failing = failingWhen(real, down);
    BadgeIssuer issuer = issuer(failing);
    MemorySink sink = new MemorySink();
    // the database goes away after the fifth award
    PackSink counting = new PackSink() {
      @Override
      public boolean isDone(String credentialId) {
        return sink.isDone(credentialId);
      }

      @Override
      public boolean write(Award award) {
        boolean w = sink.write(award);
        if (sink.awards.size() >= 5) {
          down.set(true);
        }
        return w;
      }
    };
    StatusStoreException e = assertThrows(StatusStoreException.class, () ->
        BatchIssuer.builder(issuer, ACHIEVEMENT).threads(2).build()
            .run(roster(200), counting, OptionalLong.of(200), BatchListener.none()));
    assertSame(IssuingErrorCode.STATUS_STORE_IO, e.errorCode());
    assertTrue(sink.awards.size() < 200, "the batch stopped instead of running through every learner");

    // the database is back: the rerun skips the finished learners and completes the rest
    down.set(false);
    int before = sink.awards.size();
    BatchResult rerun = BatchIssuer.builder(issuer, ACHIEVEMENT).threads(2).build()
        .run(roster(200), sink, OptionalLong.of(200), BatchListener.none());
    assertEquals(200, sink.awards.size());
    assertEquals(before, rerun.skipped());
    assertEquals(0, rerun.failed());
  }

  /** A data source whose connections fail while {@code down} is set (a lost database server). */
  private static DataSource failingWhen(DataSource real, AtomicBoolean down) {
    return new DataSource() {
      @Override
      public Connection getConnection() throws SQLException {
        if (down.get()) {
          throw new SQLException("connection refused", "08001");
        }
        return real.getConnection();
      }

      @Override
      public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public Logger getParentLogger() {
        return Logger.getGlobal();
      }

      @Override
      public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
      }

      @Override
      public boolean isWrapperFor(Class<?> iface) {
        return false;
      }
    };
  }
}
