package io.github.insignia.openbadges.model;

/** The Open Badges version a document was written for, as detected from its shape and context. */
public enum OpenBadgesVersion {
  /** Mozilla OBI 0.5: no {@code @context}, a string {@code recipient}. */
  V0_5("0.5"),
  /** OBI 1.0: no {@code @context}, an object {@code recipient}. */
  V1_0("1.0"),
  /** Open Badges 1.1: context {@code https://w3id.org/openbadges/v1}. */
  V1_1("1.1"),
  /** Open Badges 2.0/2.1: context {@code https://w3id.org/openbadges/v2}. */
  V2_0("2.0"),
  /** Open Badges 3.0: a W3C Verifiable Credential with the OB 3.0 context. */
  V3_0("3.0");

  private final String label;

  OpenBadgesVersion(String label) {
    this.label = label;
  }

  /** The version as people write it, for example {@code "2.0"}. */
  public String label() {
    return label;
  }

  /** Whether this version is older than 2.0 and can be upgraded to it. */
  public boolean isLegacy() {
    return this == V0_5 || this == V1_0 || this == V1_1;
  }
}
