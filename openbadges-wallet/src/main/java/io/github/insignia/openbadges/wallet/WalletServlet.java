package io.github.insignia.openbadges.wallet;

import io.github.insignia.openbadges.issuing.http.ServiceRequest;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Objects;

/**
 * Mounts a {@link WalletIssuer} in a servlet container, beside the {@code BadgeServlet}. Map it to
 * {@code /.well-known/openid-credential-issuer}, {@code /.well-known/oauth-authorization-server},
 * {@code /oid4vci/*} and {@code /exchanges/*} of the context whose path is the issuer URL's path.
 * Bodies over 256 KiB are refused unread.
 */
public final class WalletServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final int MAX_BODY = 256 * 1024;

  /** The wallet issuer; not serialised (servlet containers need not serialise servlets). */
  private final transient WalletIssuer issuer;

  /**
   * A servlet over the issuer.
   *
   * @param issuer the wallet issuer
   */
  public WalletServlet(WalletIssuer issuer) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
  }

  /** The URL patterns to map this servlet to (relative to its context). */
  public static String[] urlPatterns() {
    return new String[] {"/.well-known/openid-credential-issuer", "/.well-known/openid-credential-issuer/*",
        "/.well-known/oauth-authorization-server", "/.well-known/oauth-authorization-server/*", "/oid4vci/*", "/exchanges/*"};
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    ServiceRequest.Builder b = ServiceRequest.builder(req.getMethod(), req.getRequestURI());
    for (String name : Collections.list(req.getHeaderNames())) {
      for (String value : Collections.list(req.getHeaders(name))) {
        b.header(name, value);
      }
    }
    if (req.getContentLengthLong() > MAX_BODY) {
      b.bodyTooLarge(true);
    } else {
      try (InputStream in = req.getInputStream()) {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
          b.bodyTooLarge(true);
        } else {
          b.body(body);
        }
      }
    }
    WalletResponse answer = issuer.handle(b.build());
    resp.setStatus(answer.status());
    answer.headers().forEach(resp::setHeader);
    byte[] body = answer.body();
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }
}
