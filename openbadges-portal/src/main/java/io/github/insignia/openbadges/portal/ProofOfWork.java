package io.github.insignia.openbadges.portal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The self-hosted proof-of-work captcha: the server hands out a challenge signed with a secret it
 * keeps in memory ({@code random.expiry.bits.hmac}); the browser (static/js/pow.js) finds a nonce
 * such that SHA-256(challenge ":" nonce) starts with {@code bits} zero bits. Each challenge is good
 * once and for 10 minutes. No third party sees anything.
 */
final class ProofOfWork {
  private static final long TTL_MILLIS = 10 * 60_000L;
  private final int bits;
  private final Clock clock;
  private final byte[] secret = new byte[32];
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Long> used = new ConcurrentHashMap<>();

  ProofOfWork(int bits, Clock clock) {
    this.bits = Math.max(0, Math.min(bits, 24));
    this.clock = clock;
    random.nextBytes(secret);
  }

  boolean enabled() {
    return bits > 0;
  }

  int bits() {
    return bits;
  }

  String challenge() {
    byte[] r = new byte[12];
    random.nextBytes(r);
    String body = Base64.getUrlEncoder().withoutPadding().encodeToString(r) + "." + (clock.millis() + TTL_MILLIS) + "." + bits;
    return body + "." + mac(body);
  }

  /** Whether this solution is right, fresh and not used before (it is used up by this call). */
  boolean verify(String challenge, String nonce) {
    if (!enabled()) {
      return true;
    }
    if (challenge == null || nonce == null || challenge.length() > 200 || nonce.length() > 20 || !nonce.matches("[0-9]{1,20}")) {
      return false;
    }
    int dot = challenge.lastIndexOf('.');
    if (dot < 0) {
      return false;
    }
    String body = challenge.substring(0, dot);
    if (!MessageDigest.isEqual(mac(body).getBytes(StandardCharsets.US_ASCII), challenge.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
      return false;
    }
    String[] parts = body.split("\\.");
    long expiry;
    int wanted;
    try {
      expiry = Long.parseLong(parts[1]);
      wanted = Integer.parseInt(parts[2]);
    } catch (RuntimeException e) {
      return false;
    }
    long now = clock.millis();
    if (expiry < now || wanted < bits || !leadingZeroBits(challenge + ":" + nonce, wanted)) {
      return false;
    }
    used.entrySet().removeIf(e -> e.getValue() < now);
    return used.putIfAbsent(challenge, expiry) == null;
  }

  static boolean leadingZeroBits(String s, int n) {
    byte[] h;
    try {
      h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    for (int i = 0; i < n; i++) {
      if ((h[i / 8] & (0x80 >>> (i % 8))) != 0) {
        return false;
      }
    }
    return true;
  }

  /** Solves a challenge (tests, and the benchmark's simulated learners). */
  static String solve(String challenge) {
    int wanted = Integer.parseInt(challenge.split("\\.")[2]);
    for (long n = 0; ; n++) {
      if (leadingZeroBits(challenge + ":" + n, wanted)) {
        return Long.toString(n);
      }
    }
  }

  private String mac(String body) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(secret, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(m.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
