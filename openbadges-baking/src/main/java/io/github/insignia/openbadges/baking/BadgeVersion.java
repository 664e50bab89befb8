package io.github.insignia.openbadges.baking;

/** The Open Badges (or CLR) version a baked payload belongs to. */
public enum BadgeVersion {
  /** Open Badges 1.x: a hosted assertion URL in a legacy {@code tEXt} chunk, or 1.0 JSON. */
  OB_1_0,
  /** Open Badges 2.0/2.1: a hosted assertion URL, the assertion JSON, or a signed compact JWS. */
  OB_2_0,
  /** Open Badges 3.0: the credential JSON (embedded proof) or its compact VC-JWT. */
  OB_3_0,
  /** Comprehensive Learner Record 2.0: same forms as OB 3.0, other keyword and namespace. */
  CLR_2_0;

  /** The PNG iTXt keyword used when baking this version. */
  public String pngKeyword() {
    return switch (this) {
      case OB_1_0, OB_2_0 -> "openbadges";
      case OB_3_0 -> "openbadgecredential";
      case CLR_2_0 -> "clrcredential";
    };
  }

  /** The XML namespace of the SVG badge element used when baking this version. */
  public String svgNamespace() {
    return switch (this) {
      case OB_1_0, OB_2_0 -> "http://openbadges.org";
      case OB_3_0 -> "https://purl.imsglobal.org/ob/v3p0";
      case CLR_2_0 -> "https://purl.imsglobal.org/clr/v2p0";
    };
  }

  /** The local name of the SVG badge element used when baking this version. */
  public String svgElement() {
    return this == OB_1_0 || this == OB_2_0 ? "assertion" : "credential";
  }
}
