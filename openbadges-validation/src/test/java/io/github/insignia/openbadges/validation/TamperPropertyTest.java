package io.github.insignia.openbadges.validation;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Changing any signed string value of a credential (outside its proof) never leaves it valid. */
class TamperPropertyTest {
  private static final ObjectNode SIGNED = Fixtures.signDi(Fixtures.ob3(), Fixtures.ED);
  private static final List<String> LEAVES = new ArrayList<>();

  static {
    collect(SIGNED, "", LEAVES);
  }

  private static void collect(JsonNode node, String pointer, List<String> out) {
    if (node.isTextual()) {
      out.add(pointer);
    } else if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        if (!(pointer.isEmpty() && e.getKey().equals("proof"))) {
          collect(e.getValue(), pointer + "/" + e.getKey(), out);
        }
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), pointer + "/" + i, out);
      }
    }
  }

  @Test
  void anyChangedValueIsCaught() {
    qt().withExamples(150)
        .forAll(integers().between(0, LEAVES.size() - 1), strings().basicLatinAlphabet().ofLengthBetween(0, 12))
        .assuming((i, value) -> !SIGNED.at(LEAVES.get(i)).asText().equals(value))
        .check((i, value) -> {
          ObjectNode copy = SIGNED.deepCopy();
          String pointer = LEAVES.get(i);
          int slash = pointer.lastIndexOf('/');
          JsonNode parent = copy.at(pointer.substring(0, slash));
          String last = pointer.substring(slash + 1);
          if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(last), SafeJson.nodeFactory().textNode(value));
          } else {
            ((ObjectNode) parent).put(last, value);
          }
          return !Ob3VerificationTest.VERIFIER.verify(SafeJson.write(copy)).valid();
        });
  }
}
