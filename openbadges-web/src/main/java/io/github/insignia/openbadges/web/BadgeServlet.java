package io.github.insignia.openbadges.web;

import io.github.insignia.openbadges.issuing.http.ServiceRequest;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * {@link BadgeSite} as a Jakarta Servlet (6.0): mount it under a path of the host's choice (for
 * example {@code /badges-site/*}) with the site's base URL ending in that path. The request body is
 * read up to {@link BadgeSite#maxUploadBytes()}; a longer one is answered 413 without keeping it
 * (up to 1 MiB past the limit it is read and dropped, so that the client reads the answer; beyond
 * that the connection is closed). Thread-safe.
 */
public final class BadgeServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** How far past the limit a declared body is still read and dropped so that the client reads the 413. */
  private static final long DRAIN_CAP = 1024 * 1024;

  private final transient BadgeSite site;

  /** A servlet serving this site. */
  public BadgeServlet(BadgeSite site) {
    this.site = Objects.requireNonNull(site, "site");
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo();
    if (path == null) {
      path = req.getServletPath();
    }
    if (path == null || path.isEmpty()) {
      path = "/";
    }
    ServiceRequest.Builder b = ServiceRequest.builder(req.getMethod(), path);
    // the query string is parsed here: getParameterMap() would consume a form body the site parses itself
    String query = req.getQueryString();
    if (query != null) {
      for (String pair : query.split("&", 32)) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          try {
            b.query(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
          } catch (IllegalArgumentException e) {
            // a malformed escape: the parameter is ignored
          }
        }
      }
    }
    for (String name : Collections.list(req.getHeaderNames())) {
      for (String value : Collections.list(req.getHeaders(name))) {
        b.header(name, value);
      }
    }
    if (req.getMethod().equals("POST") || req.getMethod().equals("PUT")) {
      int max = site.maxUploadBytes();
      long declared = req.getContentLengthLong();
      if (declared > max) {
        b.bodyTooLarge(true);
        // Read and drop a moderately oversized body before answering: a server that answers and
        // closes while the client is still sending makes the client's TCP stack see a reset, and
        // it never reads the 413. Beyond the cap the connection is closed instead of read.
        if (declared - max <= DRAIN_CAP) {
          try (InputStream in = req.getInputStream()) {
            in.skipNBytes(declared);
          } catch (java.io.EOFException e) {
            // shorter than declared: nothing left to drain
          }
        } else {
          resp.setHeader("Connection", "close");
        }
      } else {
        try (InputStream in = req.getInputStream()) {
          // a declared length is read into one array of that size (the container enforces it);
          // otherwise chunk by chunk, up to one byte past the limit
          byte[] body = declared >= 0 ? in.readNBytes((int) declared) : in.readNBytes(max + 1);
          if (body.length > max) {
            b.bodyTooLarge(true);
          } else {
            b.body(body);
          }
        }
      }
    }
    WebResponse r = site.handle(b.build());
    resp.setStatus(r.status());
    r.headers().forEach(resp::setHeader);
    if (r.bodyLength() > 0) {
      resp.setContentLength(r.bodyLength());
      r.writeBody(resp.getOutputStream());
    }
  }
}
