package io.github.insignia.openbadges.spring;

import io.github.insignia.openbadges.ErrorCode;

/** The stable codes of the Spring Boot starter; each has a row in {@code docs/error-codes.md}. */
public enum SpringErrorCode implements ErrorCode {
  /** A required {@code insignia.*} property is not set. */
  INSIGNIA_PROPERTY_MISSING,
  /** An {@code insignia.*} property has a value the starter cannot use. */
  INSIGNIA_PROPERTY_INVALID,
  /** {@code insignia.key.location} cannot be read (missing, unreadable, over 64 KiB). */
  INSIGNIA_KEY_UNREADABLE,
  /** The key cannot sign what {@code insignia.formats} asks for (an RSA key with Data Integrity). */
  INSIGNIA_KEY_UNSUITABLE,
  /** {@code insignia.issuer.profile} cannot be read as a JSON object. */
  INSIGNIA_PROFILE_UNREADABLE
}
