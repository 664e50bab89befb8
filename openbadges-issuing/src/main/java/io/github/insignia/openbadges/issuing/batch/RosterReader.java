package io.github.insignia.openbadges.issuing.batch;

import io.github.insignia.openbadges.issuing.IssuingErrorCode;
import io.github.insignia.openbadges.InvalidInputException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Reads a roster CSV (RFC 4180: comma-separated, fields optionally in double quotes, a doubled
 * quote inside quotes, CRLF or LF line ends, line breaks allowed inside quotes) one record at a time,
 * so a roster of any length is never held in memory. The first record is the header: {@code email}
 * or {@code identifier} is required, {@code name}, {@code evidence} and {@code narrative} are
 * optional, other columns are ignored; names are matched case-insensitively and a UTF-8 BOM is
 * skipped. Blank lines are skipped. Not thread-safe: one reader per roster.
 */
public final class RosterReader implements Iterator<RosterEntry>, Closeable {
  /** The longest field accepted (characters). */
  public static final int MAX_FIELD = 64 * 1024;
  /** The most columns accepted. */
  public static final int MAX_COLUMNS = 256;

  private final BufferedReader in;
  private final int email;
  private final int identifier;
  private final int name;
  private final int evidence;
  private final int narrative;
  private long row;
  private List<String> next;
  private boolean done;

  /**
   * @param in the CSV text
   * @throws InvalidInputException {@code ROSTER_HEADER_INVALID} when the header has neither
   *     {@code email} nor {@code identifier}; {@code ROSTER_MALFORMED} for a broken record
   */
  public RosterReader(Reader in) {
    this.in = in instanceof BufferedReader b ? b : new BufferedReader(in, 64 * 1024);
    List<String> header = readRecord();
    if (header == null) {
      throw new InvalidInputException(IssuingErrorCode.ROSTER_HEADER_INVALID, "the roster is empty: a header row is required");
    }
    if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
      header.set(0, header.get(0).substring(1));
    }
    email = column(header, "email");
    identifier = column(header, "identifier");
    name = column(header, "name");
    evidence = column(header, "evidence");
    narrative = column(header, "narrative");
    if (email < 0 && identifier < 0) {
      throw new InvalidInputException(
          IssuingErrorCode.ROSTER_HEADER_INVALID, "the roster header needs an 'email' or an 'identifier' column, found " + header);
    }
  }

  /** Opens a UTF-8 roster file (malformed UTF-8 is an error, not silently replaced). */
  public static RosterReader open(Path file) throws IOException {
    return new RosterReader(
        new BufferedReader(
            new java.io.InputStreamReader(
                Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
            64 * 1024));
  }

  /** Counts the learners of a roster file in one streaming pass (for progress and ETA). */
  public static long count(Path file) throws IOException {
    try (RosterReader r = open(file)) {
      long n = 0;
      while (r.hasNext()) {
        r.next();
        n++;
      }
      return n;
    }
  }

  private static int column(List<String> header, String wanted) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(wanted)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean hasNext() {
    while (next == null && !done) {
      List<String> record = readRecord();
      if (record == null) {
        done = true;
      } else if (!(record.size() == 1 && record.get(0).isBlank())) {
        next = record;
      }
    }
    return next != null;
  }

  @Override
  public RosterEntry next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    List<String> r = next;
    next = null;
    row++;
    return new RosterEntry(row, field(r, email), field(r, identifier), field(r, name), field(r, evidence), field(r, narrative));
  }

  private static Optional<String> field(List<String> record, int index) {
    if (index < 0 || index >= record.size()) {
      return Optional.empty();
    }
    String v = record.get(index).strip();
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  /** One record, or null at the end of input. */
  private List<String> readRecord() {
    try {
      int c = in.read();
      if (c < 0) {
        return null;
      }
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean wasQuoted = false;
      while (true) {
        if (quoted) {
          if (c < 0) {
            throw new InvalidInputException(IssuingErrorCode.ROSTER_MALFORMED, "roster record " + (row + 1) + ": a quoted field is not closed");
          }
          if (c == '"') {
            in.mark(1);
            int d = in.read();
            if (d == '"') {
              append(field, '"');
            } else {
              quoted = false;
              in.reset();
            }
          } else {
            append(field, (char) c);
          }
        } else if (c < 0 || c == '\n') {
          fields.add(trimCr(field, wasQuoted));
          return checkColumns(fields);
        } else if (c == ',') {
          fields.add(trimCr(field, wasQuoted));
          field.setLength(0);
          wasQuoted = false;
          checkColumns(fields);
        } else if (c == '"' && field.length() == 0 && !wasQuoted) {
          quoted = true;
          wasQuoted = true;
        } else {
          append(field, (char) c);
        }
        c = in.read();
      }
    } catch (IOException e) {
      if (e instanceof java.nio.charset.CharacterCodingException) {
        throw new InvalidInputException(IssuingErrorCode.ROSTER_MALFORMED, "the roster is not valid UTF-8", e);
      }
      throw new InvalidInputException(IssuingErrorCode.ROSTER_IO, "the roster could not be read: " + e.getMessage(), e);
    }
  }

  private static String trimCr(StringBuilder field, boolean wasQuoted) {
    int n = field.length();
    if (n > 0 && field.charAt(n - 1) == '\r') {
      return field.substring(0, n - 1);
    }
    return field.toString();
  }

  private List<String> checkColumns(List<String> fields) {
    if (fields.size() > MAX_COLUMNS) {
      throw new InvalidInputException(IssuingErrorCode.ROSTER_MALFORMED, "roster record " + (row + 1) + " has more than " + MAX_COLUMNS + " columns");
    }
    return fields;
  }

  private void append(StringBuilder field, char c) {
    if (field.length() >= MAX_FIELD) {
      throw new InvalidInputException(IssuingErrorCode.ROSTER_MALFORMED, "roster record " + (row + 1) + " has a field longer than " + MAX_FIELD + " characters");
    }
    field.append(c);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
