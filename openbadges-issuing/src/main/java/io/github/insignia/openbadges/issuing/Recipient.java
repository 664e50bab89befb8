package io.github.insignia.openbadges.issuing;

import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.issuing.status.RecipientKeys;
import java.util.Objects;
import java.util.Optional;

/**
 * Who receives an award: an e-mail address (the usual case), another identifier with its OB 3.0
 * {@code identityType}, or a DID/URL that becomes {@code credentialSubject.id}. Identifiers are
 * hashed with a fresh per-recipient salt by default. Immutable.
 */
public final class Recipient {
  /** OB 3.0 {@code identityType} of e-mail addresses. */
  public static final String EMAIL_ADDRESS = "emailAddress";

  private final String identityType;
  private final String identifier;
  private final boolean subjectId;
  private final boolean hashed;
  private final Optional<String> salt;
  private final Optional<String> name;

  private Recipient(String identityType, String identifier, boolean subjectId, boolean hashed, String salt, String name) {
    this.identityType = identityType;
    this.identifier = identifier;
    this.subjectId = subjectId;
    this.hashed = hashed;
    this.salt = Optional.ofNullable(salt);
    this.name = Optional.ofNullable(name);
  }

  /** A recipient known by e-mail (trimmed and lower-cased before hashing). */
  public static Recipient email(String email) {
    String e = Objects.requireNonNull(email, "email").strip();
    if (!e.matches("[^@\\s]+@[^@\\s]+")) {
      throw new InvalidInputException(IssuingErrorCode.RECIPIENT_INVALID, "not an e-mail address: '" + email + "'");
    }
    return new Recipient(EMAIL_ADDRESS, RecipientKeys.normalise(e), false, true, null, null);
  }

  /**
   * A recipient known by another identifier (for example {@code sourcedId}, {@code ltiUserId} or
   * {@code ext:studentNumber}).
   */
  public static Recipient identifier(String identityType, String identifier) {
    Objects.requireNonNull(identityType, "identityType");
    String id = Objects.requireNonNull(identifier, "identifier").strip();
    if (id.isEmpty() || identityType.isBlank()) {
      throw new InvalidInputException(IssuingErrorCode.RECIPIENT_INVALID, "a recipient identifier and its type cannot be blank");
    }
    return new Recipient(identityType, id, false, true, null, null);
  }

  /** A recipient known by a DID or URL, written as {@code credentialSubject.id} (never hashed). */
  public static Recipient subjectId(String didOrUrl) {
    String id = Objects.requireNonNull(didOrUrl, "didOrUrl").strip();
    if (!id.contains(":")) {
      throw new InvalidInputException(IssuingErrorCode.RECIPIENT_INVALID, "a subject id must be a DID or URL: '" + didOrUrl + "'");
    }
    return new Recipient("identifier", id, true, false, null, null);
  }

  /** This recipient with a display name (used in the download pack, never in the credential). */
  public Recipient withName(String displayName) {
    return new Recipient(identityType, identifier, subjectId, hashed, salt.orElse(null), Objects.requireNonNull(displayName, "displayName"));
  }

  /** This recipient with a chosen salt instead of a fresh random one. */
  public Recipient withSalt(String chosenSalt) {
    return new Recipient(identityType, identifier, subjectId, hashed, Objects.requireNonNull(chosenSalt, "chosenSalt"), name.orElse(null));
  }

  /** This recipient written in plain text (not recommended: the identifier becomes public). */
  public Recipient unhashed() {
    return new Recipient(identityType, identifier, subjectId, false, salt.orElse(null), name.orElse(null));
  }

  /** The OB 3.0 {@code identityType}. */
  public String identityType() {
    return identityType;
  }

  /** The normalised identifier. */
  public String identifier() {
    return identifier;
  }

  /** Whether the identifier is written as {@code credentialSubject.id}. */
  public boolean isSubjectId() {
    return subjectId;
  }

  /** Whether the identifier is hashed. */
  public boolean hashed() {
    return hashed;
  }

  /** The chosen salt, when not random. */
  public Optional<String> salt() {
    return salt;
  }

  /** The display name. */
  public Optional<String> name() {
    return name;
  }

  /** The key the status store files this recipient's badges under. */
  public String key() {
    return RecipientKeys.of(identifier);
  }

  @Override
  public String toString() {
    return "Recipient[" + identityType + "]"; // never the identifier itself: logs must not leak it
  }
}
