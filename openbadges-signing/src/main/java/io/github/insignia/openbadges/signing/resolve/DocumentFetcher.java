package io.github.insignia.openbadges.signing.resolve;

import java.net.URI;

/**
 * Fetches the bytes at a URL for key resolution (DID documents, controller documents, JWKS, OB 2.0
 * CryptographicKey and Profile documents). The signing module opens no connection itself: the host
 * supplies this, typically a guarded HTTP client that refuses private addresses, limits sizes and
 * time, and may answer from a local resources map.
 *
 * <p>Implementations must be thread-safe and throw an {@link
 * io.github.insignia.openbadges.OpenBadgesException} (for example {@link
 * io.github.insignia.openbadges.signing.KeyResolutionException} {@code KEY_FETCH_FAILED}) when the
 * document cannot be fetched. {@code IssuerKeys} keeps that exception as the cause of its {@code
 * ISSUER_KEYS_UNAVAILABLE} failure (never caching it), so a host can throw its own subclass carrying
 * the precise failure (HTTP status, timeout, TLS problem) and read it back.
 */
@FunctionalInterface
public interface DocumentFetcher {
  /**
   * @param url an absolute https URL (http only if the host's fetcher allows it)
   * @return the response body
   */
  byte[] fetch(URI url);
}
