package io.github.insignia.openbadges.baking;

/**
 * What to do with a PNG chunk whose CRC-32 does not match. CRCs are checked on the chunks the baker
 * reads (IHDR and every text chunk); pixel data is passed through byte for byte and is checked only
 * when {@link BakingOptions#checkAllCrcs()} is set.
 */
public enum CrcPolicy {
  /** Fail with {@link BakingException#PNG_BAD_CRC}. The default. */
  REJECT,
  /** Carry on and report a warning ({@link UnbakedBadge#warnings()}). */
  WARN
}
