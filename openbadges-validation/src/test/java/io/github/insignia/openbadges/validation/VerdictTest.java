package io.github.insignia.openbadges.validation;

import static io.github.insignia.openbadges.validation.Fixtures.ED;
import static io.github.insignia.openbadges.validation.Fixtures.json;
import static io.github.insignia.openbadges.validation.Fixtures.signDi;
import static io.github.insignia.openbadges.validation.Ob3VerificationTest.OFFLINE;
import static io.github.insignia.openbadges.validation.Ob3VerificationTest.VERIFIER;
import static io.github.insignia.openbadges.validation.Ob3VerificationTest.rootCause;
import static io.github.insignia.openbadges.validation.Ob3VerificationTest.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.validation.internal.Schemas;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Three questions, one verdict: the published OB 3.0 spec examples, signed by a test issuer,
 * authentic but imperfect (VALID with warnings) or structurally wrong (INVALID).
 */
class VerdictTest {
  static final Locale ES = Locale.forLanguageTag("es");

  /** A spec example, issued by the test key's did:key and signed after {@code edit}. */
  static String specExample(String name, Consumer<ObjectNode> edit) throws Exception {
    return specExample(name, edit, c -> { });
  }

  /** The same, then {@code afterSigning} (a change the proof does not cover, or breaks). */
  static String specExample(String name, Consumer<ObjectNode> edit, Consumer<ObjectNode> afterSigning) throws Exception {
    ObjectNode c = json(Files.readString(vector("ob3", "ob-spec-examples", name)));
    c.remove("proof");
    c.remove("credentialStatus");
    ((ObjectNode) c.get("issuer")).put("id", ED.publicKey().didKey());
    edit.accept(c);
    ObjectNode signed = signDi(c, ED);
    afterSigning.accept(signed);
    return SafeJson.write(signed);
  }

  static ObjectNode achievement(ObjectNode c) {
    return (ObjectNode) c.get("credentialSubject").get("achievement");
  }

  @Test
  void theSpecExampleAsIssuedIsValidWithoutWarnings() throws Exception {
    VerificationReport r = VERIFIER.verify(specExample("examples-basicOpenBadgeCredential-01.json", c -> { }));
    assertEquals(Verdict.VALID, r.verdict(), r::toJson);
    assertTrue(r.warnings().isEmpty(), r::toJson);
    assertTrue(r.summary().startsWith("VALID"));
  }

  @Test
  void authenticButImperfectIsValidWithWarnings() throws Exception {
    String noSubjectId = specExample("examples-basicOpenBadgeCredential-01.json",
        c -> ((ObjectNode) c.get("credentialSubject")).remove("id"));
    VerificationReport r = VERIFIER.verify(noSubjectId);
    assertEquals(Verdict.VALID, r.verdict(), r::toJson);
    assertEquals(CheckCode.OB3_SUBJECT_IDENTIFIER, r.warnings().get(0).code());
    assertTrue(r.summary().contains("1 warning"), r.summary());
    assertTrue(r.summary(ES).startsWith("VÁLIDA"), r.summary(ES));

    String odd = specExample("examples-basicOpenBadgeCredential-01.json", c -> achievement(c).put("achievementType", "Microcredential"));
    VerificationReport o = VERIFIER.verify(odd);
    assertEquals(Verdict.VALID, o.verdict(), o::toJson);
    Check w = o.warnings().stream().filter(c -> c.code() == CheckCode.OB3_SCHEMA).findFirst().orElseThrow(() -> new AssertionError(o.toJson()));
    assertEquals("/credentialSubject/achievement/achievementType", w.target());
    assertEquals(Question.CONFORMANT, w.question());
    assertTrue(w.message(ES).contains("aviso"), w.message(ES));
    // A published value and an ext: value are clean.
    assertTrue(VERIFIER.verify(specExample("examples-basicOpenBadgeCredential-01.json",
        c -> achievement(c).put("achievementType", "Certificate"))).warnings().isEmpty());
    assertTrue(VERIFIER.verify(specExample("examples-basicOpenBadgeCredential-01.json",
        c -> achievement(c).put("achievementType", "ext:Microcredential"))).warnings().isEmpty());
    // The alignment targetType is an open vocabulary too.
    VerificationReport aligned = VERIFIER.verify(specExample("examples-basicOpenBadgeCredential-01.json", c -> achievement(c)
        .set("alignment", json("{\"a\":[{\"type\":[\"Alignment\"],\"targetName\":\"x\",\"targetUrl\":\"https://example.org/x\","
            + "\"targetType\":\"Skill\"}]}").get("a"))));
    assertEquals(Verdict.VALID, aligned.verdict(), aligned::toJson);
  }

  @Test
  void strictTurnsConformanceWarningsIntoFailures() throws Exception {
    String odd = specExample("examples-basicOpenBadgeCredential-01.json", c -> achievement(c).put("achievementType", "Microcredential"));
    BadgeVerifier strict = BadgeVerifier.create(OFFLINE.toBuilder().strict(true).build());
    VerificationReport r = strict.verify(odd);
    assertEquals(Verdict.INVALID, r.verdict(), r::toJson);
    assertEquals(CheckCode.OB3_SCHEMA, rootCause(r));
    assertEquals(Question.CONFORMANT, r.rootCause().orElseThrow().question());
    // Strict leaves a clean badge alone.
    assertEquals(Verdict.VALID, strict.verify(specExample("examples-basicOpenBadgeCredential-01.json", c -> { })).verdict());
  }

  @Test
  void structurallyWrongStaysInvalid() throws Exception {
    String file = "examples-basicOpenBadgeCredential-01.json";
    VerificationReport wrongContext = VERIFIER.verify(specExample(file, c -> { }, c -> c.set("@context",
        json("{\"a\":[\"https://www.w3.org/ns/credentials/v2\",\"https://purl.imsglobal.org/spec/ob/v2p0/context.json\"]}").get("a"))));
    assertEquals(Verdict.INVALID, wrongContext.verdict());
    assertEquals(CheckCode.OB3_CONTEXT, rootCause(wrongContext));

    VerificationReport wrongType = VERIFIER.verify(specExample(file, c -> c.set("type", json("{\"a\":[\"VerifiableCredential\"]}").get("a"))));
    assertEquals(Verdict.INVALID, wrongType.verdict(), wrongType::toJson);

    VerificationReport nestedType = VERIFIER.verify(specExample(file, c -> { },
        c -> achievement(c).set("type", json("{\"a\":[\"Profile\"]}").get("a"))));
    assertEquals(Verdict.INVALID, nestedType.verdict(), nestedType::toJson);
    assertTrue(nestedType.checks(Outcome.FAIL).stream().anyMatch(ch -> ch.target().startsWith("/credentialSubject/achievement")),
        nestedType::toJson);

    VerificationReport missing = VERIFIER.verify(specExample(file, c -> achievement(c).remove("name")));
    assertEquals(Verdict.INVALID, missing.verdict(), missing::toJson);
    assertEquals(CheckCode.OB3_SCHEMA, rootCause(missing));

    VerificationReport wrongJsonType = VERIFIER.verify(specExample(file, c -> achievement(c).put("achievementType", 7)));
    assertEquals(Verdict.INVALID, wrongJsonType.verdict(), wrongJsonType::toJson);

    VerificationReport badDate = VERIFIER.verify(specExample(file, c -> c.put("validFrom", "2010-01-01")));
    assertEquals(Verdict.INVALID, badDate.verdict(), badDate::toJson);

    VerificationReport order = VERIFIER.verify(specExample(file, c -> c.put("validUntil", "2009-01-01T00:00:00Z")));
    assertEquals(Verdict.INVALID, order.verdict(), order::toJson);
  }

  @Test
  void schemaProblemsAreClassifiedByKeywordAndMember() {
    assertTrue(new Schemas.Problem("/credentialSubject/achievement/achievementType", "m", "anyOf").openVocabulary());
    assertTrue(new Schemas.Problem("/credentialSubject/achievement/alignment/0/targetType", "m", "enum").openVocabulary());
    assertFalse(new Schemas.Problem("/credentialSubject/achievement/achievementType", "m", "type").openVocabulary());
    assertFalse(new Schemas.Problem("/credentialSubject/achievement", "m", "required").openVocabulary());
    assertFalse(new Schemas.Problem("/type", "m", "enum").openVocabulary());
  }

  @Test
  void everyCodeAnswersAQuestionAndChecksAreGrouped() throws Exception {
    Set<Question> seen = EnumSet.noneOf(Question.class);
    for (CheckCode code : CheckCode.values()) {
      seen.add(code.question());
    }
    assertEquals(EnumSet.allOf(Question.class), seen);
    assertEquals(Question.AUTHENTIC, CheckCode.PROOF.question());
    assertEquals(Question.CURRENT, CheckCode.REVOKED.question());
    assertEquals(Question.CONFORMANT, CheckCode.OB3_SCHEMA.question());
    VerificationReport r = VERIFIER.verify(specExample("examples-basicOpenBadgeCredential-01.json", c -> { }));
    assertTrue(r.checks(Question.AUTHENTIC).stream().anyMatch(c -> c.code() == CheckCode.PROOF));
    assertTrue(r.checks(Question.CURRENT).stream().anyMatch(c -> c.code() == CheckCode.VALIDITY_PERIOD));
    assertTrue(r.checks(Question.CONFORMANT).stream().anyMatch(c -> c.code() == CheckCode.OB3_SCHEMA));
    assertEquals("¿Auténtica?", Question.AUTHENTIC.label(ES));
    assertEquals("Conformant?", Question.CONFORMANT.label(Locale.ENGLISH));
  }

  @Test
  void nothingCheckedIsInvalidAndAnInconclusiveInputIsIndeterminate() {
    assertEquals(Verdict.INVALID, VERIFIER.verify("not a badge").verdict());
    VerificationReport r = VERIFIER.verify("https://badges.example.org/assertions/1");
    assertEquals(Verdict.INDETERMINATE, r.verdict(), r::toJson);
    assertEquals(CheckCode.FETCH_NOT_AVAILABLE_OFFLINE, rootCause(r));
    assertEquals(Question.INPUT, r.rootCause().orElseThrow().question());
    assertTrue(r.summary(ES).startsWith("INDETERMINADA"), r.summary(ES));
    assertTrue(r.summary().contains("https://badges.example.org/assertions/1"), r.summary());
  }
}
