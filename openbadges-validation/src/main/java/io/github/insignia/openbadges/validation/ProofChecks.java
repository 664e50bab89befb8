package io.github.insignia.openbadges.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity;
import io.github.insignia.openbadges.signing.jose.Ob2Jws;
import io.github.insignia.openbadges.signing.jose.VcJwt;
import io.github.insignia.openbadges.signing.verify.BoundKey;
import io.github.insignia.openbadges.signing.verify.ProofFailure;
import io.github.insignia.openbadges.signing.verify.ProofVerificationException;
import io.github.insignia.openbadges.validation.fetch.FetchException;
import io.github.insignia.openbadges.validation.internal.JsonNodes;
import java.util.Optional;

/**
 * Hands proofs to the signing module's verifiers (the only judge of proofs) and turns their answer
 * into checks: {@link ProofFailure} → {@link CheckCode} and {@link Outcome} by an exhaustive switch,
 * a {@link CheckCode#KEY_BINDING} check naming how the key is bound, and for unobtainable issuer
 * documents the precise fetch problem, inconclusive. Validation never parses a JWS or chooses a key.
 */
final class ProofChecks {
  private final Verification v;
  private final ReportBuilder r;

  ProofChecks(Verification verification) {
    this.v = verification;
    this.r = verification.report;
  }

  /** The check code of a proof failure. */
  static CheckCode code(ProofFailure failure) {
    return switch (failure) {
      case MALFORMED, ALGORITHM_REFUSED, PURPOSE_MISMATCH, KEY_MISSING, ALGORITHM_MISMATCH -> CheckCode.PROOF_MALFORMED;
      case SUITE_UNSUPPORTED, CONTEXT_UNAVAILABLE -> CheckCode.PROOF_UNSUPPORTED;
      case KEY_UNUSABLE -> CheckCode.KEY_RESOLUTION;
      case ISSUER_KEYS_UNAVAILABLE -> CheckCode.ISSUER_KEYS_UNAVAILABLE;
      case KEY_NOT_BOUND -> CheckCode.KEY_NOT_BOUND_TO_ISSUER;
      case SIGNATURE_INVALID, DISCLOSED_STATEMENT_INVALID, DISCLOSURE_MISMATCH, DOCUMENT_ALTERED, PROOF_NOT_YET_VALID,
          PROOF_EXPIRED, PAYLOAD_MISMATCH -> CheckCode.PROOF_INVALID;
      case CLAIMS_MISMATCH, CLAIM_MISSING -> CheckCode.JWT_CLAIMS;
      case NOT_YET_VALID -> CheckCode.NOT_YET_VALID;
      case EXPIRED -> CheckCode.EXPIRED;
    };
  }

  /** Proven wrong: FAIL; could not be decided now (documents unobtainable, a suite or context not held): INCONCLUSIVE. */
  static Outcome outcome(ProofFailure failure) {
    return switch (failure) {
      case ISSUER_KEYS_UNAVAILABLE, SUITE_UNSUPPORTED, CONTEXT_UNAVAILABLE -> Outcome.INCONCLUSIVE;
      case MALFORMED, ALGORITHM_REFUSED, PURPOSE_MISMATCH, KEY_MISSING, KEY_UNUSABLE, KEY_NOT_BOUND,
          ALGORITHM_MISMATCH, SIGNATURE_INVALID, DISCLOSED_STATEMENT_INVALID, DISCLOSURE_MISMATCH, DOCUMENT_ALTERED, CLAIMS_MISMATCH, CLAIM_MISSING,
          NOT_YET_VALID, EXPIRED, PROOF_NOT_YET_VALID, PROOF_EXPIRED, PAYLOAD_MISMATCH -> Outcome.FAIL;
    };
  }

  /** Verifies a VC-JWT; true when it verified. */
  boolean vcJwt(String compact, JsonNode credential, String target) {
    VcJwt.Verified verified;
    try {
      verified = v.verifier.vcJwt().verify(compact);
    } catch (ProofVerificationException e) {
      failure(e, target, issuerOf(credential));
      return false;
    }
    BoundKey bound = verified.boundKey().orElseThrow();
    r.add(Outcome.PASS, CheckCode.PROOF, target, "PROOF.jwt", verified.verificationMethod().keyType() == null ? "?"
        : io.github.insignia.openbadges.signing.jose.JwsAlgorithm.forKeyType(verified.verificationMethod().keyType()).name(),
        verified.verificationMethod().id());
    binding(bound, target);
    r.add(Outcome.PASS, CheckCode.JWT_CLAIMS, target, "JWT_CLAIMS.ok");
    return true;
  }

  /** Verifies every Data Integrity proof (a proof set: one bad proof fails the credential); true when all verified. */
  boolean dataIntegrity(JsonNode credential, String target) {
    DataIntegrity.Verified verified;
    try {
      verified = v.verifier.dataIntegrityVerifier().verify(credential);
    } catch (ProofVerificationException e) {
      failure(e, target, issuerOf(credential));
      return false;
    }
    for (DataIntegrity.VerifiedProof proof : verified.proofs()) {
      String label = proof.cryptosuite().cryptosuiteName().orElse(proof.cryptosuite().proofType());
      r.add(Outcome.PASS, CheckCode.PROOF, target, "PROOF.di", label, proof.verificationMethod().id());
      proof.boundKey().ifPresent(b -> binding(b, target));
      if (proof.cryptosuite().warningCode().isPresent()) {
        r.add(Outcome.WARNING, CheckCode.PROOF_LEGACY_SUITE, target, "PROOF_LEGACY_SUITE", label);
      }
    }
    return true;
  }

  /** Verifies an OB 2.0 signed assertion of {@code issuerId}; true when it verified. */
  boolean ob2(String compact, String issuerId, String target) {
    Ob2Jws.Verified verified;
    try {
      verified = v.verifier.ob2Jws().verify(compact, issuerId);
    } catch (ProofVerificationException e) {
      failure(e, target, issuerId);
      return false;
    }
    r.add(Outcome.PASS, CheckCode.PROOF, target, "PROOF.jws",
        verified.algorithm().name(), verified.keyId());
    verified.boundKey().ifPresent(b -> binding(b, target));
    return true;
  }

  void binding(BoundKey bound, String target) {
    if (bound.authenticatesIssuer()) {
      r.add(Outcome.PASS, CheckCode.KEY_BINDING, target, "KEY_BINDING", bound.id(), bound.issuerId(), bound.describe());
    } else {
      r.add(Outcome.WARNING, CheckCode.KEY_BINDING, target, "KEY_BINDING.unbound", bound.id(),
          bound.issuerId().isEmpty() ? "—" : bound.issuerId());
    }
  }

  /** Records a failure: its check, and for unobtainable issuer documents the fetch problem too. */
  void failure(ProofVerificationException e, String target, String issuerId) {
    ProofFailure failure = e.failure();
    CheckCode code = code(failure);
    Outcome outcome = outcome(failure);
    String who = issuerId == null || issuerId.isEmpty() ? "—" : issuerId;
    switch (failure) {
      case ISSUER_KEYS_UNAVAILABLE -> {
        // The verdict's root cause is the first inconclusive check: the missing issuer document
        // (named, with why), then the precise fetch problem behind it.
        String document = e.missingDocument().map(Object::toString).orElse(who);
        String why = e.getCause() instanceof FetchException fetch ? fetch.problem().code() : e.getMessage();
        r.add(outcome, code, target, code.name(), who, document, why);
        if (e.getCause() instanceof FetchException fetch) {
          v.fetchFailure(fetch, Outcome.INCONCLUSIVE);
        }
      }
      case KEY_NOT_BOUND -> r.add(outcome, code, target, "KEY_NOT_BOUND_TO_ISSUER.detail", who, e.getMessage());
      case SUITE_UNSUPPORTED -> r.add(outcome, code, target, "PROOF_UNSUPPORTED", e.getMessage());
      case CONTEXT_UNAVAILABLE -> r.add(outcome, code, target, "PROOF_UNSUPPORTED.context", e.getMessage());
      case DOCUMENT_ALTERED -> r.add(outcome, code, target, "PROOF_INVALID.canonical", e.code(), e.getMessage());
      case KEY_UNUSABLE -> r.add(outcome, code, target, "KEY_RESOLUTION", "—", e.getMessage());
      case CLAIMS_MISMATCH, CLAIM_MISSING -> r.add(outcome, code, target, "JWT_CLAIMS", e.getMessage());
      case NOT_YET_VALID, EXPIRED -> r.add(outcome, code, target, "VALIDITY_PERIOD.jwt", e.getMessage());
      case SIGNATURE_INVALID, PROOF_NOT_YET_VALID, PROOF_EXPIRED, PAYLOAD_MISMATCH ->
          r.add(outcome, code, target, "PROOF_INVALID.detail", e.getMessage());
      case DISCLOSED_STATEMENT_INVALID, DISCLOSURE_MISMATCH ->
          r.add(outcome, code, target, "PROOF_INVALID.disclosure", e.code(), e.getMessage());
      case MALFORMED, ALGORITHM_REFUSED, PURPOSE_MISMATCH, KEY_MISSING, ALGORITHM_MISMATCH ->
          r.add(outcome, code, target, "PROOF_MALFORMED", e.getMessage());
    }
  }

  /** The JWT registered claims (RFC 7519 §4.1) a VC-JWT may put beside the credential's members. */
  private static final java.util.Set<String> JWT_CLAIMS = java.util.Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti");

  /** A copy of a VC-JWT payload's credential without the JWT registered claims. */
  static JsonNode withoutJwtClaims(com.fasterxml.jackson.databind.node.ObjectNode credential) {
    com.fasterxml.jackson.databind.node.ObjectNode copy = credential.deepCopy();
    copy.remove(JWT_CLAIMS);
    return copy;
  }

  static String issuerOf(JsonNode credential) {
    return credential == null ? "" : JsonNodes.idOf(credential.get("issuer")).orElse("");
  }

  static Optional<String> text(JsonNode node, String member) {
    return JsonNodes.text(node, member);
  }
}
