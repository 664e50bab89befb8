package io.github.insignia.openbadges.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/** The hash algorithms of an Open Badges IdentityHash ({@code sha256$…}, {@code md5$…}). */
public enum HashAlgorithm {
  /** SHA-256, 64 hex digits; the one to issue with. */
  SHA256("sha256", "SHA-256", 64),
  /** MD5, 32 hex digits; accepted when reading old badges, never issued. */
  MD5("md5", "MD5", 32);

  private final String prefix;
  private final String jcaName;
  private final int hexLength;

  HashAlgorithm(String prefix, String jcaName, int hexLength) {
    this.prefix = prefix;
    this.jcaName = jcaName;
    this.hexLength = hexLength;
  }

  /** The prefix before {@code $}, for example {@code sha256}. */
  public String prefix() {
    return prefix;
  }

  /** The number of hex digits of a digest. */
  public int hexLength() {
    return hexLength;
  }

  /** The algorithm for a prefix, compared case-insensitively. */
  public static Optional<HashAlgorithm> fromPrefix(String prefix) {
    String p = prefix.toLowerCase(Locale.ROOT);
    for (HashAlgorithm a : values()) {
      if (a.prefix.equals(p)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide MD5 and SHA-256.
      throw new IllegalStateException(jcaName + " is not available", e);
    }
  }
}
