package io.github.insignia.openbadges.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.insignia.openbadges.InvalidInputException;
import org.junit.jupiter.api.Test;

class SafeJsonTest {
  @Test
  void readsAndWritesBackInDocumentOrder() {
    String json = "{\"b\":1,\"a\":[true,null,\"x\"],\"c\":1.50}";
    assertEquals(json, SafeJson.write(SafeJson.read(json)));
  }

  @Test
  void truncatedJsonIsMalformed() {
    assertEquals("JSON_MALFORMED", code(() -> SafeJson.read("{\"a\": [1, 2")));
  }

  @Test
  void emptyInputIsMalformed() {
    assertEquals("JSON_MALFORMED", code(() -> SafeJson.read("  ")));
  }

  @Test
  void trailingGarbageIsMalformed() {
    assertEquals("JSON_MALFORMED", code(() -> SafeJson.read("{} {}")));
  }

  @Test
  void deepNestingIsRejected() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    assertEquals("JSON_TOO_DEEP", code(() -> SafeJson.read(deep)));
  }

  @Test
  void depthLimitIsConfigurable() {
    JsonLimits shallow = JsonLimits.builder().maxDepth(2).build();
    assertEquals("JSON_TOO_DEEP", code(() -> SafeJson.read("[[[1]]]", shallow)));
    assertEquals("[[1]]", SafeJson.write(SafeJson.read("[[1]]", shallow)));
  }

  @Test
  void longStringIsRejected() {
    JsonLimits small = JsonLimits.builder().maxStringLength(1000).build();
    String json = "{\"a\":\"" + "x".repeat(2000) + "\"}";
    assertEquals("JSON_STRING_TOO_LONG", code(() -> SafeJson.read(json, small)));
  }

  @Test
  void hundredMegabyteStringIsRejectedByDefault() {
    String json = "{\"a\":\"" + "x".repeat(100 * 1024 * 1024) + "\"}";
    String code = code(() -> SafeJson.read(json));
    assertEquals(true, code.equals("JSON_TOO_LARGE") || code.equals("JSON_STRING_TOO_LONG"), code);
  }

  @Test
  void largeDocumentIsRejected() {
    JsonLimits small = JsonLimits.builder().maxDocumentBytes(10).build();
    assertEquals("JSON_TOO_LARGE", code(() -> SafeJson.read("[1,2,3,4,5,6,7,8]", small)));
  }

  @Test
  void duplicateKeysAreRejected() {
    assertEquals("JSON_DUPLICATE_KEY", code(() -> SafeJson.read("{\"a\":1,\"a\":2}")));
  }

  private static String code(Runnable r) {
    return assertThrows(InvalidInputException.class, r::run).code();
  }
}
