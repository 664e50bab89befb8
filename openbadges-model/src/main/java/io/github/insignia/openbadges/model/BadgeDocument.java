package io.github.insignia.openbadges.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import java.util.Objects;
import java.util.Optional;

/**
 * A badge document as read by {@link BadgeDocuments}: what it is ({@link #version()}, {@link
 * #kind()}) and its typed view ({@link #value()}, {@link #as(Class)}). Writing it back ({@link
 * #toJson()}) gives the document as read, or the OB 2.0 form when it was upgraded. Immutable.
 */
public final class BadgeDocument {
  private final OpenBadgesVersion version;
  private final OpenBadgesVersion sourceVersion;
  private final DocumentKind kind;
  private final JsonBacked value;

  /**
   * @param version the version of {@link #value()}
   * @param sourceVersion the version as read (differs from {@code version} after an upgrade)
   * @param kind the kind
   * @param value the typed view
   */
  public BadgeDocument(OpenBadgesVersion version, OpenBadgesVersion sourceVersion, DocumentKind kind, JsonBacked value) {
    this.version = Objects.requireNonNull(version, "version");
    this.sourceVersion = Objects.requireNonNull(sourceVersion, "sourceVersion");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.value = Objects.requireNonNull(value, "value");
  }

  /** The Open Badges version of this document (2.0 after an upgrade). */
  public OpenBadgesVersion version() {
    return version;
  }

  /** The version the input was written for. */
  public OpenBadgesVersion sourceVersion() {
    return sourceVersion;
  }

  /** Whether the input was upgraded to OB 2.0. */
  public boolean upgraded() {
    return version != sourceVersion;
  }

  /** What it is. */
  public DocumentKind kind() {
    return kind;
  }

  /**
   * The typed view: {@code ob2.Assertion}, {@code ob2.BadgeClass}, {@code ob2.Profile}, {@code
   * ob2.Endorsement}, {@code ob2.RevocationList}, {@code ob2.CryptographicKey} for OB 0.5–2.0;
   * {@code ob3.AchievementCredential}, {@code ob3.EndorsementCredential}, {@code ob3.Achievement},
   * {@code ob3.Profile} for OB 3.0.
   */
  public JsonBacked value() {
    return value;
  }

  /** The typed view when it is of the given type. */
  public <T extends JsonBacked> Optional<T> as(Class<T> type) {
    return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
  }

  /** A copy of the JSON. */
  public ObjectNode json() {
    return value.json();
  }

  /** Compact JSON, members in document order. */
  public String toJson() {
    return value.toJson();
  }

  /** Indented JSON, members in document order. */
  public String toPrettyJson() {
    return SafeJson.writePretty(value.json());
  }

  @Override
  public String toString() {
    return "BadgeDocument[OB " + version.label() + (upgraded() ? " (from " + sourceVersion.label() + ")" : "")
        + ", " + kind + "]";
  }
}
