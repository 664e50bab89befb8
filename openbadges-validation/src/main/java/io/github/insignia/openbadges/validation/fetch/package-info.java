/**
 * Fetching for verification: the {@link io.github.insignia.openbadges.validation.fetch.ResourceFetcher}
 * SPI, the guarded default over {@code java.net.http.HttpClient}, preloaded resources for offline and
 * archived verification, and the cache SPI.
 */
package io.github.insignia.openbadges.validation.fetch;
