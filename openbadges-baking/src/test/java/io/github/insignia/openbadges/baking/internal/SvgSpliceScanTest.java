package io.github.insignia.openbadges.baking.internal;

import io.github.insignia.openbadges.baking.BakingErrorCode;
import static org.junit.jupiter.api.Assertions.*;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.insignia.openbadges.baking.BakingException;
import io.github.insignia.openbadges.baking.BakingOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whenever the full scan accepts a document, the splice scan finds exactly the same badges. */
class SvgSpliceScanTest {
  private static final BakingOptions OPTIONS = BakingOptions.defaults();

  /** Body pieces: badges in every spelling, and the same names and URIs where they are not badges. */
  private static final String[] PIECES = {
      "<g>", "</g>", "<rect width=\"1\"/>", "\n  ", "text ",
      "<ob:assertion verify=\"https://a.org/1\"/>",
      "<ob:credential>{}</ob:credential>",
      "<credential xmlns=\"https://purl.imsglobal.org/ob/v3p0\"><![CDATA[x]]></credential>",
      "<c:credential xmlns:c=\"https://purl.imsglobal.org/clr/v2p0\">y</c:credential>",
      "<m:credential xmlns:m=\"https://purl.imsglobal.org/spec/ob/v3p0\">z</m:credential>",
      "<e:assertion xmlns:e=\"http&#58;//openbadges&#x2E;org\" verify=\"https://e.org/2\"/>",
      "<x:credential xmlns:x=\"urn:not-a-badge\"/>",
      "<credentials/>",
      "<desc>http://openbadges.org https://purl.imsglobal.org/ob/v3p0 credential assertion</desc>",
      "<!-- <ob:assertion verify=\"https://c.org\"/> <!DOCTYPE x> https://purl.imsglobal.org/ob/v3p0 -->",
      "<text><![CDATA[<ob:credential>no</ob:credential>]]></text>",
      "<a href=\"http://openbadges.org\" data-x=\"credential\"/>",
      "<?pi <ob:assertion/> ?>",
  };

  private static byte[] document(List<Integer> pieces, boolean prefixOnRoot) {
    StringBuilder s = new StringBuilder("<?xml version=\"1.0\"?>\n<!-- c --><svg xmlns=\"http://www.w3.org/2000/svg\"");
    s.append(prefixOnRoot ? " xmlns:ob=\"http://openbadges.org\">" : ">");
    int open = 0;
    for (int i : pieces) {
      String piece = PIECES[i];
      if (piece.startsWith("<ob:") && !prefixOnRoot) {
        piece = piece.replaceFirst("<ob:(\\w+)", "<ob:$1 xmlns:ob=\"" + (piece.contains("assertion")
            ? "http://openbadges.org" : "https://purl.imsglobal.org/ob/v3p0") + "\"");
      }
      if (piece.equals("</g>") && open == 0) {
        continue;
      }
      open += piece.equals("<g>") ? 1 : piece.equals("</g>") ? -1 : 0;
      s.append(piece);
    }
    s.append("</g>".repeat(open)).append("</svg>\n");
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theSpliceScanFindsWhatTheFullScanFinds() {
    qt().withExamples(500)
        .forAll(lists().of(integers().between(0, PIECES.length - 1)).ofSizeBetween(0, 12), integers().between(0, 1))
        .checkAssert((pieces, rootPrefix) -> {
          byte[] b = document(pieces, rootPrefix == 1);
          Svg.Scan full = Svg.scan(b, b.length, OPTIONS);
          Svg.Scan splice = Svg.spliceScan(b, b.length, OPTIONS);
          String text = new String(b, StandardCharsets.UTF_8);
          assertEquals(full.badges, splice.badges, text);
          assertEquals(full.rootStartEnd, splice.rootStartEnd, text);
        });
  }

  @Test
  void aDoctypeIsRefusedWhereverTheFullScanRefusesIt() {
    for (String doc : List.of("<!-- c --><!DOCTYPE svg><svg/>", "<?pi?>\n<!doctype svg [<!ENTITY x 'y'>]><svg></svg>",
        "<svg><g/><!DocType x></svg>", "<svg>" + "<g/>".repeat(40) + "<!DOCTYPE svg [<!ENTITY x 'y'>]></svg>")) {
      byte[] b = doc.getBytes(StandardCharsets.UTF_8);
      BakingException e = assertThrows(BakingException.class, () -> Svg.spliceScan(b, b.length, OPTIONS), doc);
      assertEquals(BakingErrorCode.SVG_DOCTYPE_FORBIDDEN, e.errorCode(), doc);
    }
  }
}
