package io.github.insignia.openbadges.export.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** Random tokens, PKCE and hashing shared by the client and the provider. */
public final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private Tokens() {}

  /** 32 random bytes, base64url without padding (43 characters: also a valid PKCE verifier). */
  public static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return B64URL.encodeToString(bytes);
  }

  /** The PKCE S256 challenge: BASE64URL(SHA256(ASCII(verifier))). */
  public static String s256(String verifier) {
    return B64URL.encodeToString(sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
  }

  /** Hex SHA-256 of a token, the form in which the provider keeps it. */
  public static String hash(String token) {
    return HexFormat.of().formatHex(sha256(token.getBytes(StandardCharsets.UTF_8)));
  }

  /** SHA-256. */
  public static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Compares two secrets in time that does not depend on where they differ. */
  public static boolean same(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** The decoded payload of a compact JWS, without verifying it; empty when it is not one. */
  public static Optional<byte[]> jwsPayload(String compact) {
    String s = compact.strip();
    String[] parts = s.split("\\.", -1);
    if (parts.length != 3 || parts[1].isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Base64.getUrlDecoder().decode(parts[1]));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** HTTP Basic credentials as RFC 6749 §2.3.1 wants them (each part form-encoded first). */
  public static String basic(String user, String password) {
    String pair = Percent.encode(user) + ":" + Percent.encode(password);
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes {@link #basic(String, String)}; empty when malformed. */
  public static Optional<String[]> parseBasic(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String pair;
    try {
      pair = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = pair.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    Optional<String> user = Percent.decode(pair.substring(0, colon), true);
    Optional<String> password = Percent.decode(pair.substring(colon + 1), true);
    if (user.isEmpty() || password.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new String[] {user.get(), password.get()});
  }
}
