package io.github.insignia.openbadges.wallet.internal;

import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.wallet.WalletErrorCode;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The credential issuer identifier and the endpoint URLs under it. The identifier is the issuer URL
 * without a trailing slash (OpenID4VCI: https, no query, no fragment; http is allowed for loopback
 * hosts so tests and a local {@code insignia serve} work).
 */
public record Endpoints(String issuer, String path, String authority) {
  /** Token endpoint path under the issuer. */
  public static final String TOKEN = "/oid4vci/token";
  /** Nonce endpoint path. */
  public static final String NONCE = "/oid4vci/nonce";
  /** Credential endpoint path. */
  public static final String CREDENTIAL = "/oid4vci/credential";
  /** Offers by reference: path prefix, then the offer id. */
  public static final String OFFERS = "/oid4vci/offers/";
  /** VC-API exchanges: path prefix, then the exchange id. */
  public static final String EXCHANGES = "/exchanges/";
  /** Credential issuer metadata (well-known suffix). */
  public static final String ISSUER_METADATA = "/.well-known/openid-credential-issuer";
  /** Authorization server metadata (well-known suffix). */
  public static final String AS_METADATA = "/.well-known/oauth-authorization-server";

  /** Checks and normalises the issuer URL. */
  public static Endpoints of(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (url.getHost() == null || url.getRawQuery() != null || url.getRawFragment() != null
        || !(scheme.equals("https") || (scheme.equals("http") && loopback(url.getHost())))) {
      throw new ConfigurationException(WalletErrorCode.WALLET_ISSUER_URL_INVALID,
          "the credential issuer URL must be https (http only on loopback) without query or fragment: " + url);
    }
    String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
    String authority = url.getRawAuthority();
    return new Endpoints(scheme + "://" + authority + path, path, authority);
  }

  private static boolean loopback(String host) {
    String h = host.replace("[", "").replace("]", "");
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+") && !h.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The issuer's origin ({@code scheme://authority}). */
  public String origin() {
    return issuer.substring(0, issuer.length() - path.length());
  }

  /** An endpoint URL: the issuer plus a path. */
  public String url(String suffix) {
    return issuer + suffix;
  }
}
