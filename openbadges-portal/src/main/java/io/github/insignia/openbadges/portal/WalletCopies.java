package io.github.insignia.openbadges.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.json.SafeJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Ties what wallets redeem at {@code /wallet/} to the account and badge the offer was made for.
 * The wallet module's issuer knows only the achievement; this filter, in front of its servlet,
 * follows each grant (pre-authorized code, then the access token it became; or the VC-API exchange
 * id) by its SHA-256, refuses it once the badge is no longer valid (revoked or expired since the
 * offer), and records each copy a wallet receives, so that deleting the account revokes the copies
 * too. Nothing here trusts the wallet: a grant it does not know passes to the servlet, which refuses it.
 */
@Service
class WalletCopies extends OncePerRequestFilter {
  /** Bodies over this size are the servlet's to refuse (it reads at most 256 KiB). */
  private static final int MAX_BODY = 256 * 1024;
  /** Access tokens outlive their offer by at most this much (the wallet module's token lifetime). */
  private static final Duration TOKEN_SLACK = Duration.ofMinutes(10);
  private static final String REASON = "Account deleted at the learner's request";

  private final JdbcClient jdbc;
  private final ExportableBadges exportable;
  private final StatusService status;
  private final AuditLog audit;
  private final Clock clock;

  WalletCopies(JdbcClient jdbc, ExportableBadges exportable, StatusService status, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.exportable = exportable;
    this.status = status;
    this.audit = audit;
    this.clock = clock;
  }

  private record Grant(long accountId, String badgeId, Instant expiresAt) {}

  /** Records a grant (a pre-authorized code or an exchange id) made for this account's badge. */
  void granted(String secret, long accountId, String badgeId, Instant expiresAt) {
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    jdbc.sql("DELETE FROM portal_wallet_grant WHERE expires_at < ?").param(now).update();
    jdbc.sql("INSERT INTO portal_wallet_grant (grant_hash, account_id, badge_id, expires_at) VALUES (?, ?, ?, ?)")
        .params(Accounts.hash(secret), accountId, badgeId, expiresAt.atOffset(ZoneOffset.UTC)).update();
  }

  /** Revokes every copy wallets received of this account's badges (at account deletion); answers how many. */
  int revokeCopies(long accountId) {
    List<String> ids = jdbc.sql("SELECT credential_id FROM portal_wallet_copy WHERE account_id = ?")
        .param(accountId).query(String.class).list();
    int revoked = 0;
    for (String id : ids) {
      if (status.revoke(id, REASON)) {
        audit.record(AuditLog.Action.REVOCATION, accountId, id, REASON);
        revoked++;
      }
    }
    return revoked;
  }

  private Optional<Grant> grant(String secret) {
    if (secret == null || secret.isEmpty() || secret.length() > 4096) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT account_id, badge_id, expires_at FROM portal_wallet_grant WHERE grant_hash = ?")
        .param(Accounts.hash(secret))
        .query((rs, n) -> new Grant(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant()))
        .optional()
        .filter(g -> g.expiresAt().isAfter(clock.instant()));
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws ServletException, IOException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    String local = path.startsWith(PortalExportConfiguration.WALLET_PATH) ? path.substring(PortalExportConfiguration.WALLET_PATH.length()) : "";
    Optional<Grant> grant;
    BufferedRequest request = null;
    if (local.equals("/oid4vci/token")) {
      request = BufferedRequest.of(req);
      grant = request == null ? Optional.empty() : grant(formParameter(request.body, "pre-authorized_code"));
    } else if (local.equals("/oid4vci/credential")) {
      String auth = req.getHeader("Authorization");
      grant = grant(auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).strip() : null);
    } else if (local.startsWith("/exchanges/")) {
      grant = grant(local.substring("/exchanges/".length()));
    } else {
      chain.doFilter(req, res);
      return;
    }
    if (grant.isPresent() && exportable.owned(grant.get().accountId(), grant.get().badgeId())
        .filter(ExportableBadges.Owned::exportable).isEmpty()) {
      // revoked or expired since the offer (or no longer the account's): nothing more is issued for it
      res.setStatus(400);
      res.setHeader("Cache-Control", "no-store");
      res.setContentType("application/json");
      res.getWriter().write(local.equals("/oid4vci/credential")
          ? "{\"error\":\"credential_request_denied\",\"error_description\":\"the badge is no longer valid\"}"
          : "{\"error\":\"invalid_grant\",\"error_description\":\"the badge is no longer valid\"}");
      return;
    }
    ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(res);
    chain.doFilter(request != null ? request : req, captured);
    try {
      if (grant.isPresent() && captured.getStatus() == 200) {
        follow(local, grant.get(), captured.getContentAsByteArray());
      }
    } finally {
      captured.copyBodyToResponse();
    }
  }

  /** After a success: the access token inherits the code's grant; a credential delivered is recorded. */
  private void follow(String local, Grant grant, byte[] body) {
    JsonNode answer;
    try {
      answer = SafeJson.read(body);
    } catch (RuntimeException e) {
      return;
    }
    if (local.equals("/oid4vci/token")) {
      String token = answer.path("access_token").asText("");
      if (!token.isEmpty()) {
        granted(token, grant.accountId(), grant.badgeId(), grant.expiresAt().plus(TOKEN_SLACK));
      }
      return;
    }
    List<JsonNode> credentials = new ArrayList<>();
    answer.path("credentials").forEach(c -> credentials.add(c.path("credential")));
    answer.path("verifiablePresentation").path("verifiableCredential").forEach(credentials::add);
    for (JsonNode c : credentials) {
      credentialId(c).ifPresent(id -> recordCopy(id, grant));
    }
  }

  private void recordCopy(String credentialId, Grant grant) {
    if (credentialId.length() > 200) {
      return;
    }
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    // the same wallet key redeeming twice gets the same credential id: one row
    int updated = jdbc.sql("UPDATE portal_wallet_copy SET issued_at = ? WHERE credential_id = ?").params(now, credentialId).update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO portal_wallet_copy (credential_id, account_id, badge_id, issued_at) VALUES (?, ?, ?, ?)")
          .params(credentialId, grant.accountId(), grant.badgeId(), now).update();
    }
    audit.record(AuditLog.Action.EXPORT, grant.accountId(), grant.badgeId(), "wallet copy " + credentialId);
  }

  /** The id of a credential as JSON, or of a VC-JWT (its payload's {@code id}, {@code jti} or {@code vc.id}). */
  static Optional<String> credentialId(JsonNode credential) {
    JsonNode doc = credential;
    if (credential.isTextual()) {
      String[] parts = credential.asText().split("\\.");
      if (parts.length != 3) {
        return Optional.empty();
      }
      try {
        doc = SafeJson.read(Base64.getUrlDecoder().decode(parts[1]));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }
    for (String pointer : List.of("/id", "/jti", "/vc/id")) {
      JsonNode id = doc.at(pointer);
      if (id.isTextual() && !id.asText().isEmpty()) {
        return Optional.of(id.asText());
      }
    }
    return Optional.empty();
  }

  static String formParameter(byte[] body, String name) {
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        try {
          if (URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
            return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
          }
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** The request with its body read here once and offered again to the servlet. */
  static final class BufferedRequest extends HttpServletRequestWrapper {
    final byte[] body;

    private BufferedRequest(HttpServletRequest req, byte[] body) {
      super(req);
      this.body = body;
    }

    /** The buffered request, or null when the body is over the limit (the servlet refuses it unread). */
    static BufferedRequest of(HttpServletRequest req) throws IOException {
      if (req.getContentLengthLong() > MAX_BODY) {
        return null;
      }
      try (InputStream in = req.getInputStream()) {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return new BufferedRequest(req, body);
      }
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("blocking reads only");
        }
      };
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }
  }
}
