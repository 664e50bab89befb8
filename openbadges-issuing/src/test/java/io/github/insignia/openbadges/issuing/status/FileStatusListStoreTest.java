package io.github.insignia.openbadges.issuing.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.issuing.IssuingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStatusListStoreTest {
  @TempDir Path dir;

  @Test
  void survivesARestartWithoutReusingSlots() {
    StatusSlot last;
    try (FileStatusListStore store = FileStatusListStore.open(dir, Clock.systemUTC())) {
      for (int i = 0; i < 5; i++) {
        store.assign("urn:uuid:" + i, "k" + (i % 2), 2);
      }
      store.revoke(new Revocation("urn:uuid:1", "because", Instant.parse("2026-01-01T00:00:00Z")));
      last = store.assignment("urn:uuid:4").orElseThrow().slot();
    }
    try (FileStatusListStore store = FileStatusListStore.open(dir, Clock.systemUTC())) {
      assertEquals(new StatusSlot(2, 0), last);
      assertEquals(3, store.listCount());
      assertEquals(new StatusSlot(2, 1), store.assign("urn:uuid:new", "k", 2).slot());
      assertEquals(last, store.assign("urn:uuid:4", "k0", 2).slot(), "existing slot kept");
      assertEquals(3, store.assignmentsOf("k0").size());
      assertEquals("because", store.revocation("urn:uuid:1").orElseThrow().reason());
    }
  }

  @Test
  void dropsATornLastLine() throws Exception {
    try (FileStatusListStore store = FileStatusListStore.open(dir, Clock.systemUTC())) {
      store.assign("urn:uuid:a", "k", 10);
    }
    Files.writeString(dir.resolve(FileStatusListStore.JOURNAL), "{\"op\":\"assign\",\"credentialId\":\"urn:uu", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    try (FileStatusListStore store = FileStatusListStore.open(dir, Clock.systemUTC())) {
      assertEquals(new StatusSlot(0, 1), store.assign("urn:uuid:b", "k", 10).slot());
    }
    try (FileStatusListStore store = FileStatusListStore.open(dir, Clock.systemUTC())) {
      assertTrue(store.assignment("urn:uuid:b").isPresent());
    }
  }

  @Test
  void reportsACorruptJournalAndALockedOne() throws Exception {
    Files.writeString(dir.resolve(FileStatusListStore.JOURNAL), "not json\n{}\n");
    assertEquals(
        "STATUS_STORE_CORRUPT",
        assertThrows(InvalidInputException.class, () -> FileStatusListStore.open(dir, Clock.systemUTC())).code());
    Path other = dir.resolve("other");
    try (FileStatusListStore store = FileStatusListStore.open(other, Clock.systemUTC())) {
      assertEquals(
          "STATUS_STORE_IO",
          assertThrows(IssuingException.class, () -> FileStatusListStore.open(other, Clock.systemUTC())).code());
    }
  }
}
