package io.github.insignia.openbadges.export;

import java.util.Locale;
import java.util.Optional;

/** The networks {@link ShareLinks} builds links for. */
public enum ShareNetwork {
  /** LinkedIn feed post (the page's Open Graph tags give the text and image). */
  LINKEDIN,
  /** X (Twitter). */
  X,
  /** Facebook (the page's Open Graph tags give the text and image). */
  FACEBOOK,
  /** WhatsApp. */
  WHATSAPP,
  /** Telegram. */
  TELEGRAM,
  /** Bluesky. */
  BLUESKY,
  /** Mastodon; needs the user's instance. */
  MASTODON;

  /** The network for a name, case-insensitive ({@code twitter} is accepted for X). */
  public static Optional<ShareNetwork> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.strip().toUpperCase(Locale.ROOT);
    if (n.equals("TWITTER")) {
      return Optional.of(X);
    }
    for (ShareNetwork network : values()) {
      if (network.name().equals(n)) {
        return Optional.of(network);
      }
    }
    return Optional.empty();
  }

  /** The lower-case name used on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
