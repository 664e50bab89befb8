package io.github.insignia.openbadges.signing.rdf;

import io.github.insignia.openbadges.ErrorCode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.signing.SigningErrorCode;

/**
 * A document or dataset could not be canonicalized. The {@link #errorCode()} is one of the
 * canonicalization constants of {@link SigningErrorCode} ({@code JSONLD_*}, {@code RDF*}, {@code
 * NQUADS_MALFORMED}) and is stable across releases; the message says what was wrong, for the person who
 * supplied the input.
 */
public class CanonicalizationException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /**
   * @param code a canonicalization constant of {@link SigningErrorCode}
   * @param message a human-readable explanation
   * @param cause the cause, or {@code null}
   */
  public CanonicalizationException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }

  /**
   * @param code a canonicalization constant of {@link SigningErrorCode}
   * @param message a human-readable explanation
   */
  public CanonicalizationException(ErrorCode code, String message) {
    super(code, message);
  }
}
