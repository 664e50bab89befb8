package io.github.insignia.openbadges;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A bounded, thread-safe memo of a pure function (the same key always gives the same value), the
 * form of every process-wide cache in Insignia: parsed keys, JSON readers per limit, accepted JWS
 * headers, compiled schemas. When full it is emptied wholesale (cheap, and a cache of pure results
 * can never serve a stale answer, only recompute). {@link #clearAll()} empties every cache in the
 * JVM, for a host that wants the memory back.
 *
 * @param <K> the key (with value-based {@code equals})
 * @param <V> the value
 */
public final class BoundedCache<K, V> {
  /** Every live cache, weakly held so that a dropped cache is not kept alive by the registry. */
  private static final Set<BoundedCache<?, ?>> ALL = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  private final Map<K, V> map = new ConcurrentHashMap<>();
  private final int maxEntries;

  /**
   * A cache of at most {@code maxEntries} entries.
   *
   * @throws IllegalArgumentException when {@code maxEntries} is not positive
   */
  public BoundedCache(int maxEntries) {
    if (maxEntries <= 0) {
      throw new IllegalArgumentException("maxEntries must be positive");
    }
    this.maxEntries = maxEntries;
    ALL.add(this);
  }

  /** The cached value, or null. */
  public V getIfPresent(K key) {
    return map.get(key);
  }

  /** Remembers a value, emptying the cache first when it is full. */
  public void put(K key, V value) {
    Objects.requireNonNull(value, "value");
    if (map.size() >= maxEntries) {
      map.clear();
    }
    map.put(key, value);
  }

  /**
   * The cached value for {@code key}, computing and remembering it when absent (an exception from
   * {@code compute} is thrown and nothing is remembered).
   */
  public V get(K key, Function<? super K, ? extends V> compute) {
    V value = map.get(key);
    if (value == null) {
      value = compute.apply(key);
      put(key, value);
    }
    return value;
  }

  /** The number of entries (at most the bound). */
  public int size() {
    return map.size();
  }

  /** The bound given at construction. */
  public int maxEntries() {
    return maxEntries;
  }

  /** Empties this cache. */
  public void clear() {
    map.clear();
  }

  /** Empties every Insignia cache in this JVM; later calls recompute what they need. */
  public static void clearAll() {
    List<BoundedCache<?, ?>> all;
    synchronized (ALL) {
      all = new ArrayList<>(ALL);
    }
    all.forEach(BoundedCache::clear);
  }
}
