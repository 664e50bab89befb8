package io.github.insignia.openbadges.signing.verify;

import io.github.insignia.openbadges.signing.InvalidSignatureException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A proof did not verify, with its {@link #failure()} (an enum), the {@link #stage()} reached, and,
 * when the issuer's documents could not be obtained, the {@link #missingDocument()}. The fetcher's
 * own exception is kept unchanged as the {@linkplain #getCause() cause}, so a host can report the
 * precise fetch problem. {@link #code()} is a finer stable string code (see {@code docs/signing.md}).
 */
public class ProofVerificationException extends InvalidSignatureException {
  private static final long serialVersionUID = 1L;

  private final ProofFailure failure;
  private final transient URI missingDocument;

  /**
   * @param failure why it failed
   * @param code the finer stable code, for example {@code JWS_ALG_NONE}
   * @param message a human-readable explanation
   * @param missingDocument the issuer document that could not be obtained, or null
   * @param cause the cause, or null
   */
  public ProofVerificationException(
      ProofFailure failure, String code, String message, URI missingDocument, Throwable cause) {
    super(code, message, cause);
    this.failure = Objects.requireNonNull(failure, "failure");
    this.missingDocument = missingDocument;
  }

  /** Without a missing document or cause. */
  public ProofVerificationException(ProofFailure failure, String code, String message) {
    this(failure, code, message, null, null);
  }

  /** With a cause. */
  public ProofVerificationException(ProofFailure failure, String code, String message, Throwable cause) {
    this(failure, code, message, null, cause);
  }

  /**
   * With an enum code.
   *
   * @param failure why it failed
   * @param code the finer stable code
   * @param message a human-readable explanation
   * @param cause the cause, or null
   */
  public ProofVerificationException(
      ProofFailure failure, io.github.insignia.openbadges.ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
    this.failure = Objects.requireNonNull(failure, "failure");
    this.missingDocument = null;
  }

  /** With an enum code, without a cause. */
  public ProofVerificationException(ProofFailure failure, io.github.insignia.openbadges.ErrorCode code, String message) {
    this(failure, code, message, null);
  }

  /** Why it failed. */
  public ProofFailure failure() {
    return failure;
  }

  /** How far verification got. */
  public Stage stage() {
    return failure.stage();
  }

  /** The issuer document that could not be obtained ({@link ProofFailure#ISSUER_KEYS_UNAVAILABLE}). */
  public Optional<URI> missingDocument() {
    return Optional.ofNullable(missingDocument);
  }
}
