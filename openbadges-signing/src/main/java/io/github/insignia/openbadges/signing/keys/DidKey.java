package io.github.insignia.openbadges.signing.keys;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.signing.VerificationMethod;
import java.util.Optional;

/**
 * {@code did:key} for Ed25519 ({@code did:key:z6Mk…}) and P-256 ({@code did:key:zDn…}): the DID is
 * the key, so it resolves offline. The verification method id is {@code did:key:<mb>#<mb>}.
 */
public final class DidKey {
  private static final String PREFIX = "did:key:";

  private DidKey() {}

  /**
   * The key of a {@code did:key} DID or DID URL.
   *
   * @throws InvalidInputException {@code DID_KEY_MALFORMED} when it is not a did:key, or a fragment
   *     names another key; the key codes of {@link Multikey#decodePublic}
   */
  public static VerificationKey parse(String didOrUrl) {
    if (didOrUrl == null || !didOrUrl.startsWith(PREFIX)) {
      throw new InvalidInputException(SigningErrorCode.DID_KEY_MALFORMED, "not a did:key");
    }
    String rest = didOrUrl.substring(PREFIX.length());
    int hash = rest.indexOf('#');
    String mb = hash < 0 ? rest : rest.substring(0, hash);
    if (hash >= 0 && !rest.substring(hash + 1).equals(mb)) {
      throw new InvalidInputException(SigningErrorCode.DID_KEY_MALFORMED, "the did:key fragment must repeat the key");
    }
    if (mb.contains(":") || mb.contains("/") || mb.contains("?")) {
      throw new InvalidInputException(SigningErrorCode.DID_KEY_MALFORMED, "did:key with a version or path is not supported");
    }
    return Multikey.decodePublic(mb);
  }

  /** The verification method for a did:key DID or DID URL; the controller is the DID. */
  public static VerificationMethod resolve(String didOrUrl) {
    VerificationKey key = parse(didOrUrl);
    return key.asVerificationMethod(key.didKeyVerificationMethod(), Optional.of(key.didKey()));
  }
}
