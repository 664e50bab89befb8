package io.github.insignia.openbadges.validation;

import io.github.insignia.openbadges.model.RecipientIdentity;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which of the learner's identifiers may be compared with which recipient identity, and how
 * (OB 2.0 {@code recipient}, OB 3.0 {@code credentialSubject.id} and {@code identifier}).
 *
 * <p>An identifier is an email, a URL, a telephone number or something else (a DID, a URN, an
 * account name), and it is only ever compared with an identity of its own kind: an email never
 * matches a URL identity, a telephone (E.164, {@code +…}, or {@code tel:}) never an email. Emails compare case-insensitively, trimmed
 * (the OB 2.0 validator hashes the candidate as given, issuers hash without normalising, and
 * mailbox names are case-insensitive in practice, so both the raw and the trimmed lower-case form
 * are tried, as {@link RecipientIdentity#check} does); everything else compares exactly. A {@code
 * mailto:} or {@code tel:} prefix is ignored on either side.
 */
final class RecipientRules {
  private static final Pattern TELEPHONE = Pattern.compile("^\\+[0-9][0-9 ().-]{3,}$");

  /** The kind of an identifier or identity. */
  enum IdKind { EMAIL, URL, TELEPHONE, OTHER }

  private RecipientRules() {}

  /** The kind of a learner's identifier as given by the host. */
  static IdKind kindOf(String identifier) {
    String s = identifier.strip().toLowerCase(Locale.ROOT);
    if (s.startsWith("mailto:")) {
      return IdKind.EMAIL;
    }
    if (s.startsWith("tel:")) {
      return IdKind.TELEPHONE;
    }
    if (s.startsWith("http://") || s.startsWith("https://")) {
      return IdKind.URL;
    }
    if (s.indexOf(':') < 0 && s.indexOf('@') > 0) {
      return IdKind.EMAIL;
    }
    if (TELEPHONE.matcher(s).matches()) {
      return IdKind.TELEPHONE;
    }
    return IdKind.OTHER;
  }

  /** The kind an OB 2.0 {@code recipient.type} names ({@code id} and unknown types: URL or other). */
  static IdKind ob2Kind(String type) {
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "email" -> IdKind.EMAIL;
      case "url" -> IdKind.URL;
      case "telephone" -> IdKind.TELEPHONE;
      default -> IdKind.OTHER;
    };
  }

  /** The kind an OB 3.0 {@code identityType} names. */
  static IdKind ob3Kind(String identityType) {
    String t = identityType.toLowerCase(Locale.ROOT);
    if (identityType.equals(RecipientIdentity.OB3_EMAIL) || t.endsWith("email") || t.endsWith("emailaddress")) {
      return IdKind.EMAIL;
    }
    if (t.contains("phone")) {
      return IdKind.TELEPHONE;
    }
    return IdKind.OTHER;
  }

  /** The kind of a plain {@code credentialSubject.id}. */
  static IdKind subjectIdKind(String id) {
    String s = id.toLowerCase(Locale.ROOT);
    return s.startsWith("mailto:") ? IdKind.EMAIL : s.startsWith("tel:") ? IdKind.TELEPHONE : IdKind.OTHER;
  }

  /** Whether an identity of kind {@code identity} may be compared with a candidate of kind {@code candidate}. */
  static boolean comparable(IdKind identity, IdKind candidate) {
    if (identity == IdKind.OTHER) {
      // A DID, URN, account id or URL-ish id: anything but an email or a telephone.
      return candidate == IdKind.OTHER || candidate == IdKind.URL;
    }
    return identity == candidate;
  }

  /**
   * Whether a stored identity (plain or {@code sha256$}/{@code md5$} hashed, with its salt) of the
   * given kind names the candidate.
   */
  static boolean matches(IdKind kind, boolean hashed, Optional<String> stored, Optional<String> salt, String candidate) {
    if (!comparable(kind, kindOf(candidate))) {
      return false;
    }
    String value = unprefixed(candidate);
    Optional<String> identity = hashed ? stored : stored.map(RecipientRules::unprefixed);
    return RecipientIdentity.check(hashed, identity, salt, value, kind == IdKind.EMAIL);
  }

  private static String unprefixed(String s) {
    String t = s.strip();
    if (t.regionMatches(true, 0, "mailto:", 0, 7)) {
      return t.substring(7);
    }
    if (t.regionMatches(true, 0, "tel:", 0, 4)) {
      return t.substring(4);
    }
    return t;
  }
}
