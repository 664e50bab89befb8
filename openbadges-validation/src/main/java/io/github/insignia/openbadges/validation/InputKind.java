package io.github.insignia.openbadges.validation;

/** What the verifier was handed, as detected. */
public enum InputKind {
  /** An http(s) URL of a hosted assertion or credential. */
  URL("url"),
  /** JSON text (an OB 0.5–2.0 assertion, an OB 3.0 credential or an endorsement). */
  JSON("json"),
  /** A compact JWS (OB 2.0 signed assertion) or JWT (OB 3.0 VC-JWT). */
  JWS("jws"),
  /** A baked PNG image. */
  PNG("png"),
  /** A baked SVG image. */
  SVG("svg"),
  /** A {@code data:} URI carrying one of the above. */
  DATA_URI("data-uri"),
  /** Not recognised. */
  UNKNOWN("unknown");

  private final String label;

  InputKind(String label) {
    this.label = label;
  }

  /** The stable label used in the JSON report, for example {@code "png"}. */
  public String label() {
    return label;
  }
}
