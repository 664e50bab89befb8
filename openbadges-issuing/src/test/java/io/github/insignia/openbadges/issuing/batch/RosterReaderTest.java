package io.github.insignia.openbadges.issuing.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.insignia.openbadges.issuing.IssuingErrorCode;
import io.github.insignia.openbadges.InvalidInputException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RosterReaderTest {
  private static List<RosterEntry> read(String csv) {
    List<RosterEntry> out = new ArrayList<>();
    new RosterReader(new StringReader(csv)).forEachRemaining(out::add);
    return out;
  }

  @Test
  void readsRfc4180Quoting() {
    List<RosterEntry> rows =
        read("\uFEFFName,EMAIL,evidence,narrative,extra\r\n"
            + "\"García, Ana\",ana@example.org,https://lms.example/e/1,\"Said \"\"hola\"\"\r\nand left\",x\r\n"
            + "\r\n"
            + "Bob,bob@example.org,,,\n"
            + "Eve,eve@example.org");
    assertEquals(3, rows.size());
    RosterEntry ana = rows.get(0);
    assertEquals(1, ana.row());
    assertEquals(Optional.of("García, Ana"), ana.name());
    assertEquals(Optional.of("ana@example.org"), ana.email());
    assertEquals(Optional.of("Said \"hola\"\r\nand left"), ana.narrative());
    assertEquals(Optional.of("https://lms.example/e/1"), ana.evidence());
    assertEquals(Optional.empty(), rows.get(1).evidence());
    assertEquals(Optional.of("eve@example.org"), rows.get(2).email());
    assertEquals(3, rows.get(2).row());
  }

  @Test
  void identifierColumnAlone() {
    List<RosterEntry> rows = read("identifier\ndid:example:1\nstudent-2\n");
    assertEquals(Optional.of("did:example:1"), rows.get(0).recipientText());
    assertFalse(rows.get(1).email().isPresent());
  }

  @Test
  void rejectsBrokenRosters() {
    assertEquals(IssuingErrorCode.ROSTER_HEADER_INVALID, assertThrows(InvalidInputException.class, () -> read("")).errorCode());
    assertEquals(IssuingErrorCode.ROSTER_HEADER_INVALID, assertThrows(InvalidInputException.class, () -> read("name,mail\nA,a@b.c\n")).errorCode());
    assertEquals(IssuingErrorCode.ROSTER_MALFORMED, assertThrows(InvalidInputException.class, () -> read("email\n\"a@b.c\n")).errorCode());
    assertEquals(IssuingErrorCode.ROSTER_MALFORMED, assertThrows(InvalidInputException.class, () -> read("email\n" + "x".repeat(RosterReader.MAX_FIELD + 1))).errorCode());
    assertEquals(IssuingErrorCode.ROSTER_MALFORMED, assertThrows(InvalidInputException.class, () -> read("email\n" + ",".repeat(RosterReader.MAX_COLUMNS + 1))).errorCode());
  }

  /** A reader that fails mid-roster is a typed ROSTER_IO, never an UncheckedIOException. */
  @Test
  void aFailingReaderIsRosterIo() {
    java.io.Reader failing = new java.io.Reader() {
      private boolean headerGiven;

      @Override
      public int read(char[] buf, int off, int len) throws java.io.IOException {
        if (!headerGiven) {
          headerGiven = true;
          String header = "email\na@example.org\n";
          header.getChars(0, header.length(), buf, off);
          return header.length();
        }
        throw new java.io.IOException("disk gone");
      }

      @Override
      public void close() {}
    };
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> {
      List<RosterEntry> out = new ArrayList<>();
      new RosterReader(failing).forEachRemaining(out::add);
    });
    assertEquals(IssuingErrorCode.ROSTER_IO, e.errorCode());
  }
}
