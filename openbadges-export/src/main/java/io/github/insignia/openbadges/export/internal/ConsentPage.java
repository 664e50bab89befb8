package io.github.insignia.openbadges.export.internal;

import io.github.insignia.openbadges.export.backpack.BackpackScopes;
import io.github.insignia.openbadges.export.provider.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The provider's consent page: names the client (as it registered, escaped), its home page as
 * text, where the browser goes back to, and each scope in words; approve/deny post back to the
 * authorization endpoint with a single-use anti-CSRF token. No script, no images (a logo URL would
 * let a client track who looks at the page), not framable.
 */
public final class ConsentPage {
  private static final Map<String, String> WORDS = Map.of(
      BackpackScopes.V3_CREDENTIAL_READONLY, "read the credentials in your backpack",
      BackpackScopes.V3_CREDENTIAL_UPSERT, "add or replace credentials in your backpack",
      BackpackScopes.V3_PROFILE_READONLY, "read your profile",
      BackpackScopes.V3_PROFILE_UPDATE, "change your profile",
      BackpackScopes.V2_ASSERTION_READONLY, "read the badges in your backpack",
      BackpackScopes.V2_ASSERTION_CREATE, "add badges to your backpack",
      BackpackScopes.V2_PROFILE_READONLY, "read your profile (Badge Connect)",
      BackpackScopes.V2_PROFILE_UPDATE, "change your profile (Badge Connect)",
      BackpackScopes.OFFLINE_ACCESS, "keep this access when you are not signed in");

  private ConsentPage() {}

  /** The page, with headers that keep it out of frames and caches. */
  public static HttpResponse render(String clientName, String clientUri, String redirectUri, Set<String> scopes,
      String csrfToken) {
    StringBuilder h = new StringBuilder(2048);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Allow access to your backpack?</title></head><body>\n")
        .append("<h1>Allow <strong>").append(Html.escape(clientName)).append("</strong> to use your backpack?</h1>\n")
        .append("<p>This application registered itself; only allow it if you started this from it and trust it.</p>\n");
    if (clientUri != null) {
      h.append("<p>Its home page: <code>").append(Html.escape(clientUri)).append("</code></p>\n");
    }
    h.append("<p>You will be sent back to <code>").append(Html.escape(host(redirectUri))).append("</code>.</p>\n")
        .append("<p>It asks to:</p>\n<ul>\n");
    for (String scope : scopes) {
      h.append("<li>").append(Html.escape(WORDS.getOrDefault(scope, scope))).append("</li>\n");
    }
    h.append("</ul>\n<form method=\"post\" action=\"authorize\">")
        .append("<input type=\"hidden\" name=\"consent\" value=\"").append(Html.escape(csrfToken)).append("\">")
        .append("<button type=\"submit\" name=\"decision\" value=\"approve\">Allow</button> ")
        .append("<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></form>\n</body></html>\n");
    return HttpResponse.of(200, "text/html; charset=utf-8", h.toString().getBytes(StandardCharsets.UTF_8))
        .withHeader("Cache-Control", "no-store")
        .withHeader("X-Frame-Options", "DENY")
        .withHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'")
        .withHeader("Referrer-Policy", "no-referrer");
  }

  private static String host(String uri) {
    try {
      URI u = new URI(uri);
      return u.getScheme() + "://" + u.getRawAuthority();
    } catch (java.net.URISyntaxException e) {
      return uri;
    }
  }
}
