package io.github.insignia.openbadges.web.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code Accept} and {@code Accept-Language} negotiation, bounded and lenient. */
public final class Negotiation {
  private Negotiation() {}

  /**
   * The quality the header gives a media type (exact match, then {@code type/*}, then {@code *}/{@code *}),
   * 0 when it is not accepted; a missing header accepts everything at 1.
   */
  public static double quality(Optional<String> accept, String mediaType) {
    if (accept.isEmpty() || accept.get().isBlank()) {
      return 1;
    }
    String type = mediaType.substring(0, mediaType.indexOf('/'));
    double exact = -1;
    double range = -1;
    double any = -1;
    String[] parts = accept.get().split(",", 64);
    for (String part : parts) {
      String[] params = part.split(";", 8);
      String mt = params[0].strip().toLowerCase(Locale.ROOT);
      double q = 1;
      for (int i = 1; i < params.length; i++) {
        String p = params[i].strip();
        if (p.startsWith("q=")) {
          try {
            q = Math.max(0, Math.min(1, Double.parseDouble(p.substring(2))));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      if (mt.equals(mediaType)) {
        exact = Math.max(exact, q);
      } else if (mt.equals(type + "/*")) {
        range = Math.max(range, q);
      } else if (mt.equals("*/*")) {
        any = Math.max(any, q);
      }
    }
    return exact >= 0 ? exact : range >= 0 ? range : Math.max(any, 0);
  }

  /** Whether the client prefers JSON ({@code application/ld+json}, {@code application/json}, {@code application/vc+ld+json}) to HTML. */
  public static Optional<String> preferredJson(Optional<String> accept) {
    if (accept.isEmpty()) {
      return Optional.empty();
    }
    double html = quality(accept, "text/html");
    String best = null;
    double bestQ = 0;
    for (String json : List.of("application/ld+json", "application/vc+ld+json", "application/json")) {
      double q = exactOrZero(accept.get(), json);
      if (q > bestQ) {
        best = json;
        bestQ = q;
      }
    }
    return best != null && bestQ > html ? Optional.of(best) : best != null && html == 0 ? Optional.of(best) : Optional.empty();
  }

  private static double exactOrZero(String accept, String mediaType) {
    for (String part : accept.split(",", 64)) {
      if (part.split(";", 2)[0].strip().equalsIgnoreCase(mediaType)) {
        return quality(Optional.of(part), mediaType);
      }
    }
    return 0;
  }

  /** The page language: {@code ?lang=} when it names one, else the best of {@code Accept-Language}, else English. */
  public static String language(Optional<String> lang, Optional<String> acceptLanguage) {
    if (lang.isPresent() && Texts.LANGUAGES.contains(lang.get().toLowerCase(Locale.ROOT))) {
      return lang.get().toLowerCase(Locale.ROOT);
    }
    if (acceptLanguage.isPresent()) {
      String best = "en";
      double bestQ = -1;
      for (String part : acceptLanguage.get().split(",", 32)) {
        String[] params = part.split(";", 4);
        String tag = params[0].strip().toLowerCase(Locale.ROOT);
        String primary = tag.split("-", 2)[0];
        double q = 1;
        for (int i = 1; i < params.length; i++) {
          String p = params[i].strip();
          if (p.startsWith("q=")) {
            try {
              q = Double.parseDouble(p.substring(2));
            } catch (NumberFormatException e) {
              q = 0;
            }
          }
        }
        if (Texts.LANGUAGES.contains(primary) && q > bestQ) {
          best = primary;
          bestQ = q;
        }
      }
      return best;
    }
    return "en";
  }
}
