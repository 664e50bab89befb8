package io.github.insignia.openbadges.signing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.json.JsonLimits;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyResolutionException;
import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.signing.keys.Keys;
import io.github.insignia.openbadges.signing.keys.VerificationKey;
import java.util.Base64;

/**
 * {@code did:jwk} (a public JWK, base64url-encoded in the DID), read offline. Its only method is
 * {@code <did>#0}, controlled by the DID; the fragment of a DID URL is ignored.
 */
public final class DidJwk {
  private static final JsonLimits LIMITS = JsonLimits.builder().maxDepth(16).maxDocumentBytes(1024 * 1024).build();
  private static final String PREFIX = "did:jwk:";

  private DidJwk() {}

  /**
   * The public key a {@code did:jwk} (or a DID URL into one) spells out.
   *
   * @throws KeyResolutionException {@code KEY_MALFORMED} when it is not base64url JSON of a public JWK
   *     (a JWK with private members is refused), or the key codes of {@link Keys}
   */
  public static VerificationKey parse(String didOrUrl) {
    if (!didOrUrl.startsWith(PREFIX)) {
      throw new KeyResolutionException(SigningErrorCode.KEY_MALFORMED, didOrUrl + " is not a did:jwk");
    }
    int hash = didOrUrl.indexOf('#');
    String did = hash < 0 ? didOrUrl : didOrUrl.substring(0, hash);
    JsonNode jwk;
    try {
      jwk = SafeJson.read(Base64.getUrlDecoder().decode(did.substring(PREFIX.length())), LIMITS);
    } catch (IllegalArgumentException | InvalidInputException e) {
      throw new KeyResolutionException(SigningErrorCode.KEY_MALFORMED, "did:jwk is not base64url JSON", e);
    }
    if (!jwk.isObject() || jwk.has("d")) {
      throw new KeyResolutionException(SigningErrorCode.KEY_MALFORMED, "did:jwk does not hold a public JWK");
    }
    try {
      return Keys.publicKeyFromJwk(jwk);
    } catch (KeyResolutionException e) {
      throw e;
    } catch (io.github.insignia.openbadges.OpenBadgesException e) {
      throw new KeyResolutionException(e.errorCode(), e.getMessage(), e);
    }
  }
}
