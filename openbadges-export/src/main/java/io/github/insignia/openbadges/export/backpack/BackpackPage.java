package io.github.insignia.openbadges.export.backpack;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of {@code getCredentials} (OB 3.0) or {@code GET /assertions} (Badge Connect).
 *
 * @param json the badges in JSON (credentials or assertions)
 * @param signed the badges as compact JWS
 * @param totalCount {@code X-Total-Count}, when the server sent it
 * @param next the {@code Link rel="next"} URL (same origin as the API, else dropped), or null
 */
public record BackpackPage(List<JsonNode> json, List<String> signed, OptionalLong totalCount, URI next) {
  /** Copies. */
  public BackpackPage {
    json = List.copyOf(json);
    signed = List.copyOf(signed);
  }

  /** The next page's URL, when the list goes on. */
  public Optional<URI> nextPage() {
    return Optional.ofNullable(next);
  }

  /** Number of badges on this page. */
  public int size() {
    return json.size() + signed.size();
  }
}
