package io.github.insignia.openbadges.issuing;

import java.util.Optional;

/**
 * Evidence of an award: a page (URL), a narrative (Markdown), or both, with an optional name. It
 * becomes an OB 3.0 {@code Evidence} (and an OB 2.0 one); the name differs from the model's {@link
 * io.github.insignia.openbadges.model.ob3.Evidence} so that both can be imported together.
 *
 * @param url the evidence page
 * @param narrative what the evidence shows
 * @param name a short title
 */
public record AwardEvidence(Optional<String> url, Optional<String> narrative, Optional<String> name) {
  /** Checks that at least the URL or the narrative is present. */
  public AwardEvidence {
    if (url.isEmpty() && narrative.isEmpty()) {
      throw new IllegalArgumentException("evidence needs a URL or a narrative");
    }
    name = name == null ? Optional.empty() : name;
  }

  /** Evidence at a URL. */
  public static AwardEvidence url(String url) {
    return new AwardEvidence(Optional.of(url), Optional.empty(), Optional.empty());
  }

  /** Evidence told in a narrative. */
  public static AwardEvidence narrative(String narrative) {
    return new AwardEvidence(Optional.empty(), Optional.of(narrative), Optional.empty());
  }
}
