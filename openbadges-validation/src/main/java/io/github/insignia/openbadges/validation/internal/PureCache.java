package io.github.insignia.openbadges.validation.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small bounded memo for pure functions of their input (a did:key to its key, PEM text to a key,
 * an encoded status list to its bits): the same input always gives the same output, so caching can
 * never serve a stale answer. Cleared wholesale when full. Thread-safe.
 *
 * @param <K> the input
 * @param <V> the output
 */
public final class PureCache<K, V> {
  private final Map<K, V> map = new ConcurrentHashMap<>();
  private final int maxEntries;

  /** @param maxEntries at most this many entries are kept */
  public PureCache(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  /** The cached output for {@code key}, computing it when absent (exceptions are not cached). */
  public V get(K key, Function<K, V> compute) {
    V v = map.get(key);
    if (v != null) {
      return v;
    }
    v = compute.apply(key);
    if (map.size() >= maxEntries) {
      map.clear();
    }
    map.put(key, v);
    return v;
  }
}
