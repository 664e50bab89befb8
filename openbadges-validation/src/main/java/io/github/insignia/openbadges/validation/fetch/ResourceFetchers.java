package io.github.insignia.openbadges.validation.fetch;

import io.github.insignia.openbadges.ModelErrorCode;
import io.github.insignia.openbadges.ConfigurationException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Ready-made fetchers and caches. */
public final class ResourceFetchers {
  private ResourceFetchers() {}

  /** A fetcher that never touches the network: every URL is {@link FetchProblem#NOT_AVAILABLE_OFFLINE}. */
  public static ResourceFetcher offline() {
    return PreloadedResources.empty();
  }

  /**
   * A fetcher that answers from {@code cache} when it can and stores successful (2xx) answers of
   * {@code delegate} there. Errors are not cached, so a server that was down is asked again.
   */
  public static ResourceFetcher caching(ResourceFetcher delegate, ResourceCache cache) {
    Objects.requireNonNull(delegate, "delegate");
    Objects.requireNonNull(cache, "cache");
    return new ResourceFetcher() {
      @Override
      public FetchedResource fetch(URI url) {
        return fetch(url, HttpResourceFetcher.ACCEPT);
      }

      @Override
      public FetchedResource fetch(URI url, String accept) {
        Optional<FetchedResource> hit = cache.get(url);
        if (hit.isPresent()) {
          return hit.get();
        }
        FetchedResource fresh = delegate.fetch(url, accept);
        if (fresh.status() >= 200 && fresh.status() < 300) {
          cache.put(url, fresh);
        }
        return fresh;
      }
    };
  }

  /**
   * A bounded in-memory cache (least recently used out first) whose entries live {@code ttl}.
   *
   * @param maxEntries at least 1
   * @param ttl how long an entry stays fresh
   * @param clock the time source
   */
  public static ResourceCache inMemoryCache(int maxEntries, Duration ttl, Clock clock) {
    if (maxEntries < 1) {
      throw new ConfigurationException(ModelErrorCode.LIMIT_INVALID, "maxEntries must be at least 1");
    }
    Objects.requireNonNull(ttl, "ttl");
    Objects.requireNonNull(clock, "clock");
    return new InMemoryCache(maxEntries, ttl, clock);
  }

  private static final class InMemoryCache implements ResourceCache {
    private final Map<URI, Timed> map;
    private final Duration ttl;
    private final Clock clock;

    InMemoryCache(int maxEntries, Duration ttl, Clock clock) {
      this.ttl = ttl;
      this.clock = clock;
      this.map = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<URI, Timed> eldest) {
          return size() > maxEntries;
        }
      };
    }

    @Override
    public synchronized Optional<FetchedResource> get(URI url) {
      Timed t = map.get(url);
      if (t == null) {
        return Optional.empty();
      }
      if (clock.instant().isAfter(t.expires)) {
        map.remove(url);
        return Optional.empty();
      }
      return Optional.of(t.resource);
    }

    @Override
    public synchronized void put(URI url, FetchedResource resource) {
      map.put(url, new Timed(resource, clock.instant().plus(ttl)));
    }

    private record Timed(FetchedResource resource, Instant expires) {}
  }
}
