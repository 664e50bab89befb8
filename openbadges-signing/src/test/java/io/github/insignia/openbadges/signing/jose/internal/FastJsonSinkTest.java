package io.github.insignia.openbadges.signing.jose.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.TestVectors;
import io.github.insignia.openbadges.signing.jose.VcJwt;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast payload writer against Jackson's generator: the same bytes wherever the fast one writes
 * (seeded generated trees, every OB 3.0 example), and it gives up on what it leaves to Jackson.
 */
class FastJsonSinkTest {
  private static final ObjectMapper JACKSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  /** The fast bytes for a tree, or null when it gave up. */
  private static byte[] fast(JsonNode node) {
    try {
      FastJsonSink sink = new FastJsonSink();
      sink.tree(node);
      return sink.toByteArray();
    } catch (FastJsonSink.GiveUp unusual) {
      return null;
    }
  }

  private static boolean agrees(JsonNode node) throws IOException {
    byte[] fast = fast(node);
    if (fast == null) {
      return false;
    }
    byte[] jackson = JACKSON.writeValueAsBytes(node);
    assertEquals(new String(jackson, StandardCharsets.UTF_8), new String(fast, StandardCharsets.UTF_8));
    assertArrayEquals(jackson, fast);
    return true;
  }

  @Test
  void generatedTreesAreWrittenAsJacksonWritesThem() throws IOException {
    Random random = new Random(11);
    int written = 0;
    for (int i = 0; i < 3000; i++) {
      if (agrees(tree(random, 0))) {
        written++;
      }
    }
    assertTrue(written > 2000, "fast writer wrote " + written + " of 3000");
  }

  @Test
  void everyCharacterBelowTheSurrogatesIsWrittenAsJacksonWritesIt() throws IOException {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0xD800; c++) {
      all.append(c);
    }
    for (char c = 0xE000; c != 0; c++) {
      all.append(c);
    }
    ObjectNode node = NODES.objectNode();
    node.put(all.substring(0, 300), all.toString());
    assertTrue(agrees(node));
  }

  @Test
  void specExamplesGiveTheSamePayloadEitherWay() throws IOException {
    Map<Path, JsonNode> examples = TestVectors.ob3SpecExampleObjects();
    for (Map.Entry<Path, JsonNode> example : examples.entrySet()) {
      assertTrue(agrees(example.getValue()), example.getKey().toString());
    }
    assertTrue(examples.size() > 10);
  }

  @Test
  void aPayloadTheFastWriterLeavesIsWrittenByJackson() {
    ObjectNode credential = (ObjectNode) SafeJson.read("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
        + "\"type\":[\"VerifiableCredential\"],\"issuer\":\"https://example.edu/\",\"name\":\"x\"}");
    credential.put("double", 0.1d).put("emoji", "🎓");
    String payload = new String(VcJwt.payload(credential), StandardCharsets.UTF_8);
    assertTrue(payload.contains("\"double\":0.1"), payload);
    assertTrue(payload.contains("\"iss\":\"https://example.edu/\""), payload);
    assertEquals(SafeJson.read(payload).get("emoji").asText(), "🎓");
  }

  @Test
  void unusualNodesGiveUp() {
    assertThrows(FastJsonSink.GiveUp.class, () -> new FastJsonSink().tree(NODES.numberNode(1.5d)));
    assertThrows(FastJsonSink.GiveUp.class, () -> new FastJsonSink().tree(NODES.numberNode(1.5f)));
    assertThrows(FastJsonSink.GiveUp.class, () -> new FastJsonSink().tree(NODES.textNode("\ud83c\udf93")));
    assertThrows(FastJsonSink.GiveUp.class, () -> new FastJsonSink().tree(NODES.textNode("\ud83c")));
    assertThrows(FastJsonSink.GiveUp.class, () -> new FastJsonSink().tree(NODES.binaryNode(new byte[] {1})));
    assertThrows(FastJsonSink.GiveUp.class, () -> new FastJsonSink().tree(NODES.pojoNode(new Object())));
    ArrayNode deep = NODES.arrayNode();
    ArrayNode inner = deep;
    for (int i = 0; i < 150; i++) {
      inner = inner.addArray();
    }
    assertThrows(FastJsonSink.GiveUp.class, () -> new FastJsonSink().tree(deep));
  }

  private static final String[] PIECES = {"a", "Zoë", "é", "\u00ff", "\u0100", "\u07ff", "\u0800", "中文", "\uffff",
    "\"", "\\", "/", "\n", "\r", "\t", "\b", "\f", "\u0000", "\u001f", "\u007f", "\u2028", "https://example.edu/x?y=1&z",
    "\ud83c\udf93"};

  private static String text(Random random) {
    StringBuilder s = new StringBuilder();
    for (int i = random.nextInt(5); i > 0; i--) {
      s.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return s.toString();
  }

  private static JsonNode tree(Random random, int depth) {
    switch (random.nextInt(depth > 4 ? 9 : 11)) {
      case 0:
        return NODES.textNode(text(random));
      case 1:
        return NODES.booleanNode(random.nextBoolean());
      case 2:
        return NODES.nullNode();
      case 3:
        return NODES.numberNode(random.nextInt());
      case 4:
        return NODES.numberNode(random.nextLong());
      case 5:
        return NODES.numberNode(new BigInteger(100, random).negate());
      case 6:
        return NODES.numberNode(new BigDecimal(BigInteger.valueOf(random.nextInt()), random.nextInt(40) - 20));
      case 7:
        return NODES.numberNode(BigDecimal.valueOf(random.nextInt(1000), 2));
      case 8:
        return NODES.textNode("2026-01-01T00:00:00Z");
      case 9: {
        ObjectNode object = NODES.objectNode();
        for (int i = random.nextInt(5); i > 0; i--) {
          object.set(text(random), tree(random, depth + 1));
        }
        return object;
      }
      default: {
        ArrayNode array = NODES.arrayNode();
        for (int i = random.nextInt(5); i > 0; i--) {
          array.add(tree(random, depth + 1));
        }
        return array;
      }
    }
  }
}
