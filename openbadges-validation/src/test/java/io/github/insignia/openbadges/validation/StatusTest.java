package io.github.insignia.openbadges.validation;

import static io.github.insignia.openbadges.validation.Fixtures.ED;
import static io.github.insignia.openbadges.validation.Fixtures.json;
import static io.github.insignia.openbadges.validation.Fixtures.ob3;
import static io.github.insignia.openbadges.validation.Fixtures.signDi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.ModelErrorCode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.validation.fetch.PreloadedResources;
import io.github.insignia.openbadges.validation.fetch.ResourceFetchers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StatusTest {
  static final String LIST = "https://status.example/lists/1";

  static String credentialWithEntry(String entry) {
    return credentialWithEntry(entry, null);
  }

  static String credentialWithEntry(String entry, String extraContext) {
    ObjectNode c = ob3();
    if (extraContext != null) {
      ((com.fasterxml.jackson.databind.node.ArrayNode) c.get("@context")).add(extraContext);
    }
    c.set("credentialStatus", json(entry));
    return SafeJson.write(signDi(c, ED));
  }

  static String bitstringEntry(String purpose, int index) {
    return """
        {"id": "%1$s#%3$d", "type": "BitstringStatusListEntry", "statusPurpose": "%2$s",
         "statusListIndex": "%3$d", "statusListCredential": "%1$s"}
        """.formatted(LIST, purpose, index);
  }

  static PreloadedResources listCredential(String purpose, int entries, int setIndex) {
    ObjectNode list = json("""
        {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": "%s",
         "type": ["VerifiableCredential", "BitstringStatusListCredential"], "issuer": "%s",
         "validFrom": "2025-01-01T00:00:00Z",
         "credentialSubject": {"id": "%1$s#list", "type": "BitstringStatusList", "statusPurpose": "%s",
                               "encodedList": "%s"}}
        """.formatted(LIST, ED.publicKey().didKey(), purpose, Fixtures.encodedList(entries, setIndex)));
    // Signed by the badge's issuer, as a real issuer publishes it: an unsigned list proves nothing.
    return PreloadedResources.builder().put(LIST, "application/vc+ld+json", SafeJson.write(signDi(list, ED)).getBytes(StandardCharsets.UTF_8)).build();
  }

  /** A 1EdTech revocation list as a VC-JWT of the badge's issuer, revoking {@code revoked}. */
  static PreloadedResources revocationList(String member, String revoked) {
    ObjectNode list = json("""
        {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": "%s",
         "type": ["VerifiableCredential", "1EdTechRevocationList"],
         "issuer": {"id": "%s", "type": ["Profile"]}, "validFrom": "2025-01-01T00:00:00Z",
         "%s": [{"id": "%s", "revocationReason": "cheating"}]}
        """.formatted(LIST, ED.publicKey().didKey(), member, revoked));
    return PreloadedResources.builder().put(LIST, "application/vc+jwt", Fixtures.vcJwt(list, ED).getBytes(StandardCharsets.UTF_8)).build();
  }

  static VerificationReport verify(String credential, PreloadedResources resources) {
    return BadgeVerifier.create(Ob3VerificationTest.OFFLINE.toBuilder().resources(resources).build()).verify(credential);
  }

  @Test
  void bitstringNotSetRevokedSuspended() {
    String c = credentialWithEntry(bitstringEntry("revocation", 42));
    VerificationReport ok = verify(c, listCredential("revocation", 131_072, 41));
    assertTrue(ok.valid(), ok::toJson);
    assertEquals(Outcome.PASS, ok.find(CheckCode.STATUS).orElseThrow().outcome());
    assertEquals(CheckCode.REVOKED, Ob3VerificationTest.rootCause(verify(c, listCredential("revocation", 131_072, 42))));
    String s = credentialWithEntry(bitstringEntry("suspension", 7));
    assertEquals(CheckCode.SUSPENDED, Ob3VerificationTest.rootCause(verify(s, listCredential("suspension", 131_072, 7))));
  }

  @Test
  void purposeMismatchShortListAndRange() {
    String c = credentialWithEntry(bitstringEntry("revocation", 42));
    assertEquals(CheckCode.STATUS_VERIFICATION_ERROR, Ob3VerificationTest.rootCause(verify(c, listCredential("suspension", 131_072, -1))));
    assertEquals(CheckCode.STATUS_LIST_LENGTH_ERROR, Ob3VerificationTest.rootCause(verify(c, listCredential("revocation", 1024, -1))));
    String far = credentialWithEntry(bitstringEntry("revocation", 200_000));
    assertEquals(CheckCode.STATUS_INDEX_OUT_OF_RANGE, Ob3VerificationTest.rootCause(verify(far, listCredential("revocation", 131_072, -1))));
    String bad = credentialWithEntry(bitstringEntry("revocation", 0).replace("\"0\"", "\"-3\""));
    assertEquals(CheckCode.STATUS_ENTRY_MALFORMED, Ob3VerificationTest.rootCause(verify(bad, listCredential("revocation", 131_072, -1))));
  }

  @Test
  void unreachableListLeavesTheVerdictIndeterminate() {
    // "Could not check" is never "not revoked": the verdict waits for the list.
    String c = credentialWithEntry(bitstringEntry("revocation", 42));
    VerificationReport r = verify(c, PreloadedResources.empty());
    assertEquals(Verdict.INDETERMINATE, r.verdict(), r::toJson);
    assertEquals(CheckCode.STATUS_RETRIEVAL_ERROR, Ob3VerificationTest.rootCause(r));
    assertEquals(Outcome.INCONCLUSIVE, r.find(CheckCode.STATUS_RETRIEVAL_ERROR).orElseThrow().outcome());
  }

  @Test
  void unsignedListLeavesTheVerdictIndeterminate() {
    String c = credentialWithEntry(bitstringEntry("revocation", 42));
    ObjectNode list = (ObjectNode) SafeJson.read(listCredential("revocation", 131_072, 42).fetch(java.net.URI.create(LIST)).body());
    list.remove("proof");
    VerificationReport r = verify(c, PreloadedResources.builder().put(LIST, "application/vc+ld+json",
        SafeJson.write(list).getBytes(StandardCharsets.UTF_8)).build());
    assertEquals(Verdict.INDETERMINATE, r.verdict(), r::toJson);
    assertEquals(CheckCode.STATUS_VERIFICATION_ERROR, Ob3VerificationTest.rootCause(r));
  }

  @Test
  void statusList2021() {
    String entry = """
        {"id": "%1$s#5", "type": "StatusList2021Entry", "statusPurpose": "revocation",
         "statusListIndex": "5", "statusListCredential": "%1$s"}
        """.formatted(LIST);
    ObjectNode list = json("""
        {"@context": ["https://www.w3.org/2018/credentials/v1", "https://w3id.org/vc/status-list/2021/v1",
                      "https://w3id.org/security/data-integrity/v2"],
         "id": "%s", "type": ["VerifiableCredential", "StatusList2021Credential"], "issuer": "%s",
         "issuanceDate": "2025-01-01T00:00:00Z",
         "credentialSubject": {"type": "StatusList2021", "statusPurpose": "revocation", "encodedList": "%s"}}
        """.formatted(LIST, ED.publicKey().didKey(), Fixtures.encodedList(16_384, 5).substring(1)));
    PreloadedResources map = PreloadedResources.builder().put(LIST, "application/json", SafeJson.write(signDi(list, ED)).getBytes(StandardCharsets.UTF_8)).build();
    assertEquals(CheckCode.REVOKED, Ob3VerificationTest.rootCause(verify(credentialWithEntry(entry, "https://w3id.org/vc/status-list/2021/v1"), map)));
  }

  @Test
  void oneEdTechRevocationListAcceptsBothArrayNames() {
    String entry = "{\"id\": \"" + LIST + "\", \"type\": \"1EdTechRevocationList\"}";
    String c = credentialWithEntry(entry, "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json");
    String id = json(c).get("id").asText();
    for (String member : new String[] {"revokedCredentials", "revokedCredential"}) {
      VerificationReport r = verify(c, revocationList(member, id));
      assertEquals(CheckCode.REVOKED, Ob3VerificationTest.rootCause(r), r::toJson);
      assertTrue(r.rootCause().orElseThrow().message().contains("cheating"));
    }
    VerificationReport clean = verify(c, revocationList("revokedCredentials", "urn:uuid:other"));
    assertTrue(clean.valid(), clean::toJson);
  }

  @Test
  void unknownStatusTypeIsAWarning() {
    ObjectNode c = ob3();
    c.set("credentialStatus", json("{\"id\":\"" + LIST + "\",\"type\":\"FancyStatus\"}"));
    VerificationReport r = verify(SafeJson.write(c), PreloadedResources.empty());
    assertEquals(Outcome.WARNING, r.find(CheckCode.STATUS_UNSUPPORTED).orElseThrow().outcome());
  }

  @Test
  void decompressionIsBounded() {
    String huge = Fixtures.encodedList(8 * 1024 * 1024, -1);
    assertEquals(ModelErrorCode.STATUS_LIST_TOO_LARGE,
        assertThrows(InvalidInputException.class, () -> StatusChecks.decodeList(huge, true, 512 * 1024)).errorCode());
    assertEquals(ModelErrorCode.STATUS_LIST_MALFORMED,
        assertThrows(InvalidInputException.class, () -> StatusChecks.decodeList("uAAAA", true, 1024)).errorCode());
  }

  @Test
  void aRememberedListVerificationNeverCoversOtherBytes() {
    // The verifier remembers a list that verified, by its exact bytes: a list altered later
    // (here: the revoked bit cleared without re-signing) is verified afresh and refused.
    java.util.concurrent.atomic.AtomicReference<PreloadedResources> served =
        new java.util.concurrent.atomic.AtomicReference<>(listCredential("revocation", 131_072, 42));
    BadgeVerifier verifier = BadgeVerifier.create(Ob3VerificationTest.OFFLINE.toBuilder().offline(false)
        .fetcher(url -> served.get().fetch(url)).build());
    String c = credentialWithEntry(bitstringEntry("revocation", 42));
    assertEquals(CheckCode.REVOKED, Ob3VerificationTest.rootCause(verifier.verify(c)));
    assertEquals(CheckCode.REVOKED, Ob3VerificationTest.rootCause(verifier.verify(c)));
    ObjectNode list = (ObjectNode) SafeJson.read(served.get().fetch(java.net.URI.create(LIST)).body());
    ((ObjectNode) list.get("credentialSubject")).put("encodedList", Fixtures.encodedList(131_072, -1));
    served.set(PreloadedResources.builder().put(LIST, "application/vc+ld+json", SafeJson.write(list).getBytes(StandardCharsets.UTF_8)).build());
    VerificationReport altered = verifier.verify(c);
    assertEquals(CheckCode.STATUS_VERIFICATION_ERROR, Ob3VerificationTest.rootCause(altered), altered::toJson);
  }

  @Test
  void statusListComesFromTheCache() {
    AtomicInteger fetches = new AtomicInteger();
    PreloadedResources list = listCredential("revocation", 131_072, -1);
    VerificationOptions options = Ob3VerificationTest.OFFLINE.toBuilder().offline(false)
        .fetcher(url -> {
          fetches.incrementAndGet();
          return list.fetch(url);
        })
        .cache(ResourceFetchers.inMemoryCache(16, Duration.ofMinutes(5), Clock.systemUTC()))
        .build();
    BadgeVerifier verifier = BadgeVerifier.create(options);
    String c = credentialWithEntry(bitstringEntry("revocation", 42));
    for (int i = 0; i < 3; i++) {
      assertTrue(verifier.verify(c).valid());
    }
    assertEquals(1, fetches.get());
  }
}
