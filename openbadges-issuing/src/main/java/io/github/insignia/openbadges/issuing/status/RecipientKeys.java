package io.github.insignia.openbadges.issuing.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The opaque key under which a store files a recipient's badges, so that one call can revoke them
 * all when the account is deleted. It is {@code sha256:} + the hex SHA-256 of the normalised
 * identifier (trimmed; e-mail addresses lower-cased), so the store never holds the address itself.
 */
public final class RecipientKeys {
  private RecipientKeys() {}

  /**
   * @param identifier the recipient's e-mail address, DID, URL or other identifier
   * @return the key
   */
  public static String of(String identifier) {
    return "sha256:" + HexFormat.of().formatHex(sha256(normalise(identifier)));
  }

  /** Trims, and lower-cases e-mail addresses (the part before {@code @} included, as hosts do). */
  public static String normalise(String identifier) {
    String trimmed = identifier.strip();
    return trimmed.contains("@") && !trimmed.contains(":") ? trimmed.toLowerCase(Locale.ROOT) : trimmed;
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present", e);
    }
  }
}
