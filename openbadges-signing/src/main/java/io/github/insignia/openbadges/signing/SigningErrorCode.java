package io.github.insignia.openbadges.signing;

import io.github.insignia.openbadges.ErrorCode;

/**
 * The error codes of the signing module (see {@code docs/error-codes.md}). Compare them as
 * constants: {@code e.errorCode() == SigningErrorCode.SD_STATEMENT_SIGNATURE_INVALID}.
 */
public enum SigningErrorCode implements ErrorCode {
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
  SD_KEY_TYPE_UNSUPPORTED
}
