package io.github.insignia.openbadges.signing;

import io.github.insignia.openbadges.ErrorCode;

/**
 * The stable error codes of keys, JWS, VC-JWT, Data Integrity, canonicalization and key binding.
 *
 * <p>The single source of truth for the codes this module's exceptions carry. Each constant's
 * name is the code printed by the command line and in JSON; each has a row in {@code
 * docs/error-codes.md}, which {@code ErrorCodesDocumentedTest} checks both ways.
 */
public enum SigningErrorCode implements ErrorCode {
  /** An OB 2.0 assertion to sign is not a JSON object. */
  ASSERTION_INVALID,
  /** (configuration) a negative clock skew. */
  CLOCK_SKEW_INVALID,
  /** A credential to sign as a VC-JWT has a top-level member that is a JWT claim name. */
  CREDENTIAL_CLAIM_CONFLICT,
  /** A credential date is not an XML Schema dateTime with offset. */
  CREDENTIAL_DATE_MALFORMED,
  /** A credential to sign is not a JSON object. */
  CREDENTIAL_INVALID,
  /** (configuration) the cryptosuite cannot sign with the signer's key type. */
  CRYPTOSUITE_KEY_MISMATCH,
  /** Another proof type or cryptosuite ({@code bbs-2023}, {@code ecdsa-sd-2023}, …); (configuration) signing with a verify-only suite. */
  CRYPTOSUITE_UNSUPPORTED,
  /** Not a did:key, or its multibase key cannot be decoded. */
  DID_KEY_MALFORMED,
  /** (configuration) did:web needs an https URL with a host. */
  DID_WEB_INVALID,
  /** A secured document is not a JSON object. */
  DOCUMENT_INVALID,
  /** The proof's {@code challenge} is not the expected one. */
  INVALID_CHALLENGE,
  /** The proof's {@code domain} is not the expected one. */
  INVALID_DOMAIN,
  /** The issuer is neither a did:key, did:jwk, did:web nor an http(s) URL, so it publishes no key. */
  ISSUER_CANNOT_PUBLISH_KEYS,
  /** The issuer is not a usable DID. */
  ISSUER_DID_INVALID,
  /** An issuer document (profile, DID document) is not usable JSON. */
  ISSUER_DOCUMENT_INVALID,
  /** An issuer document (profile, DID document) could not be obtained. */
  ISSUER_DOCUMENT_UNAVAILABLE,
  /** The document names no issuer, so no key can be bound to it. */
  ISSUER_MISSING,
  /** The issuer id is not a usable URL. */
  ISSUER_URL_INVALID,
  /** {@code eddsa-jcs-2022}: a lone surrogate or a non-finite number. */
  JCS_INVALID,
  /** A {@code @context} URL the document loader does not hold (never fetched). */
  JSONLD_CONTEXT_NOT_PINNED,
  /** Safe mode: a value would be dropped from the RDF. */
  JSONLD_DROPPED_VALUE,
  /** Not valid JSON-LD 1.1 (e.g. redefining a protected term). */
  JSONLD_INVALID,
  /** Safe mode: an IRI has a character N-Quads does not allow. */
  JSONLD_INVALID_IRI,
  /** JSON-LD processing over its time limit, or nesting deeper than 256. */
  JSONLD_LIMIT,
  /** Safe mode: an {@code @id}, {@code @type} or datatype expands to a relative IRI. */
  JSONLD_RELATIVE_IRI,
  /** Safe mode: a property or term no context defines. */
  JSONLD_UNDEFINED_TERM,
  /** The header algorithm is not the one pinned to the resolved key's type. */
  JWS_ALG_MISMATCH,
  /** {@code alg: none} (any case). */
  JWS_ALG_NONE,
  /** Any algorithm but EdDSA, ES256, RS256 (HS256 with the public key as secret lands here). */
  JWS_ALG_UNSUPPORTED,
  /** {@code crit} or {@code b64} in the header. */
  JWS_CRIT_UNSUPPORTED,
  /** Header {@code jku}, {@code x5u}, {@code x5c}, {@code x5t}; a header {@code jwk} the caller did not trust, with private members, or different from the resolved key. */
  JWS_HEADER_KEY_UNTRUSTED,
  /** The JWS header has neither {@code kid} nor {@code jwk}. */
  JWS_KID_MISSING,
  /** Not a compact JWS (three dot-separated base64url parts, a JSON header). */
  JWS_MALFORMED,
  /** The signed payload differs from the document it came with. */
  JWS_PAYLOAD_MISMATCH,
  /** The JWS is larger than the configured limit. */
  JWS_TOO_LARGE,
  /** {@code iss}/{@code jti}/{@code sub}/{@code nbf}/{@code exp} disagree with the credential, or are not of the right type. */
  JWT_CLAIM_MISMATCH,
  /** (strict mode) an OB 3.0 JWT claim is missing; a warning otherwise. */
  JWT_CLAIM_MISSING,
  /** The JWT's {@code exp} has passed. */
  JWT_EXPIRED,
  /** The JWT's {@code nbf} is in the future. */
  JWT_NOT_YET_VALID,
  /** The JWS payload is not an object carrying a credential. */
  JWT_PAYLOAD_INVALID,
  /** {@code typ} other than absent, {@code JWT}, {@code vc+jwt} ({@code application/} prefix tolerated). */
  JWT_TYP_INVALID,
  /** The key's controller is not the credential's issuer. */
  KEY_CONTROLLER_MISMATCH,
  /** A key or DID document is not usable (not JSON, not for the DID, no such method). */
  KEY_DOCUMENT_INVALID,
  /** A key or DID document could not be fetched. */
  KEY_FETCH_FAILED,
  /** A key that cannot be decoded (bad base64url, wrong length, point not on the curve, no PEM object). */
  KEY_MALFORMED,
  /** The public part given with a private key is not its public key. */
  KEY_MISMATCH,
  /** The verifying key is not among the keys the issuer publishes as its own. */
  KEY_NOT_BOUND_TO_ISSUER,
  /** The verification method is not in the resolved document. */
  KEY_NOT_FOUND,
  /** (configuration) Multikey or did:key asked of an RSA key. */
  KEY_NO_MULTIKEY,
  /** RSA modulus under 2048 bits. */
  KEY_TOO_SMALL,
  /** (configuration) a policy accepting no key type. */
  KEY_TYPES_EMPTY,
  /** RSA where EC is needed and vice versa. */
  KEY_TYPE_MISMATCH,
  /** The verification policy does not accept the signature's key type. */
  KEY_TYPE_NOT_ACCEPTED,
  /** Another key type or multicodec (secp256k1, RSA-PSS, RSA JWK without CRT members). */
  KEY_UNSUPPORTED,
  /** A verification method id is not an absolute URI. */
  KEY_URL_INVALID,
  /** An EC/OKP key of another curve (P-384, X25519, Ed448, secp256k1), or an Ed25519 key where P-256 is needed and vice versa. */
  KEY_WRONG_CURVE,
  /** (warning, {@code ProofWarning}) the proof names {@code eddsa-2022}, the pre-final name of {@code eddsa-rdfc-2022}; verified with this warning. */
  LEGACY_CRYPTOSUITE,
  /** (warning, {@code ProofWarning}) an {@code Ed25519Signature2020} proof, the pre-Data-Integrity suite; verified with this warning. */
  LEGACY_PROOF_TYPE,
  /** Not {@code z} + base58btc. */
  MULTIBASE_MALFORMED,
  /** {@code canonicalizeNQuads} input is not N-Quads. */
  NQUADS_MALFORMED,
  /** The assertion links no badge/issuer that can be read. */
  OB2_ISSUER_UNAVAILABLE,
  /** The issuer's {@code publicKey} does not list the key. */
  OB2_KEY_NOT_LISTED,
  /** The assertion's {@code verification.type} is not {@code SignedBadge}. */
  OB2_NOT_SIGNED_BADGE,
  /** The JWS payload is not an OB 2.0 assertion object. */
  OB2_PAYLOAD_INVALID,
  /** A chained proof refers to a proof not on the document. */
  PREVIOUS_PROOF_MISSING,
  /** The proof's {@code created} is later than now plus the clock skew. */
  PROOF_CREATED_IN_FUTURE,
  /** The proof's {@code expires} has passed. */
  PROOF_EXPIRED,
  /** A proof is not an object or lacks a required member (type, cryptosuite, verificationMethod, proofPurpose). */
  PROOF_MALFORMED,
  /** The document has no proof. */
  PROOF_MISSING,
  /** (configuration) proof options without a verification method. */
  PROOF_OPTIONS_INVALID,
  /** The proof's {@code proofPurpose} is not the expected one. */
  PROOF_PURPOSE_MISMATCH,
  /** {@code proofValue} is not multibase base58btc, or of the wrong length. */
  PROOF_VALUE_MALFORMED,
  /** RDFC-1.0 over its work limit (poison graph). */
  RDFC_WORK_LIMIT,
  /** A string or IRI holds an unpaired surrogate. */
  RDF_INVALID_UNICODE,
  /** More quads than {@code maxQuads}. */
  RDF_TOO_LARGE,
  /** The signature does not verify. */
  SIGNATURE_INVALID,
  /** (configuration) a JCA provider could not sign. */
  SIGNER_FAILED,
  /** An {@code ecdsa-sd-2023} proofValue is not {@code u} + base64url of a CBOR base or derived proof of the expected shape. */
  SD_PROOF_VALUE_MALFORMED,
  /** An {@code ecdsa-sd-2023} proofValue, or a count inside it, is over the verifier's bounds. */
  SD_PROOF_VALUE_TOO_LARGE,
  /** The proof-scoped (ephemeral) public key of an {@code ecdsa-sd-2023} proof is not a P-256 Multikey. */
  SD_EPHEMERAL_KEY_INVALID,
  /** The blank-node label map of a derived proof does not cover the disclosed statements, or is malformed. */
  SD_LABEL_MAP_INVALID,
  /** The mandatory indexes of a derived proof are out of range or not strictly increasing. */
  SD_MANDATORY_INDEXES_INVALID,
  /** The number of per-statement signatures is not the number of disclosed non-mandatory statements. */
  SD_SIGNATURE_COUNT_MISMATCH,
  /** The issuer's base signature (over proof hash, ephemeral key, mandatory hash) does not verify. */
  SD_BASE_SIGNATURE_INVALID,
  /** A disclosed statement's signature does not verify with the proof's ephemeral key. */
  SD_STATEMENT_SIGNATURE_INVALID,
  /** A JSON pointer (mandatory or selective) is malformed or selects nothing in the document. */
  SD_POINTER_INVALID,
  /** The document cannot be selectively disclosed (a structure the selection cannot track, such as a language map). */
  SD_DOCUMENT_UNSUPPORTED,
  /** Deriving needs a base proof ({@code ecdsa-sd-2023} with header {@code 0xd9 0x5d 0x00}); the document has none. */
  SD_BASE_PROOF_REQUIRED,
  /** {@code ecdsa-sd-2023} signs with a P-256 issuer key only. */
  SD_KEY_TYPE_UNSUPPORTED,
  /** A JWS header {@code typ} is not the one the format requires ({@code vc+jwt} vs {@code JWT}). */
  JWT_TYP_MISMATCH,
  /** A {@code vc+jwt} payload is not a VCDM 2.0 credential (a {@code vc} claim, no {@code @context}, …). */
  VC_JWT_PAYLOAD_INVALID,
  /** A {@code vc+jwt} has no {@code kid} naming the issuer's key. */
  VC_JWT_KID_MISSING,
  /** A presentation proof's {@code challenge} is not the one the verifier gave. */
  PRESENTATION_CHALLENGE_MISMATCH,
  /** A presentation proof's {@code domain} is not the one the verifier gave. */
  PRESENTATION_DOMAIN_MISMATCH,
  /** A presentation is signed by a key its holder does not control. */
  PRESENTATION_HOLDER_MISMATCH,
  /** A presentation's holder is not a {@code did:key}, {@code did:jwk} or {@code did:web}: its keys are not resolved here (cannot tell). */
  PRESENTATION_HOLDER_UNSUPPORTED,
  /**
   * A Data Integrity presentation carries a credential as a bare string (VC 1.1 JWT style): it is no
   * part of the signed graph, so the holder's proof cannot cover it; VC 2.0 wraps a JWT in an {@code
   * EnvelopedVerifiableCredential}.
   */
  PRESENTATION_CREDENTIAL_NOT_ENVELOPED,
  /** A presentation is malformed (not a {@code VerifiablePresentation}, no proof). */
  PRESENTATION_MALFORMED;
}
