package io.github.insignia.openbadges.signing.verify;

import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.signing.keys.Keys;

/**
 * Checks of a published key document's own form (an OB 2.0 {@code CryptographicKey}), for a verifier
 * that checks the document as what it is. Whether the key belongs to anyone is {@link IssuerKeys}'
 * question; this only says whether the text is a usable public key.
 */
public final class PublishedKeys {
  private PublishedKeys() {}

  /**
   * @param pem the {@code publicKeyPem} text
   * @throws InvalidInputException with the key parser's code when it is not a usable public key
   *     (malformed, private, an unsupported type or curve)
   */
  public static void requireUsablePublicKeyPem(String pem) {
    Keys.publicKeyFromPem(pem);
  }
}
