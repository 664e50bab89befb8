package io.github.insignia.openbadges.export.internal;

import java.util.Locale;

/** Loopback host names, where plain http is tolerated (RFC 8252 native-app redirects, tests). */
public final class Loopback {
  private Loopback() {}

  /** {@code localhost}, {@code 127.x.x.x} or {@code [::1]}. */
  public static boolean isLoopbackHost(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || h.matches("127(\\.\\d{1,3}){3}");
  }
}
