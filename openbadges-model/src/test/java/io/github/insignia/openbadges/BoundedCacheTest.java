package io.github.insignia.openbadges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {
  @Test
  void neverHoldsMoreThanItsBoundAndRemembersComputedValues() {
    BoundedCache<Integer, String> cache = new BoundedCache<>(8);
    AtomicInteger computed = new AtomicInteger();
    for (int i = 0; i < 1000; i++) {
      cache.get(i, k -> {
        computed.incrementAndGet();
        return "v" + k;
      });
      assertTrue(cache.size() <= 8);
    }
    assertEquals(1000, computed.get());
    assertEquals("v999", cache.get(999, k -> "recomputed"));
    assertEquals(8, cache.maxEntries());
  }

  @Test
  void exceptionsAreNotRememberedAndClearAllEmptiesEveryCache() {
    BoundedCache<String, String> a = new BoundedCache<>(4);
    BoundedCache<String, String> b = new BoundedCache<>(4);
    assertThrows(IllegalStateException.class, () -> a.get("x", k -> {
      throw new IllegalStateException("no");
    }));
    assertNull(a.getIfPresent("x"));
    a.put("k", "v");
    b.get("k", k -> "w");
    BoundedCache.clearAll();
    assertEquals(0, a.size());
    assertEquals(0, b.size());
    assertThrows(IllegalArgumentException.class, () -> new BoundedCache<String, String>(0));
  }
}
