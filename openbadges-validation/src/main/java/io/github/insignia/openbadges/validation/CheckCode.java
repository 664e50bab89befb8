package io.github.insignia.openbadges.validation;

import java.util.Optional;

/**
 * Every stable code a {@link Check} may carry (documented in {@code docs/validation.md}), with the
 * VC Data Model / Data Integrity / Bitstring Status List problem type it corresponds to where one
 * exists. A check that passes keeps the code of what it checked; a failure carries the code of its
 * cause (for example {@link #EXPIRED} where a passing check says {@link #VALIDITY_PERIOD}).
 */
public enum CheckCode {
  // Input
  /** What the input is and which badge version it carries. */
  INPUT_DETECTED(null),
  /** The input is not any kind of badge this verifier recognises. */
  INPUT_UNRECOGNIZED("PARSING_ERROR"),
  /** The input is a badge document, but not of a kind the platform said it accepts (for example not an award). */
  INPUT_NOT_AN_AWARD(null),
  /** The input could not be read (malformed JSON, a broken JWS, a truncated image, a limit). */
  INPUT_UNREADABLE("PARSING_ERROR"),
  /** The image carries no badge. */
  IMAGE_NOT_BAKED("PARSING_ERROR"),

  // Fetching
  /** A document was fetched (or taken from the preloaded resources). */
  FETCH(null),
  /** 401/403. */
  FETCH_ACCESS_RESTRICTED(null),
  /** 404. */
  FETCH_NOT_FOUND(null),
  /** 410 on something other than a hosted assertion. */
  FETCH_GONE(null),
  /** Other HTTP status. */
  FETCH_HTTP_ERROR(null),
  /** Connect or total timeout. */
  FETCH_TIMEOUT(null),
  /** TLS handshake failure (the cause is named). */
  FETCH_TLS_FAILURE(null),
  /** DNS failure, refused or reset connection. */
  FETCH_CONNECTION_FAILED(null),
  /** HTML (or anything else) where JSON was expected. */
  FETCH_WRONG_CONTENT_TYPE("PARSING_ERROR"),
  /** The URL resolves to a private, loopback, link-local, multicast or unspecified address. */
  FETCH_PRIVATE_ADDRESS_REFUSED(null),
  /** The body is over the size cap. */
  FETCH_TOO_LARGE(null),
  /** Too many redirects or a loop. */
  FETCH_TOO_MANY_REDIRECTS(null),
  /** Not an http(s) URL. */
  FETCH_UNSUPPORTED_URL(null),
  /** Offline, and not preloaded. */
  FETCH_NOT_AVAILABLE_OFFLINE(null),

  // OB 3.0 structure
  /** {@code @context} of a VC / OB 3.0 credential. */
  OB3_CONTEXT("MALFORMED_VALUE_ERROR"),
  /** {@code type} of the credential. */
  OB3_TYPE("MALFORMED_VALUE_ERROR"),
  /** JSON Schema validation against the pinned 1EdTech schema. */
  OB3_SCHEMA("MALFORMED_VALUE_ERROR"),
  /** Every nested object of a typed class carries {@code type}. */
  OB3_NESTED_TYPES("MALFORMED_VALUE_ERROR"),
  /** {@code credentialSubject} has {@code id} or {@code identifier}. */
  OB3_SUBJECT_IDENTIFIER("MALFORMED_VALUE_ERROR"),

  // Proofs and keys
  /** A proof (Data Integrity, VC-JWT or OB 2.0 JWS) verified. */
  PROOF(null),
  /** No proof at all (OB 3.0 requires one; OB 2.0 signed badges need the JWS). */
  PROOF_MISSING("CRYPTOGRAPHIC_SECURITY_ERROR"),
  /** The signature does not verify (tampered, or signed by another key). */
  PROOF_INVALID("CRYPTOGRAPHIC_SECURITY_ERROR"),
  /** The proof is malformed (bad proofValue, wrong purpose, unknown algorithm). */
  PROOF_MALFORMED("PROOF_VERIFICATION_ERROR"),
  /** The proof uses a suite this verifier does not implement. */
  PROOF_UNSUPPORTED("PROOF_VERIFICATION_ERROR"),
  /** The proof verified with a legacy suite (Ed25519Signature2020, eddsa-2022, RsaSignature2018). */
  PROOF_LEGACY_SUITE(null),
  /** The key the proof names could not be resolved, or is not the issuer's. */
  KEY_RESOLUTION("PROOF_VERIFICATION_ERROR"),
  /** The verifying key is bound to the issuer (its DID document, profile, JWKS or OB 2.0 publicKey lists it). */
  KEY_BINDING(null),
  /** The issuer's keys were obtained and the verifying key is not among them: who signed is not who issued. */
  KEY_NOT_BOUND_TO_ISSUER("CRYPTOGRAPHIC_SECURITY_ERROR"),
  /** The issuer's keys could not be obtained (offline, 401/403, 404, timeout): authenticity cannot be decided now. */
  ISSUER_KEYS_UNAVAILABLE(null),
  /** VC-JWT claims (iss, jti, sub, nbf, exp) disagree with the credential. */
  JWT_CLAIMS("MALFORMED_VALUE_ERROR"),

  // Dates
  /** validFrom/validUntil (OB 3.0), issuanceDate/expirationDate (VCDM 1.1), issuedOn/expires (OB 2.0). */
  VALIDITY_PERIOD(null),
  /** Expired. */
  EXPIRED("RANGE_ERROR"),
  /** Not valid yet (validFrom or issuedOn in the future, beyond the allowed skew). */
  NOT_YET_VALID("RANGE_ERROR"),
  /** A date is not an ISO 8601 date-time with a zone. */
  DATE_MALFORMED("MALFORMED_VALUE_ERROR"),

  // Status and revocation
  /** Status (revocation/suspension) checked: not revoked. */
  STATUS(null),
  /** Revoked (OB 2.0 revoked flag, RevocationList, HTTP 410; OB 3.0 status list). */
  REVOKED(null),
  /** Suspended (BitstringStatusList with purpose suspension). */
  SUSPENDED(null),
  /** The status list could not be retrieved. */
  STATUS_RETRIEVAL_ERROR("STATUS_RETRIEVAL_ERROR"),
  /** The status list credential is malformed or of the wrong purpose. */
  STATUS_VERIFICATION_ERROR("STATUS_VERIFICATION_ERROR"),
  /** The bitstring is shorter than the index, or than the minimum length. */
  STATUS_LIST_LENGTH_ERROR("STATUS_LIST_LENGTH_ERROR"),
  /** The status entry is malformed (index not a number, out of range). */
  STATUS_ENTRY_MALFORMED("MALFORMED_VALUE_ERROR"),
  /** statusListIndex points past the end of the list. */
  STATUS_INDEX_OUT_OF_RANGE("RANGE_ERROR"),
  /** A credentialStatus type this verifier does not check. */
  STATUS_UNSUPPORTED(null),

  // Recipient
  /** The badge was issued to one of the given identifiers. */
  RECIPIENT(null),
  /** It was not. */
  RECIPIENT_MISMATCH(null),
  /** The badge identifies nobody (no subject id, no identifier, no OB 2.0 recipient). */
  RECIPIENT_MISSING(null),

  // Endorsements
  /** An embedded or linked endorsement verified. */
  ENDORSEMENT(null),
  /** An endorsement failed; the message names its root cause. */
  ENDORSEMENT_INVALID(null),

  // Credentials inside a CLR 2.0 transcript
  /** A credential of the transcript verified on its own (its report is one of {@code parts()}). */
  CLR_PART(null),
  /** A credential of the transcript is not VALID on its own: a warning on the transcript, never shown as verified. */
  CLR_PART_INVALID(null),

  // Credentials inside a Verifiable Presentation (a wallet's export)
  /** A credential of the presentation verified on its own (its report is one of {@code parts()}): it may be imported. */
  PRESENTATION_CREDENTIAL(null),
  /**
   * A credential of the presentation is not VALID on its own (or was not checked): do not import it;
   * the presentation is then INVALID (or INDETERMINATE) as a whole, its other parts keep their verdicts.
   */
  PRESENTATION_CREDENTIAL_INVALID(null),

  // OB 2.0
  /** The hosted assertion's id equals the URL it was fetched from. */
  OB2_HOSTED_ID(null),
  /** The hosted assertion declares another id than where it was fetched (moved or copied). */
  OB2_ID_MISMATCH(null),
  /** Hosted verification, but no http(s) id to fetch the authoritative copy from. */
  OB2_NO_HOSTED_URL("MALFORMED_VALUE_ERROR"),
  /** OB 2.0 {@code @context}. */
  OB2_CONTEXT("MALFORMED_VALUE_ERROR"),
  /** Every node has its required properties with valid types. */
  OB2_PROPERTIES(null),
  /** A required property is missing. */
  OB2_PROPERTY_MISSING("MALFORMED_VALUE_ERROR"),
  /** A property has a value of the wrong type (not an IRI, a date without a zone, …). */
  OB2_PROPERTY_INVALID("MALFORMED_VALUE_ERROR"),
  /** The node is not of the expected class. */
  OB2_TYPE("MALFORMED_VALUE_ERROR"),
  /** The hosted assertion (and badge class) lie within the issuer's verification policy. */
  OB2_VERIFICATION_SCOPE(null),
  /** They do not. */
  OB2_OUT_OF_SCOPE(null),
  /** The badge class image (or assertion image) is a PNG or SVG. */
  IMAGE(null),
  /** The image is not a PNG or SVG. */
  IMAGE_INVALID("MALFORMED_VALUE_ERROR"),
  /** The host requires the badge's image (VerificationOptions.requireImage) and the badge has none. */
  IMAGE_MISSING("MALFORMED_VALUE_ERROR");

  private final String problemType;

  CheckCode(String problemType) {
    this.problemType = problemType;
  }

  /**
   * The question this code answers (authentic? current? conformant?, or the input, or an
   * endorsement). A {@link Check} usually carries its code's question; a fetch is grouped with the
   * question that needed the document (an image fetch is a conformance matter, a key document an
   * authenticity one).
   */
  public Question question() {
    return switch (this) {
      case INPUT_DETECTED, INPUT_UNRECOGNIZED, INPUT_NOT_AN_AWARD, INPUT_UNREADABLE, IMAGE_NOT_BAKED -> Question.INPUT;
      case OB3_CONTEXT, OB3_TYPE, OB3_SCHEMA, OB3_NESTED_TYPES, OB3_SUBJECT_IDENTIFIER, DATE_MALFORMED,
          OB2_CONTEXT, OB2_PROPERTIES, OB2_PROPERTY_MISSING, OB2_PROPERTY_INVALID, OB2_TYPE,
          IMAGE, IMAGE_INVALID, IMAGE_MISSING -> Question.CONFORMANT;
      case VALIDITY_PERIOD, EXPIRED, NOT_YET_VALID, STATUS, REVOKED, SUSPENDED, STATUS_RETRIEVAL_ERROR,
          STATUS_VERIFICATION_ERROR, STATUS_LIST_LENGTH_ERROR, STATUS_ENTRY_MALFORMED, STATUS_INDEX_OUT_OF_RANGE,
          STATUS_UNSUPPORTED, RECIPIENT, RECIPIENT_MISMATCH, RECIPIENT_MISSING -> Question.CURRENT;
      case ENDORSEMENT, ENDORSEMENT_INVALID -> Question.ENDORSEMENT;
      case FETCH, FETCH_ACCESS_RESTRICTED, FETCH_NOT_FOUND, FETCH_GONE, FETCH_HTTP_ERROR, FETCH_TIMEOUT,
          FETCH_TLS_FAILURE, FETCH_CONNECTION_FAILED, FETCH_WRONG_CONTENT_TYPE, FETCH_PRIVATE_ADDRESS_REFUSED,
          FETCH_TOO_LARGE, FETCH_TOO_MANY_REDIRECTS, FETCH_UNSUPPORTED_URL, FETCH_NOT_AVAILABLE_OFFLINE,
          PROOF, PROOF_MISSING, PROOF_INVALID, PROOF_MALFORMED, PROOF_UNSUPPORTED, PROOF_LEGACY_SUITE,
          KEY_RESOLUTION, KEY_BINDING, KEY_NOT_BOUND_TO_ISSUER, ISSUER_KEYS_UNAVAILABLE, JWT_CLAIMS,
          CLR_PART, CLR_PART_INVALID, PRESENTATION_CREDENTIAL, PRESENTATION_CREDENTIAL_INVALID, OB2_HOSTED_ID, OB2_ID_MISMATCH, OB2_NO_HOSTED_URL,
          OB2_VERIFICATION_SCOPE, OB2_OUT_OF_SCOPE -> Question.AUTHENTIC;
    };
  }


  /**
   * The VC Data Model 2.0 ({@code PARSING_ERROR}, {@code CRYPTOGRAPHIC_SECURITY_ERROR}, {@code
   * MALFORMED_VALUE_ERROR}, {@code RANGE_ERROR}), Data Integrity ({@code
   * PROOF_VERIFICATION_ERROR}) or Bitstring Status List ({@code STATUS_…}) problem type this code
   * corresponds to, when there is one.
   */
  public Optional<String> problemType() {
    return Optional.ofNullable(problemType);
  }
}
