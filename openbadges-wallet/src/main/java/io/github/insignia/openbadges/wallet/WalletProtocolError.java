package io.github.insignia.openbadges.wallet;

/**
 * The error strings a wallet is answered with, as the protocols spell them (RFC 6749 §5.2 for the
 * token endpoint, RFC 6750 §3.1 for a bearer token, OpenID4VCI 1.0 §8.3.1.2 for the credential
 * endpoint), each with the HTTP status it is sent with.
 */
public enum WalletProtocolError {
  /** A required parameter is missing or malformed (also: a transaction code missing or not expected). */
  INVALID_REQUEST("invalid_request", 400),
  /** The pre-authorized code is unknown, expired or already used, or the transaction code is wrong. */
  INVALID_GRANT("invalid_grant", 400),
  /** A grant type other than the pre-authorized code. */
  UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
  /** The access token is missing, unknown, expired or used up (sent with {@code WWW-Authenticate: Bearer}). */
  INVALID_TOKEN("invalid_token", 401),
  /** The credential request is malformed (no configuration id, a batch). */
  INVALID_CREDENTIAL_REQUEST("invalid_credential_request", 400),
  /** The credential configuration is not supported here or not granted by this token. */
  UNKNOWN_CREDENTIAL_CONFIGURATION("unknown_credential_configuration", 400),
  /** A credential identifier was sent; this issuer grants configurations, not identifiers. */
  UNKNOWN_CREDENTIAL_IDENTIFIER("unknown_credential_identifier", 400),
  /** The proof is missing, malformed, not signed by the key it names, for another audience, or stale. */
  INVALID_PROOF("invalid_proof", 400),
  /** The proof's nonce is not a live nonce this issuer gave out (unknown, expired or used). */
  INVALID_NONCE("invalid_nonce", 400),
  /** The issuer would not issue (the award failed, or the format is not configured). */
  CREDENTIAL_REQUEST_DENIED("credential_request_denied", 400),
  /** The offer, exchange or endpoint does not exist. */
  NOT_FOUND("not_found", 404),
  /** The state store is full; retry later. */
  TEMPORARILY_UNAVAILABLE("temporarily_unavailable", 503);

  private final String wire;
  private final int status;

  WalletProtocolError(String wire, int status) {
    this.wire = wire;
    this.status = status;
  }

  /** The value of the {@code error} member, e.g. {@code invalid_grant}. */
  public String wire() {
    return wire;
  }

  /** The HTTP status it is answered with. */
  public int httpStatus() {
    return status;
  }
}
