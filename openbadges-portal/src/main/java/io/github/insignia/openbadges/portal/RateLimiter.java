package io.github.insignia.openbadges.portal;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Small in-memory token buckets, one per action and key (an IP address, an account, an address):
 * {@code capacity} tries at once, refilled at {@code perMinute} a minute. Bounded: past 100,000 keys
 * the full buckets are dropped (a full bucket is the same as no bucket).
 */
final class RateLimiter {
  private static final int MAX_KEYS = 100_000;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final Clock clock;
  private final boolean enabled;

  RateLimiter(Clock clock) {
    this(clock, true);
  }

  RateLimiter(Clock clock, boolean enabled) {
    this.clock = clock;
    this.enabled = enabled;
  }

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }

  /** Forgets every bucket (tests). */
  void reset() {
    buckets.clear();
  }

  /** Takes one token from each key's bucket; false (and nothing taken) when any is empty. */
  boolean tryAcquire(String action, int capacity, double perMinute, String... keys) {
    if (!enabled) {
      return true;
    }
    long now = clock.millis();
    if (buckets.size() > MAX_KEYS) {
      buckets.entrySet().removeIf(e -> {
        synchronized (e.getValue()) {
          return e.getValue().tokens + (now - e.getValue().at) * perMinute / 60_000.0 >= capacity;
        }
      });
    }
    Bucket[] bs = new Bucket[keys.length];
    for (int i = 0; i < keys.length; i++) {
      bs[i] = buckets.computeIfAbsent(action + '\u0000' + keys[i], k -> new Bucket(capacity, now));
    }
    synchronized (this) {
      for (Bucket b : bs) {
        b.tokens = Math.min(capacity, b.tokens + (now - b.at) * perMinute / 60_000.0);
        b.at = now;
        if (b.tokens < 1) {
          return false;
        }
      }
      for (Bucket b : bs) {
        b.tokens -= 1;
      }
      return true;
    }
  }
}
