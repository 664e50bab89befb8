package io.github.insignia.openbadges.validation;

import static io.github.insignia.openbadges.validation.Fixtures.json;
import static io.github.insignia.openbadges.validation.Ob3VerificationTest.rootCause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.DocumentKind;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A CLR 2.0 transcript (its own proof, then each credential on its own) and any other VC. */
class ClrAndVcTest {
  private final VerificationOptions options = VerificationOptions.builder().offline(true)
      .at(Instant.parse("2026-06-01T00:00:00Z")).build();

  private VerificationReport verify(String input) {
    return BadgeVerifier.create(options).verify(input);
  }

  private static ObjectNode plainVc() {
    return json("""
        {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": "urn:uuid:7a1b5c8e-2f0d-4e33-9a6b-1c2d3e4f5a6b",
         "type": ["VerifiableCredential"], "issuer": "%s", "validFrom": "2025-01-01T00:00:00Z",
         "name": "Bachelor of Robotics", "credentialSubject": {"id": "did:example:learner"}}
        """.formatted(Fixtures.ED.publicKey().didKey()));
  }

  @Test
  void anyOtherVerifiableCredentialIsCheckedForProofDatesAndStatus() {
    VerificationReport r = verify(SafeJson.write(Fixtures.signDi(plainVc(), Fixtures.ED)));
    assertEquals(Verdict.VALID, r.verdict(), r::toJson);
    assertEquals(DocumentKind.VERIFIABLE_CREDENTIAL, r.kind().orElseThrow());
    assertTrue(r.version().isEmpty(), "a VC is not an Open Badge of any version");
    assertTrue(r.find(CheckCode.INPUT_DETECTED).orElseThrow().message(Locale.forLanguageTag("es")).contains("credencial verificable"));

    ObjectNode tampered = Fixtures.signDi(plainVc(), Fixtures.ED);
    tampered.put("name", "Doctor of Robotics");
    assertEquals(CheckCode.PROOF_INVALID, rootCause(verify(SafeJson.write(tampered))));
    assertEquals(CheckCode.PROOF_MISSING, rootCause(verify(SafeJson.write(plainVc()))));
    ObjectNode expired = plainVc().put("validUntil", "2025-06-01T00:00:00Z");
    assertEquals(CheckCode.EXPIRED, rootCause(verify(SafeJson.write(Fixtures.signDi(expired, Fixtures.ED)))));
    // As a VC-JWT too.
    ObjectNode issuerObject = plainVc();
    issuerObject.set("issuer", json("{\"id\": \"" + Fixtures.ED.publicKey().didKey() + "\"}"));
    VerificationReport jwt = verify(Fixtures.vcJwt(issuerObject, Fixtures.ED));
    assertEquals(Verdict.VALID, jwt.verdict(), jwt::toJson);
    assertEquals(DocumentKind.VERIFIABLE_CREDENTIAL, jwt.kind().orElseThrow());
    // An importing platform that takes awards refuses it.
    VerificationReport refused = BadgeVerifier.create(options.toBuilder().expectAward().build())
        .verify(SafeJson.write(Fixtures.signDi(plainVc(), Fixtures.ED)));
    assertEquals(CheckCode.INPUT_NOT_AN_AWARD, rootCause(refused));
  }

  private static ObjectNode clr(Object... credentials) {
    ObjectNode clr = json("""
        {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
                      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
         "id": "urn:uuid:0b6d3f57-8a43-4bde-9a2f-5c1e7d9b3a21", "type": ["VerifiableCredential", "ClrCredential"],
         "issuer": {"id": "%s", "type": ["Profile"], "name": "Example University"},
         "validFrom": "2025-01-01T00:00:00Z", "name": "Transcript",
         "credentialSubject": {"type": ["ClrSubject"], "id": "did:example:learner"}}
        """.formatted(Fixtures.ED.publicKey().didKey()));
    var list = ((ObjectNode) clr.get("credentialSubject")).putArray("verifiableCredential");
    for (Object c : credentials) {
      if (c instanceof String s) {
        list.add(s);
      } else {
        list.add((ObjectNode) c);
      }
    }
    return clr;
  }

  @Test
  void aClrIsVerifiedThenEachCredentialInsideItOnItsOwn() {
    ObjectNode genuine = Fixtures.signDi(Fixtures.ob3(), Fixtures.ED);
    ObjectNode forged = Fixtures.signDi(Fixtures.ob3(), Fixtures.ED);
    forged.put("name", "Forged");
    String asJwt = Fixtures.vcJwt(Fixtures.ob3(), Fixtures.ED);
    VerificationReport r = verify(Fixtures.vcJwt(clr(genuine, forged, asJwt), Fixtures.ED));
    assertEquals(Verdict.VALID, r.verdict(), r::toJson);
    assertEquals(DocumentKind.CLR_CREDENTIAL, r.kind().orElseThrow());
    assertEquals(3, r.parts().size());
    assertEquals(Verdict.VALID, r.parts().get(0).verdict());
    assertEquals(DocumentKind.CREDENTIAL, r.parts().get(0).kind().orElseThrow());
    assertEquals(Verdict.INVALID, r.parts().get(1).verdict());
    assertEquals(Verdict.VALID, r.parts().get(2).verdict(), () -> r.parts().get(2).toJson());
    // The forged part is a warning on the transcript, never shown as verified.
    Check warning = r.find(CheckCode.CLR_PART_INVALID).orElseThrow();
    assertEquals(Outcome.WARNING, warning.outcome());
    assertEquals("/credentialSubject/verifiableCredential/1", warning.target());
    assertTrue(warning.message(Locale.forLanguageTag("es")).contains("no debe mostrarse como verificada"));
    assertEquals(3, r.toJsonNode().get("parts").size());
    assertEquals(2, r.checks(Outcome.PASS).stream().filter(c -> c.code() == CheckCode.CLR_PART).count());

    // The transcript's own proof decides its verdict.
    String token = Fixtures.vcJwt(clr(genuine), Fixtures.OTHER_ED);
    VerificationReport stranger = verify(token);
    assertFalse(stranger.valid(), stranger::toJson);
    // A CLR without its context is not what it claims.
    ObjectNode noContext = clr(genuine);
    ((com.fasterxml.jackson.databind.node.ArrayNode) noContext.get("@context")).remove(1);
    assertEquals(CheckCode.OB3_CONTEXT, rootCause(verify(Fixtures.vcJwt(noContext, Fixtures.ED))));
  }
}
