package io.github.insignia.openbadges.validation.fetch;

import java.net.URI;

/**
 * Fetches a document by URL for verification: hosted assertions, badge classes, issuer profiles,
 * keys, revocation and status lists, images, did:web documents. Hosts supply their own (a proxy,
 * a cache, an archive) or use {@link HttpResourceFetcher}, {@link PreloadedResources} and {@link
 * ResourceFetchers}.
 *
 * <p>Implementations must be thread-safe. They follow redirects themselves and return any final
 * status (4xx and 5xx included) as a {@link FetchedResource}; transport problems (timeout, TLS,
 * refused address, oversize body, redirect loop) are thrown as {@link FetchException}.
 */
@FunctionalInterface
public interface ResourceFetcher {
  /**
   * @param url an absolute URL
   * @return the final answer
   * @throws FetchException when no answer could be obtained
   */
  FetchedResource fetch(URI url);

  /**
   * Fetches with a specific {@code Accept} header (images are asked for as images). The default
   * ignores the header; HTTP fetchers override it.
   */
  default FetchedResource fetch(URI url, String accept) {
    return fetch(url);
  }

  /** A fetcher that asks this one and, when it throws {@link FetchProblem#NOT_AVAILABLE_OFFLINE}, {@code next}. */
  default ResourceFetcher orElse(ResourceFetcher next) {
    ResourceFetcher first = this;
    return new ResourceFetcher() {
      @Override
      public FetchedResource fetch(URI url) {
        return fetch(url, HttpResourceFetcher.ACCEPT);
      }

      @Override
      public FetchedResource fetch(URI url, String accept) {
        try {
          return first.fetch(url, accept);
        } catch (FetchException e) {
          if (e.problem() == FetchProblem.NOT_AVAILABLE_OFFLINE) {
            return next.fetch(url, accept);
          }
          throw e;
        }
      }
    };
  }
}
