package io.github.insignia.openbadges.issuing;

/** The forms an award can be produced in; the host enables the ones it serves. */
public enum BadgeFormat {
  /** OB 3.0 credential JSON with an embedded Data Integrity proof ({@code eddsa-rdfc-2022}). */
  OB3_DATA_INTEGRITY,
  /** OB 3.0 credential as a compact VC-JWT (OB 3.0 profile: {@code typ} JWT, {@code iss/jti/sub/nbf/exp}). */
  OB3_JWT,
  /** OB 2.0 hosted assertion: the JSON documents to serve, with their URLs. */
  OB2_HOSTED,
  /** OB 2.0 signed assertion: a compact JWS over the assertion JSON. */
  OB2_SIGNED
}
