package io.github.insignia.openbadges.baking;

import io.github.insignia.openbadges.baking.internal.Payloads;
import java.util.Objects;

/**
 * What to bake: the badge text (an OB 2.0 hosted assertion URL, assertion JSON or signed compact
 * JWS; an OB 3.0 credential JSON or compact VC-JWT) and the version that picks the PNG keyword and
 * SVG element. Immutable.
 */
public final class BadgePayload {
  private final String text;
  private final BadgeVersion version;
  private final PayloadKind kind;

  private BadgePayload(String text, BadgeVersion version) {
    this.text = Objects.requireNonNull(text, "text");
    this.version = Objects.requireNonNull(version, "version");
    this.kind = Payloads.kindOf(text);
  }

  /**
   * A payload whose version is read from the text: JSON with an OB 3.0 or VC context, or a JWT
   * whose claims hold {@code vc} or a credential, is OB 3.0; a URL, or OB 2.0 JSON or JWS, is 2.0.
   *
   * @throws BakingException {@code PAYLOAD_VERSION_UNKNOWN} when the text does not tell
   */
  public static BadgePayload of(String text) {
    Objects.requireNonNull(text, "text");
    PayloadKind kind = Payloads.kindOf(text);
    BadgeVersion version =
        Payloads.versionOf(text, kind, BakingOptions.DEFAULT_MAX_PAYLOAD_BYTES)
            .orElseThrow(() -> new BakingException(BakingErrorCode.PAYLOAD_VERSION_UNKNOWN,
                "cannot tell from the payload whether it is an OB 2.0 or OB 3.0 badge ("
                    + kind.name().toLowerCase(java.util.Locale.ROOT) + "); give the version explicitly"));
    return new BadgePayload(text, version);
  }

  /** A payload of a stated version; the text is baked as it is. */
  public static BadgePayload of(String text, BadgeVersion version) {
    return new BadgePayload(text, version);
  }

  /** The text, exactly as it will be stored. */
  public String text() {
    return text;
  }

  /** The version that picks the PNG keyword and the SVG element. */
  public BadgeVersion version() {
    return version;
  }

  /** What the text looks like; picks the SVG form ({@code verify} attribute or CDATA content). */
  public PayloadKind kind() {
    return kind;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BadgePayload other && text.equals(other.text) && version == other.version;
  }

  @Override
  public int hashCode() {
    return text.hashCode() * 31 + version.hashCode();
  }

  @Override
  public String toString() {
    return "BadgePayload[" + version + ", " + kind + ", " + text.length() + " chars]";
  }
}
