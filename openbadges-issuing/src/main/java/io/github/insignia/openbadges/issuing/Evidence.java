package io.github.insignia.openbadges.issuing;

import java.util.Optional;

/**
 * Evidence of an award: a page (URL), a narrative (Markdown), or both, with an optional name.
 *
 * @param url the evidence page
 * @param narrative what the evidence shows
 * @param name a short title
 */
public record Evidence(Optional<String> url, Optional<String> narrative, Optional<String> name) {
  /** Checks that at least the URL or the narrative is present. */
  public Evidence {
    if (url.isEmpty() && narrative.isEmpty()) {
      throw new IllegalArgumentException("evidence needs a URL or a narrative");
    }
    name = name == null ? Optional.empty() : name;
  }

  /** Evidence at a URL. */
  public static Evidence url(String url) {
    return new Evidence(Optional.of(url), Optional.empty(), Optional.empty());
  }

  /** Evidence told in a narrative. */
  public static Evidence narrative(String narrative) {
    return new Evidence(Optional.empty(), Optional.of(narrative), Optional.empty());
  }
}
