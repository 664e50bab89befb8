package io.github.insignia.openbadges.export.provider;

/** Which of the two APIs a stored badge or profile belongs to. */
public enum ApiVersion {
  /** Open Badges 2.1 Badge Connect (assertions, OB 2.0 profile). */
  BADGE_CONNECT_2_1,
  /** The Open Badges 3.0 API (credentials, OB 3.0 profile). */
  OB_3_0
}
