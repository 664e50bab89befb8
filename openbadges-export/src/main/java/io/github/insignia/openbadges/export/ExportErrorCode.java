package io.github.insignia.openbadges.export;

import io.github.insignia.openbadges.ErrorCode;

/**
 * The stable error codes of export refusals, LinkedIn, share links, backpack clients and the backpack provider.
 *
 * <p>The single source of truth for the codes this module's exceptions carry. Each constant's
 * name is the code printed by the command line and in JSON; each has a row in {@code
 * docs/error-codes.md}, which {@code ErrorCodesDocumentedTest} checks both ways.
 */
public enum ExportErrorCode implements ErrorCode {
  /** The user refused the backpack authorization ({@code access_denied}). */
  AUTHORIZATION_DENIED,
  /** The authorization redirect is wrong or carries an OAuth error other than {@code access_denied}. */
  AUTHORIZATION_FAILED,
  /** The redirect's {@code state} is not the request's (possible cross-site request forgery). */
  AUTHORIZATION_STATE_MISMATCH,
  /** The backpack answered HTTP 400. */
  BACKPACK_BAD_REQUEST,
  /** The backpack could not be reached (host unknown, connection refused or reset). */
  BACKPACK_CONNECTION_FAILED,
  /** The backpack's service description or manifest lacks the OAuth endpoints. */
  BACKPACK_DISCOVERY_INVALID,
  /** The token or revocation endpoint is not the one that issued the stored client secret; nothing was sent. */
  BACKPACK_ENDPOINT_MISMATCH,
  /** A discovery document names an OAuth endpoint or API base off the backpack's origin (and not trusted by the host). */
  BACKPACK_ENDPOINT_UNTRUSTED,
  /** The backpack answered HTTP 403. */
  BACKPACK_FORBIDDEN,
  /** The backpack answered another non-success HTTP status. */
  BACKPACK_HTTP_ERROR,
  /** A non-https URL (http outside loopback), or a token would leave the API's origin. */
  BACKPACK_INSECURE_URL,
  /** The thread was interrupted while calling the backpack. */
  BACKPACK_INTERRUPTED,
  /** The backpack answered HTTP 405. */
  BACKPACK_METHOD_NOT_ALLOWED,
  /** The backpack answered HTTP 404. */
  BACKPACK_NOT_FOUND,
  /** (configuration) a backpack client option is out of range (retries, timeouts). */
  BACKPACK_OPTION_INVALID,
  /** A paging call with {@code limit} below 1 or a negative {@code offset}. */
  BACKPACK_PAGING_INVALID,
  /** The backpack answered HTTP 429 (see {@code retryAfter()}). */
  BACKPACK_RATE_LIMITED,
  /** A backpack request could not be built (a header value HTTP does not allow). */
  BACKPACK_REQUEST_INVALID,
  /** The backpack's answer is not the JSON expected. */
  BACKPACK_RESPONSE_INVALID,
  /** The backpack's answer is larger than the JSON size limit. */
  BACKPACK_RESPONSE_TOO_LARGE,
  /** The backpack answered a 5xx status other than 503. */
  BACKPACK_SERVER_ERROR,
  /** The backpack did not answer within the request timeout. */
  BACKPACK_TIMEOUT,
  /** A token received or stored is not visible ASCII (for example holds CR/LF) or is over 4,096 characters. */
  BACKPACK_TOKEN_INVALID,
  /** The backpack answered HTTP 401. */
  BACKPACK_UNAUTHORIZED,
  /** The backpack answered HTTP 503 (see {@code retryAfter()}). */
  BACKPACK_UNAVAILABLE,
  /** A badge date is neither ISO 8601 nor Unix seconds. */
  BADGE_DATE_INVALID,
  /** Export refused ({@code ExportRefusal}): the badge has expired. */
  BADGE_EXPIRED,
  /** The badge has no name. */
  BADGE_NAME_MISSING,
  /** Export refused ({@code ExportRefusal}): the badge was not verified. */
  BADGE_NOT_VERIFIED,
  /** Export refused ({@code ExportRefusal}): the issuer revoked the badge. */
  BADGE_REVOKED,
  /** The backpack client is not registered at this backpack; register first. */
  CLIENT_NOT_REGISTERED,
  /** A LinkedIn organization id that is not digits. */
  LINKEDIN_ORGANIZATION_ID_INVALID,
  /** Neither a LinkedIn organization id nor an organization name (the badge names no issuer). */
  LINKEDIN_ORGANIZATION_MISSING,
  /** A Mastodon instance that is not a host name. */
  MASTODON_INSTANCE_INVALID,
  /** A Mastodon share link without the user's instance. */
  MASTODON_INSTANCE_MISSING,
  /** No tokens are stored for the account; authorize first. */
  NOT_AUTHORIZED,
  /** An SVG or {@code data:} image given for {@code og:image} (networks render only PNG at an http(s) URL). */
  OG_IMAGE_NOT_PNG,
  /** (configuration) the backpack provider's base URL is not absolute with a host and no query. */
  PROVIDER_BASE_URL_INVALID,
  /** (configuration) client metadata without a redirect URI. */
  REDIRECT_URI_MISSING,
  /** The backpack refused the client registration, or answered without {@code client_id}/{@code client_secret}. */
  REGISTRATION_FAILED,
  /** The access token expired and could not be refreshed; authorize again. */
  TOKEN_REFRESH_FAILED,
  /** The token endpoint refused the authorization code or answered without a bearer token. */
  TOKEN_REQUEST_FAILED,
  /** A URL given for a share link or page is not an absolute http(s) URL with a host. */
  URL_INVALID,
  /** A required URL (share link, page) was not given. */
  URL_MISSING,
  /** (configuration) a {@code VerifiedIdentity} without type {@code email}/{@code url}/{@code telephone} or value. */
  VERIFIED_IDENTITY_INVALID;
}
