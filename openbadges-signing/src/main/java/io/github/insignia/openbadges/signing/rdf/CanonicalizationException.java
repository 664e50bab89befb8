package io.github.insignia.openbadges.signing.rdf;

import io.github.insignia.openbadges.InvalidInputException;

/**
 * A document or dataset could not be canonicalized. The {@link #code()} is one of the constants of
 * this class and is stable across releases; the message says what was wrong, for the person who
 * supplied the input.
 */
public class CanonicalizationException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /** Safe mode: a property or type that no context defines would have been dropped silently. */
  public static final String JSONLD_UNDEFINED_TERM = "JSONLD_UNDEFINED_TERM";

  /** Safe mode: an {@code @id}, {@code @type} or datatype expands to a relative IRI. */
  public static final String JSONLD_RELATIVE_IRI = "JSONLD_RELATIVE_IRI";

  /** Safe mode: an IRI has a character N-Quads does not allow (space, control, angle bracket, quote, brace, …). */
  public static final String JSONLD_INVALID_IRI = "JSONLD_INVALID_IRI";

  /** Safe mode: a value would be dropped from the RDF (free-floating value, invalid node, …). */
  public static final String JSONLD_DROPPED_VALUE = "JSONLD_DROPPED_VALUE";

  /** A {@code @context} URL that the configured document loader does not hold (never fetched). */
  public static final String JSONLD_CONTEXT_NOT_PINNED = "JSONLD_CONTEXT_NOT_PINNED";

  /** The document is not valid JSON-LD 1.1 (invalid context, keyword misuse, …). */
  public static final String JSONLD_INVALID = "JSONLD_INVALID";

  /** JSON-LD processing exceeded its time limit, or the document nests too deeply. */
  public static final String JSONLD_LIMIT = "JSONLD_LIMIT";

  /** The dataset has more quads than the configured limit. */
  public static final String RDF_TOO_LARGE = "RDF_TOO_LARGE";

  /** RDFC-1.0 exceeded its work limit (a "poison" graph built to make canonicalization explode). */
  public static final String RDFC_WORK_LIMIT = "RDFC_WORK_LIMIT";

  /** A string or IRI holds an unpaired surrogate: it is not Unicode text and cannot be hashed faithfully. */
  public static final String RDF_INVALID_UNICODE = "RDF_INVALID_UNICODE";

  /** The N-Quads text is not valid N-Quads. */
  public static final String NQUADS_MALFORMED = "NQUADS_MALFORMED";

  /**
   * @param code one of the constants of this class
   * @param message a human-readable explanation
   * @param cause the cause, or {@code null}
   */
  public CanonicalizationException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }

  /**
   * @param code one of the constants of this class
   * @param message a human-readable explanation
   */
  public CanonicalizationException(String code, String message) {
    super(code, message);
  }
}
