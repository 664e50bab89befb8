package io.github.insignia.openbadges.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.json.JsonLimits;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.InvalidSignatureException;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A compact JWS split into its parts: the protected header, the exact payload bytes (OB 2.0 signs
 * the raw payload, never re-serialise before verifying) and the signature. The algorithm is pinned
 * to the key: RS256 for RSA, ES256 for P-256, EdDSA for Ed25519; anything else is refused.
 */
public final class CompactJws {
  /** Three base64url segments separated by dots. */
  public static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+$");

  private final JsonNode header;
  private final byte[] payload;
  private final byte[] signature;
  private final byte[] signingInput;

  private CompactJws(JsonNode header, byte[] payload, byte[] signature, byte[] signingInput) {
    this.header = header;
    this.payload = payload;
    this.signature = signature;
    this.signingInput = signingInput;
  }

  /** Whether the text has the compact JWS shape. */
  public static boolean looksLike(String text) {
    return text.length() < 64 * 1024 * 1024 && SHAPE.matcher(text).matches();
  }

  /**
   * Parses the compact serialisation.
   *
   * @throws InvalidInputException {@code JWS_MALFORMED} when a part is not base64url or the header
   *     is not a JSON object
   */
  public static CompactJws parse(String compact, JsonLimits limits) {
    String text = compact.trim();
    if (!looksLike(text)) {
      throw new InvalidInputException("JWS_MALFORMED", "not a compact JWS (header.payload.signature)");
    }
    int d1 = text.indexOf('.');
    int d2 = text.indexOf('.', d1 + 1);
    try {
      Base64.Decoder dec = Base64.getUrlDecoder();
      byte[] headerBytes = dec.decode(text.substring(0, d1));
      JsonNode header = SafeJson.read(headerBytes, limits);
      if (!header.isObject()) {
        throw new InvalidInputException("JWS_MALFORMED", "the JWS header is not a JSON object");
      }
      byte[] payload = dec.decode(text.substring(d1 + 1, d2));
      byte[] sig = dec.decode(text.substring(d2 + 1));
      return new CompactJws(header, payload, sig, text.substring(0, d2).getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("JWS_MALFORMED", "a JWS part is not base64url", e);
    }
  }

  /** The protected header. */
  public JsonNode header() {
    return header;
  }

  /** The {@code alg} header, or "". */
  public String alg() {
    return header.path("alg").asText("");
  }

  /** The exact payload bytes. */
  public byte[] payload() {
    return payload.clone();
  }

  /** The payload as JSON. */
  public JsonNode payloadJson(JsonLimits limits) {
    return SafeJson.read(payload, limits);
  }

  /**
   * Verifies the signature with {@code key}; the header's {@code alg} must be the one the key's
   * type pins.
   *
   * @throws InvalidSignatureException {@code SIGNATURE_INVALID} or {@code ALGORITHM_MISMATCH}
   */
  public void verify(VerificationKey key) {
    KeyType type = key.keyType();
    String expected = expectedAlg(type);
    String alg = alg();
    if (!alg.equals(expected)) {
      throw new InvalidSignatureException("ALGORITHM_MISMATCH",
          "the JWS says alg '" + alg + "' but the key is " + type + " (" + expected + ")");
    }
    key.verify(signingInput, signature);
  }

  /** The one JWS algorithm a key type may verify. */
  public static String expectedAlg(KeyType type) {
    return switch (type) {
      case RSA -> "RS256";
      case P256 -> "ES256";
      case ED25519 -> "EdDSA";
    };
  }
}
