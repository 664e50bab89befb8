package io.github.insignia.openbadges.validation.fetch;

import java.net.URI;
import java.util.Optional;

/**
 * Where fetched resources are kept between verifications (a status list fetched once serves many
 * credentials). Implementations must be thread-safe; they decide on their own eviction and
 * lifetime. See {@link ResourceFetchers#caching(ResourceFetcher, ResourceCache)} and {@link
 * ResourceFetchers#inMemoryCache(int, java.time.Duration, java.time.Clock)}.
 */
public interface ResourceCache {
  /** The cached answer for {@code url}, if still fresh. */
  Optional<FetchedResource> get(URI url);

  /** Remembers an answer. */
  void put(URI url, FetchedResource resource);
}
