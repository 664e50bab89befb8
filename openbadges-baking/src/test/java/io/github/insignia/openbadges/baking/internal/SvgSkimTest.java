package io.github.insignia.openbadges.baking.internal;

import static org.junit.jupiter.api.Assertions.*;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The sampled pre-check never misses a badge name or a DOCTYPE, whatever its offset. */
class SvgSkimTest {
  private static final String FILLER = "0 1,2 L34.5 \"#fab\" ";

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String filler(int n) {
    return FILLER.repeat(n / FILLER.length() + 1).substring(0, n);
  }

  /** The rule the skim stands for, checked naively at every byte. */
  private static final Pattern NAIVE = Pattern.compile("[<:](assertion|credential)([ \\t\\r\\n>/=<\"']|\\z)|(?i)<!doctype");

  private static boolean naive(byte[] b, int from, int to) {
    String s = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    return NAIVE.matcher(s).find();
  }

  @Test
  void findsEveryPatternAtEveryOffsetAndBoundary() {
    String[] hits = {"<credential>", "<ob:credential ", "<assertion/", ":assertion\t", "<credential\r", "<!DOCTYPE",
        "<!doctype", "<!DocType", "<!dOcTyPe svg>", "x:credential=", "<assertion\""};
    for (String hit : hits) {
      for (int before = 0; before < 40; before++) {
        for (int after = 0; after < 20; after++) {
          byte[] b = bytes(filler(before) + hit + filler(after));
          assertTrue(SvgSkim.mayHoldBadgeOrDoctype(b, 0, b.length), hit + " at " + before + "/" + after);
          // The range may start anywhere before the pattern and end anywhere after it.
          int from = before / 3;
          int to = b.length - after / 2;
          assertTrue(SvgSkim.mayHoldBadgeOrDoctype(b, from, to), hit + " in [" + from + ", " + to + ")");
        }
      }
    }
  }

  @Test
  void ignoresNamesThatAreNotBadgeElementsAndPatternsOutsideTheRange() {
    String[] misses = {"my credential", "credentials", "<credentials>", "<assertions/>", "Credential", "<Assertion>",
        "https://purl.imsglobal.org/ob/v3p0", "http://openbadges.org", "<!DOCTYP", "<! DOCTYPE", "credential>",
        "<credential:x>", "assertion=\"1\""};
    for (String miss : misses) {
      for (int before = 0; before < 20; before++) {
        byte[] b = bytes(filler(before) + miss + filler(17));
        assertFalse(SvgSkim.mayHoldBadgeOrDoctype(b, 0, b.length), miss + " at " + before);
      }
    }
    byte[] b = bytes("<credential>" + filler(30) + "<!DOCTYPE");
    assertFalse(SvgSkim.mayHoldBadgeOrDoctype(b, 1, b.length - 1), "both cut by the range");
    assertFalse(SvgSkim.mayHoldBadgeOrDoctype(b, 0, 0));
    assertFalse(SvgSkim.mayHoldBadgeOrDoctype(b, 3, 4));
  }

  @Test
  void agreesWithTheNaiveRuleOnGeneratedText() {
    String[] pieces = {"<", ":", "credential", "assertion", "<!", "DOCTYPE", "doctype", "cred", "ential", "asser", "tion",
        " ", ">", "/", "=", "\"", "'", "\n", "x", "de", "ed", "ti", "on", "0123456", "é", "<!-- -->"};
    qt().withExamples(400)
        .forAll(lists().of(integers().between(0, pieces.length - 1)).ofSizeBetween(0, 40), integers().between(0, 7))
        .checkAssert((indexes, from) -> {
          StringBuilder s = new StringBuilder();
          indexes.forEach(i -> s.append(pieces[i]));
          byte[] b = bytes(s.toString());
          int start = Math.min(from, b.length);
          assertEquals(naive(b, start, b.length), SvgSkim.mayHoldBadgeOrDoctype(b, start, b.length),
              () -> s + " from " + start);
        });
  }

  @Test
  void theNaiveRuleItselfCoversTheScannersBadgeNames() {
    // The scanner takes the local name after the first colon; the skim's rule must accept all of these.
    for (String tag : List.of("<credential>", "<a:credential/>", "<assertion x='1'>", "<o:assertion\n>")) {
      byte[] b = bytes(tag);
      assertTrue(naive(b, 0, b.length), tag);
      assertTrue(SvgSkim.mayHoldBadgeOrDoctype(b, 0, b.length), tag);
    }
    assertTrue(naive(bytes("<!DOCTYPE".toLowerCase(Locale.ROOT)), 0, 9));
  }
}
