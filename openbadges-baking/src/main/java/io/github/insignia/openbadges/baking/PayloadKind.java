package io.github.insignia.openbadges.baking;

/** What a baked payload looks like (from its text alone; nothing is fetched or verified). */
public enum PayloadKind {
  /** A hosted assertion URL ({@code http:} or {@code https:}). */
  URL,
  /** JSON text (starts with <code>{</code> once leading whitespace is skipped). */
  JSON,
  /** A compact JWS: an OB 2.0 signed assertion or an OB 3.0 VC-JWT. */
  JWS,
  /** Anything else; the validation module reports it. */
  TEXT
}
