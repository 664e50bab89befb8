package io.github.insignia.openbadges.issuing.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Any field survives RFC 4180 quoting: what a spreadsheet writes, the reader reads back. */
class RosterRoundTripTest {
  private static String quote(String field) {
    return "\"" + field.replace("\"", "\"\"") + "\"";
  }

  @Test
  void quotedFieldsRoundTrip() {
    qt().withExamples(300)
        .forAll(lists().of(strings().ascii().ofLengthBetween(0, 40)).ofSizeBetween(1, 20), strings().basicMultilingualPlaneAlphabet().ofLengthBetween(1, 30))
        .checkAssert((narratives, name) -> {
          StringBuilder csv = new StringBuilder("email,narrative,name\r\n");
          for (int i = 0; i < narratives.size(); i++) {
            csv.append("l").append(i).append("@example.org,").append(quote(narratives.get(i))).append(',').append(quote(name)).append("\r\n");
          }
          List<RosterEntry> rows = new ArrayList<>();
          new RosterReader(new StringReader(csv.toString())).forEachRemaining(rows::add);
          assertEquals(narratives.size(), rows.size());
          for (int i = 0; i < narratives.size(); i++) {
            String expected = narratives.get(i).strip();
            assertEquals(expected.isEmpty() ? Optional.empty() : Optional.of(expected), rows.get(i).narrative());
            assertEquals(Optional.of("l" + i + "@example.org"), rows.get(i).email());
            String n = name.strip();
            assertEquals(n.isEmpty() ? Optional.empty() : Optional.of(n), rows.get(i).name());
          }
        });
  }
}
