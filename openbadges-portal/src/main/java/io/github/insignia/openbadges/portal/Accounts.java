package io.github.insignia.openbadges.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Accounts, their email addresses and the single-use tokens mailed to them (tables of V1__portal.sql). */
@Repository
class Accounts {
  /** What a token is for. */
  enum Purpose { CONFIRM, RESET, DELETE }

  /** An account (the password hash never leaves this package). */
  record Account(long id, String name, String passwordHash, String locale) {}

  /** A consumed token: whose, and for which address. */
  record Token(long accountId, String email) {}

  // deliberately simple: one @, no spaces or control characters, a dot in the domain; the real test
  // is the confirmation mail
  private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Clock clock;

  Accounts(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Trimmed and lower-cased, as the issuer and verifier compare addresses; empty when not an address. */
  static Optional<String> normalizeEmail(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String e = raw.trim().toLowerCase(Locale.ROOT);
    return e.length() <= 254 && EMAIL.matcher(e).matches() ? Optional.of(e) : Optional.empty();
  }

  Optional<Account> byConfirmedEmail(String email) {
    return jdbc.sql("SELECT a.id, a.display_name, a.password_hash, a.locale FROM portal_account a"
            + " JOIN portal_email e ON e.account_id = a.id WHERE e.email = ? AND e.confirmed")
        .param(email)
        .query((rs, n) -> new Account(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .optional();
  }

  Optional<Account> byId(long id) {
    return jdbc.sql("SELECT id, display_name, password_hash, locale FROM portal_account WHERE id = ?")
        .param(id)
        .query((rs, n) -> new Account(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .optional();
  }

  /** The account that holds this address, confirmed or not. */
  Optional<Long> ownerOf(String email) {
    return jdbc.sql("SELECT account_id FROM portal_email WHERE email = ?").param(email).query(Long.class).optional();
  }

  /** A new account with one unconfirmed address; empty when the address is taken (a race lost). */
  @Transactional
  Optional<Long> create(String name, String passwordHash, Locale locale, String email) {
    if (ownerOf(email).isPresent()) {
      return Optional.empty();
    }
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO portal_account (display_name, password_hash, locale, created_at) VALUES (?, ?, ?, ?)")
        .params(name, passwordHash, locale.toLanguageTag(), now())
        .update(keys, "id");
    long id = keys.getKeyAs(Long.class);
    jdbc.sql("INSERT INTO portal_email (email, account_id, confirmed) VALUES (?, ?, FALSE)").params(email, id).update();
    return Optional.of(id);
  }

  void confirm(long accountId, String email) {
    jdbc.sql("UPDATE portal_email SET confirmed = TRUE WHERE account_id = ? AND email = ?").params(accountId, email).update();
  }

  List<String> confirmedEmails(long accountId) {
    return jdbc.sql("SELECT email FROM portal_email WHERE account_id = ? AND confirmed ORDER BY email")
        .param(accountId).query(String.class).list();
  }

  void setPassword(long accountId, String hash) {
    jdbc.sql("UPDATE portal_account SET password_hash = ? WHERE id = ?").params(hash, accountId).update();
  }

  void setLocale(long accountId, Locale locale) {
    jdbc.sql("UPDATE portal_account SET locale = ? WHERE id = ?").params(locale.toLanguageTag(), accountId).update();
  }

  /** Deletes the account; its addresses, tokens and imported badges go with it (ON DELETE CASCADE). */
  void delete(long accountId) {
    jdbc.sql("DELETE FROM portal_token WHERE account_id = ?").param(accountId).update();
    jdbc.sql("DELETE FROM portal_imported WHERE account_id = ?").param(accountId).update();
    jdbc.sql("DELETE FROM portal_email WHERE account_id = ?").param(accountId).update();
    jdbc.sql("DELETE FROM portal_account WHERE id = ?").param(accountId).update();
  }

  /** A new single-use token; only its hash is stored. */
  String issueToken(long accountId, Purpose purpose, String email, Duration ttl) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    jdbc.sql("INSERT INTO portal_token (token_hash, account_id, purpose, email, expires_at) VALUES (?, ?, ?, ?, ?)")
        .params(hash(token), accountId, purpose.name(), email, now().plus(ttl))
        .update();
    return token;
  }

  /**
   * Uses a token up: answers its owner only when it exists, has this purpose and has not expired,
   * and deletes it in the same step (two concurrent uses: one wins).
   */
  @Transactional
  Optional<Token> consumeToken(String token, Purpose purpose) {
    if (token == null || token.length() > 100) {
      return Optional.empty();
    }
    String h = hash(token);
    Optional<Token> found = jdbc.sql("SELECT account_id, email FROM portal_token WHERE token_hash = ? AND purpose = ? AND expires_at > ?")
        .params(h, purpose.name(), now())
        .query((rs, n) -> new Token(rs.getLong(1), rs.getString(2)))
        .optional();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    int deleted = jdbc.sql("DELETE FROM portal_token WHERE token_hash = ?").param(h).update();
    return deleted == 1 ? found : Optional.empty();
  }

  /** Whether a token is valid for this purpose, without using it (the form behind a mailed link). */
  boolean tokenValid(String token, Purpose purpose) {
    if (token == null || token.length() > 100) {
      return false;
    }
    return jdbc.sql("SELECT COUNT(*) FROM portal_token WHERE token_hash = ? AND purpose = ? AND expires_at > ?")
        .params(hash(token), purpose.name(), now()).query(Long.class).single() > 0;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
