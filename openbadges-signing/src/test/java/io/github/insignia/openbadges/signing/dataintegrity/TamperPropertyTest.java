package io.github.insignia.openbadges.signing.dataintegrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.signing.Judges;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Generated credentials: sign → verify passes; change any one leaf (document or proof) → verify fails. */
class TamperPropertyTest {
  static final DataIntegrity DI = DataIntegrity.create();
  static final DataIntegrity.Verifier JUDGE = Judges.dataIntegrity(DI);
  static final SigningKey KEY = SigningKey.generate(KeyType.ED25519);

  record Leaf(ContainerNode<?> parent, String field, int index, JsonNode value) {}

  static Gen<String> text() {
    return strings().betweenCodePoints(0x20, 0x2FFF).ofLengthBetween(1, 40);
  }

  static ObjectNode credential(String name, String description, String narrative, int n, boolean until, int evidence) {
    ObjectNode c = SafeJson.read("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
        + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],\"id\":\"urn:uuid:00000000-0000-4000-8000-"
        + String.format("%012d", n) + "\",\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],"
        + "\"issuer\":{\"id\":\"" + KEY.publicKey().didKey() + "\",\"type\":[\"Profile\"],\"name\":\"Issuer " + n + "\"},"
        + "\"validFrom\":\"2024-01-01T00:00:00Z\",\"credentialSubject\":{\"id\":\"did:example:learner" + n + "\","
        + "\"type\":[\"AchievementSubject\"],\"achievement\":{\"id\":\"https://example.org/achievements/" + n + "\","
        + "\"type\":[\"Achievement\"],\"criteria\":{}}}}").deepCopy();
    c.put("name", name);
    ObjectNode achievement = (ObjectNode) c.get("credentialSubject").get("achievement");
    achievement.put("name", name);
    achievement.put("description", description);
    ((ObjectNode) achievement.get("criteria")).put("narrative", narrative);
    if (until) {
      c.put("validUntil", "2030-01-01T00:00:00Z");
    }
    if (evidence > 0) {
      ArrayNode list = c.putArray("evidence");
      for (int i = 0; i < evidence; i++) {
        ObjectNode e = list.addObject();
        e.put("id", "https://example.org/evidence/" + n + "/" + i);
        e.putArray("type").add("Evidence");
        e.put("name", description + " " + i);
      }
    }
    return c;
  }

  @Test
  void signVerifyAndTamperAnyLeaf() {
    qt().withExamples(100)
        .forAll(text(), text(), text(), integers().between(0, 999_999))
        .checkAssert((name, description, narrative, n) -> {
          ObjectNode signed = DI.sign(credential(name, description, narrative, n, n % 2 == 0, (n / 2) % 4), KEY,
              ProofOptions.builder(KEY.publicKey().didKeyVerificationMethod()).build());
          JUDGE.verify(signed);
          List<Leaf> leaves = new ArrayList<>();
          collect(signed, leaves);
          Leaf leaf = leaves.get(Math.floorMod(n * 31 + name.length(), leaves.size()));
          ObjectNode tampered = signed.deepCopy();
          flip(tampered, signed, leaf);
          assertThrows(OpenBadgesException.class, () -> JUDGE.verify(tampered),
              () -> "tampering " + leaf.field() + "[" + leaf.index() + "] verified");
        });
  }

  @Test
  void everyLeafOfOneCredentialIsCovered() {
    ObjectNode signed = DI.sign(credential("Badge", "Desc", "Narr", 7, true, 2), KEY,
        ProofOptions.builder(KEY.publicKey().didKeyVerificationMethod()).build());
    List<Leaf> leaves = new ArrayList<>();
    collect(signed, leaves);
    assertEquals(true, leaves.size() > 25);
    for (Leaf leaf : leaves) {
      ObjectNode tampered = signed.deepCopy();
      flip(tampered, signed, leaf);
      assertThrows(OpenBadgesException.class, () -> JUDGE.verify(tampered),
          () -> "tampering " + leaf.field() + "[" + leaf.index() + "] = " + leaf.value() + " verified");
    }
  }

  static void collect(JsonNode node, List<Leaf> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isContainerNode()) {
          collect(e.getValue(), out);
        } else {
          out.add(new Leaf((ContainerNode<?>) node, e.getKey(), -1, e.getValue()));
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        if (node.get(i).isContainerNode()) {
          collect(node.get(i), out);
        } else {
          out.add(new Leaf((ContainerNode<?>) node, null, i, node.get(i)));
        }
      }
    }
  }

  /** Changes the leaf at the same place in the copy (found by walking both trees in step). */
  static void flip(JsonNode copy, JsonNode original, Leaf leaf) {
    if (original == leaf.parent()) {
      String changed = leaf.value().asText() + "x";
      if (leaf.field() != null) {
        ((ObjectNode) copy).set(leaf.field(), TextNode.valueOf(changed));
      } else {
        ((ArrayNode) copy).set(leaf.index(), TextNode.valueOf(changed));
      }
      return;
    }
    if (original.isObject()) {
      original.fieldNames().forEachRemaining(f -> {
        if (original.get(f).isContainerNode()) {
          flip(copy.get(f), original.get(f), leaf);
        }
      });
    } else if (original.isArray()) {
      for (int i = 0; i < original.size(); i++) {
        if (original.get(i).isContainerNode()) {
          flip(copy.get(i), original.get(i), leaf);
        }
      }
    }
  }
}
