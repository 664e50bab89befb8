package io.github.insignia.openbadges.export.provider;

import io.github.insignia.openbadges.export.ExportErrorCode;
import io.github.insignia.openbadges.ConfigurationException;
import java.util.Objects;
import java.util.Set;

/**
 * An identifier the host has verified belongs to a user (it sent a link to the address and the
 * person followed it, for example): what the Badge Connect provider checks a posted assertion's
 * {@code recipient} against. Never something the user merely typed into a profile.
 *
 * @param type the OB 2.0 identity type: {@code email}, {@code url} or {@code telephone}
 * @param value the plaintext identifier (an email is compared trimmed and case-insensitively, others
 *     exactly)
 */
public record VerifiedIdentity(String type, String value) {
  /** The OB 2.0 recipient types the provider checks. */
  public static final Set<String> TYPES = Set.of("email", "url", "telephone");

  /** Validates. */
  public VerifiedIdentity {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    if (!TYPES.contains(type) || value.isBlank()) {
      throw new ConfigurationException(ExportErrorCode.VERIFIED_IDENTITY_INVALID,
          "a verified identity needs a type email, url or telephone and a value");
    }
  }

  /** A verified email address. */
  public static VerifiedIdentity email(String address) {
    return new VerifiedIdentity("email", address);
  }
}
