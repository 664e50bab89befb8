package io.github.insignia.openbadges.issuing.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.issuing.IssuingException;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.Signer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Compact JWS (RFC 7515) over a JSON payload, signed by a {@link Signer}; the algorithm follows the key type. */
public final class CompactJws {
  private static final Base64.Encoder B64U = Base64.getUrlEncoder().withoutPadding();

  private CompactJws() {}

  /** The JWS {@code alg} of a key type. */
  public static String algorithm(KeyType keyType) {
    return switch (keyType) {
      case ED25519 -> "EdDSA";
      case P256 -> "ES256";
      case RSA -> "RS256";
    };
  }

  /**
   * Signs {@code payload} with the header's {@code alg} set from the signer's key type.
   *
   * @throws IssuingException {@code SIGNER_FAILED} when the signer throws or returns nothing
   */
  public static String sign(ObjectNode header, ObjectNode payload, Signer signer) {
    ObjectNode h = header.deepCopy();
    h.put("alg", algorithm(signer.keyType()));
    String input =
        B64U.encodeToString(SafeJson.write(h).getBytes(StandardCharsets.UTF_8))
            + "."
            + B64U.encodeToString(SafeJson.write(payload).getBytes(StandardCharsets.UTF_8));
    byte[] signature;
    try {
      signature = signer.sign(input.getBytes(StandardCharsets.US_ASCII));
    } catch (ConfigurationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IssuingException("SIGNER_FAILED", "the signer failed: " + e.getMessage(), e);
    }
    if (signature == null || signature.length == 0) {
      throw new IssuingException("SIGNER_FAILED", "the signer returned no signature");
    }
    return input + "." + B64U.encodeToString(signature);
  }
}
