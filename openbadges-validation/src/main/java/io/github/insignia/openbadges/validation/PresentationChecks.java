package io.github.insignia.openbadges.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.DocumentKind;
import io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity;
import io.github.insignia.openbadges.signing.jose.CompactJws;
import io.github.insignia.openbadges.signing.jose.VpJwt;
import io.github.insignia.openbadges.signing.verify.ProofVerificationException;
import io.github.insignia.openbadges.validation.internal.JsonNodes;
import io.github.insignia.openbadges.validation.internal.Messages;
import java.util.List;

/**
 * A Verifiable Presentation (a wallet's export): the holder's proof is judged by the signing module
 * (Data Integrity with {@code authentication}, or a presentation JWT), with the platform's challenge
 * and domain; each credential inside is verified on its own, through the normal path, as a part of
 * the report with its own verdict. The presentation is VALID only when the holder's proof verifies
 * and every credential inside is VALID: a platform that reads the top-level verdict alone must never
 * import a forged badge because a stranger's wallet signed the envelope (anyone can make a holder
 * key). A credential that is INVALID makes the presentation INVALID, one that cannot be decided makes
 * it INDETERMINATE; "which of these badges can I import" is answered by the parts whose verdict is
 * VALID.
 */
final class PresentationChecks {
  private static final int MAX_CREDENTIALS = 1000;
  private static final String ENVELOPED_JWT = "data:application/vc+jwt,";
  /** VC-JOSE-COSE envelopes of formats this verifier does not implement: cannot tell, never passed. */
  private static final List<String> ENVELOPED_UNSUPPORTED = List.of("data:application/vc+sd-jwt", "data:application/vc+cose");

  private final Verification v;
  private final ReportBuilder r;

  PresentationChecks(Verification verification) {
    this.v = verification;
    this.r = verification.report;
  }

  /** Whether JSON is a presentation. */
  static boolean isPresentation(JsonNode json) {
    return json != null && json.isObject() && JsonNodes.hasType(json, "VerifiablePresentation");
  }

  /** A presentation secured with embedded Data Integrity proofs (or none). */
  void dataIntegrity(JsonNode vp) {
    detected();
    String holder = ProofChecks.issuerOf(holderAsIssuer(vp));
    try {
      DataIntegrity.Verified verified = v.verifier.dataIntegrityVerifier().verifyPresentation(vp, v.challenge, v.domain);
      for (DataIntegrity.VerifiedProof proof : verified.proofs()) {
        String label = proof.cryptosuite().cryptosuiteName().orElse(proof.cryptosuite().proofType());
        r.add(Outcome.PASS, CheckCode.PROOF, "/proof", "PROOF.vp", label, proof.verificationMethod().id());
        proof.boundKey().ifPresent(b -> new ProofChecks(v).binding(b, "/proof"));
      }
    } catch (ProofVerificationException e) {
      new ProofChecks(v).failure(e, "/proof", holder);
    }
    credentials(vp);
  }

  /** A presentation JWT ({@code vp+jwt}, or a VC-JWT with a {@code vp} claim). */
  void jwt(String compact, JsonNode payload) {
    detected();
    JsonNode vp = payload.has("vp") ? payload.get("vp") : payload;
    try {
      VpJwt.Verified verified = v.verifier.vpJwt().verify(compact, v.challenge, v.domain);
      r.add(Outcome.PASS, CheckCode.PROOF, "", "PROOF.vp", verified.vcJoseCose() ? "vp+jwt" : "JWT",
          verified.boundKey().id());
      new ProofChecks(v).binding(verified.boundKey(), "");
      vp = verified.presentation();
    } catch (ProofVerificationException e) {
      new ProofChecks(v).failure(e, "", ProofChecks.issuerOf(holderAsIssuer(vp)));
    }
    credentials(vp);
  }

  private void detected() {
    r.kind(DocumentKind.VERIFIABLE_PRESENTATION);
    r.add(Outcome.PASS, CheckCode.INPUT_DETECTED, "", "INPUT_DETECTED.vp");
  }

  private static JsonNode holderAsIssuer(JsonNode vp) {
    com.fasterxml.jackson.databind.node.ObjectNode wrapper = SafeJson.nodeFactory().objectNode();
    if (vp != null && vp.has("holder")) {
      wrapper.set("issuer", vp.get("holder"));
    }
    return wrapper;
  }

  /**
   * Each credential verified on its own, as its issuer's, for the learner the platform asked for:
   * an object (embedded proof), a compact JWT string, or a VCDM 2.0 {@code
   * EnvelopedVerifiableCredential} ({@code data:application/vc+jwt,…}).
   */
  private void credentials(JsonNode vp) {
    List<JsonNode> items = vp == null || !vp.isObject() ? List.of() : JsonNodes.items(vp, "verifiableCredential");
    String base = "/verifiableCredential";
    if (v.depth >= v.options.maxEndorsementDepth()) {
      if (!items.isEmpty()) {
        r.add(Outcome.INCONCLUSIVE, CheckCode.PRESENTATION_CREDENTIAL_INVALID, base, "PRESENTATION_CREDENTIAL_INVALID.depth", items.size());
      }
      return;
    }
    for (int i = 0; i < Math.min(items.size(), MAX_CREDENTIALS); i++) {
      JsonNode item = items.get(i);
      String target = JsonNodes.pointer(base, i);
      String input;
      if (item.isObject() && JsonNodes.hasType(item, "EnvelopedVerifiableCredential")) {
        // VC 2.0: the credential is the JWT in the id's data: URL, and nothing else (not another
        // data: URL, not JSON under a JWT media type, not a URL to fetch).
        String id = item.path("id").asText("");
        String lower = id.length() > 40 ? id.substring(0, 40).toLowerCase(java.util.Locale.ROOT) : id.toLowerCase(java.util.Locale.ROOT);
        if (ENVELOPED_UNSUPPORTED.stream().anyMatch(lower::startsWith)) {
          r.add(Outcome.INCONCLUSIVE, CheckCode.PRESENTATION_CREDENTIAL_INVALID, target,
              "PRESENTATION_CREDENTIAL_INVALID.envelopeUnsupported", i + 1, Verification.abbreviate(id));
          continue;
        }
        String jwt = lower.startsWith(ENVELOPED_JWT) ? id.substring(ENVELOPED_JWT.length()) : null;
        if (jwt == null || !CompactJws.looksLike(jwt)) {
          r.add(Outcome.FAIL, CheckCode.PRESENTATION_CREDENTIAL_INVALID, target,
              "PRESENTATION_CREDENTIAL_INVALID.envelope", i + 1, Verification.abbreviate(id));
          continue;
        }
        input = jwt;
      } else if (item.isTextual()) {
        // VC 1.1 JWT style: a bare compact JWT is verified as its JWT; any other string (a URL, a
        // data: URI) is not a credential a presentation may carry by value.
        if (!CompactJws.looksLike(item.asText().strip())) {
          r.add(Outcome.FAIL, CheckCode.PRESENTATION_CREDENTIAL_INVALID, target,
              "PRESENTATION_CREDENTIAL_INVALID.envelope", i + 1, Verification.abbreviate(item.asText()));
          continue;
        }
        input = item.asText();
      } else {
        input = SafeJson.write(item);
      }
      VerificationReport part = v.verifier.verifyNested(input, v.depth + 1, v.recipients);
      r.part(part);
      if (part.verdict() == Verdict.VALID) {
        r.add(Outcome.PASS, CheckCode.PRESENTATION_CREDENTIAL, target, "PRESENTATION_CREDENTIAL", i + 1,
            new Messages.Key("kind." + part.kind().map(Enum::name).orElse("CREDENTIAL")));
      } else {
        Check cause = part.rootCause().orElse(null);
        // Could not check is never passed: an undecided credential leaves the presentation undecided.
        Outcome outcome = part.verdict() == Verdict.INDETERMINATE ? Outcome.INCONCLUSIVE : Outcome.FAIL;
        r.add(outcome, CheckCode.PRESENTATION_CREDENTIAL_INVALID, target, "PRESENTATION_CREDENTIAL_INVALID", i + 1,
            part.verdict().name(), cause == null ? "—" : new Messages.Key(cause.messageKey(), cause.arguments()));
      }
    }
    if (items.size() > MAX_CREDENTIALS) {
      r.add(Outcome.INCONCLUSIVE, CheckCode.PRESENTATION_CREDENTIAL_INVALID, base, "PRESENTATION_CREDENTIAL_INVALID.tooMany",
          items.size() - MAX_CREDENTIALS);
    }
  }
}
