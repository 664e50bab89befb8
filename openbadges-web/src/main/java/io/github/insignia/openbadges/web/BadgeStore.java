package io.github.insignia.openbadges.web;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@link BadgeSite} reads issued badges and the documents it hosts. A host implements it over
 * its database; {@link FolderBadgeStore} reads the folder {@code insignia issue-batch} writes.
 * Implementations are thread-safe.
 */
public interface BadgeStore {
  /** The badge with this id (the credential UUID), if there is one. */
  Optional<PublishedBadge> badge(String id);

  /**
   * The documents to host, by absolute URL (issuer profile, JWKS, DID document, status lists, OB 2.0
   * hosted documents). The site answers those whose URL lies under its base URL, and its page
   * verifier reads them without a network round trip.
   */
  Map<URI, HostedDocument> hostedDocuments();
}
