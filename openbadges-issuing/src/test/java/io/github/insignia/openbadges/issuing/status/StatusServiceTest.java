package io.github.insignia.openbadges.issuing.status;

import io.github.insignia.openbadges.issuing.IssuingErrorCode;
import io.github.insignia.openbadges.model.status.BitstringStatusList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.json.SafeJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class StatusServiceTest {
  private static final String ISSUER = "https://school.example/issuer";
  private static final String BASE = "https://school.example/status/";

  private static StatusService service(StatusListStore store, int capacity) {
    return StatusService.builder(ISSUER, BASE, store)
        .listCapacity(capacity)
        .oneEdTechRevocationListUrl("https://school.example/revocations")
        .ob2RevocationListUrl("https://school.example/ob2/revocations")
        .ob2AssertionIds(id -> "https://school.example/assertions/" + id.substring("urn:uuid:".length()))
        .build();
  }

  @Test
  void entryHasTheSpecShape() {
    StatusService status = service(StatusListStore.inMemory(), 131_072);
    ObjectNode entry = status.bitstringEntry("urn:uuid:1", RecipientKeys.of("a@example.com"));
    assertEquals("BitstringStatusListEntry", entry.get("type").asText());
    assertEquals("revocation", entry.get("statusPurpose").asText());
    assertEquals("0", entry.get("statusListIndex").asText());
    assertEquals(BASE + "0", entry.get("statusListCredential").asText());
    assertEquals(BASE + "0#0", entry.get("id").asText());
    assertEquals(entry, status.bitstringEntry("urn:uuid:1", RecipientKeys.of("a@example.com")), "idempotent");
  }

  @Test
  void rollsOverToANewListAndNeverReusesAnIndex() {
    StatusService status = service(StatusListStore.inMemory(), 3);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      ObjectNode e = status.bitstringEntry("urn:uuid:" + i, "k");
      assertTrue(seen.add(e.get("id").asText()), "slot reused: " + e);
    }
    assertEquals(4, status.listCount());
    assertEquals(BASE + "3", status.bitstringEntry("urn:uuid:9", "k").get("statusListCredential").asText());
    // the published bitstring is still full size
    assertEquals(131_072, status.bitstring(3).length());
  }

  @Test
  void concurrentAssignmentsGetDistinctSlots() throws Exception {
    StatusService status = service(StatusListStore.inMemory(), 1000);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    Set<StatusSlot> slots = ConcurrentHashMap.newKeySet();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 2500; i++) {
                  slots.add(status.assign("urn:uuid:" + thread + "-" + i, "k" + i).slot());
                  status.assign("urn:uuid:" + thread + "-" + i, "k" + i); // retry: same slot
                }
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    assertEquals(10_000, slots.size());
    assertEquals(10, status.listCount());
  }

  @Test
  void revocationFlipsTheBitInTheListCredential() {
    StatusService status = service(StatusListStore.inMemory(), 131_072);
    status.bitstringEntry("urn:uuid:a", "k1");
    ObjectNode entry = status.bitstringEntry("urn:uuid:b", "k2");
    int index = Integer.parseInt(entry.get("statusListIndex").asText());
    JsonNode before = status.statusListCredential(0);
    assertFalse(decode(before).get(index));
    assertTrue(status.revoke("urn:uuid:b", "issued in error"));
    assertFalse(status.revoke("urn:uuid:b", "again"), "revocation is recorded once");
    JsonNode after = status.statusListCredential(0);
    assertTrue(decode(after).get(index));
    assertFalse(decode(after).get(0));
    assertEquals("issued in error", status.revocation("urn:uuid:b").orElseThrow().reason());

    assertEquals(List.of("VerifiableCredential", "BitstringStatusListCredential"), texts(after.get("type")));
    assertEquals(StatusService.VC_V2_CONTEXT, after.get("@context").get(0).asText());
    assertEquals(BASE + "0", after.get("id").asText());
    assertEquals(ISSUER, after.get("issuer").asText());
    assertEquals("BitstringStatusList", after.at("/credentialSubject/type").asText());
    assertEquals("revocation", after.at("/credentialSubject/statusPurpose").asText());
  }

  @Test
  void revokesEveryBadgeOfARecipient() {
    StatusService status = service(StatusListStore.inMemory(), 131_072);
    status.bitstringEntry("urn:uuid:1", RecipientKeys.of("Ana@Example.com "));
    status.oneEdTechEntry("urn:uuid:2", RecipientKeys.of("ana@example.com"));
    status.bitstringEntry("urn:uuid:3", RecipientKeys.of("bob@example.com"));
    List<String> revoked = status.revokeRecipient("  ANA@example.com", "account deleted");
    assertEquals(List.of("urn:uuid:1", "urn:uuid:2"), revoked);
    assertFalse(status.isRevoked("urn:uuid:3"));
    assertEquals(List.of(), status.revokeRecipient("ana@example.com", "again"));

    ObjectNode oneEdTech = status.oneEdTechRevocationList();
    assertEquals("1EdTechRevocationList", oneEdTech.get("type").asText());
    assertEquals(2, oneEdTech.get("revokedCredential").size());
    assertEquals("account deleted", oneEdTech.at("/revokedCredential/0/revocationReason").asText());
    assertTrue(oneEdTech.at("/revokedCredential/1/revoked").asBoolean());

    ObjectNode ob2 = status.ob2RevocationList();
    assertEquals("RevocationList", ob2.get("type").asText());
    assertEquals("urn:uuid:1", ob2.at("/revokedAssertions/0/id").asText());
    assertEquals("https://school.example/assertions/1", ob2.at("/revokedAssertions/1/id").asText());
  }

  @Test
  void hostedAssertionAnswersGoneOnceRevoked() {
    StatusService status = service(StatusListStore.inMemory(), 131_072);
    ObjectNode assertion = SafeJson.nodeFactory().objectNode().put("id", "https://school.example/assertions/7").put("type", "Assertion");
    assertEquals(200, status.hostedAssertion("urn:uuid:7", assertion).status());
    status.revoke("urn:uuid:7", "fraud");
    HostedAnswer gone = status.hostedAssertion("urn:uuid:7", assertion);
    assertEquals(410, gone.status());
    assertTrue(gone.revoked());
    JsonNode body = SafeJson.read(gone.body());
    assertTrue(body.get("revoked").asBoolean());
    assertEquals("fraud", body.get("revocationReason").asText());
    assertEquals("https://school.example/assertions/7", body.get("id").asText());
  }

  @Test
  void rejectsMisuse() {
    StatusService status = StatusService.builder(ISSUER, BASE, StatusListStore.inMemory()).build();
    assertEquals(IssuingErrorCode.STATUS_NOT_CONFIGURED, assertThrows(ConfigurationException.class, status::oneEdTechRevocationList).errorCode());
    assertEquals(IssuingErrorCode.STATUS_LIST_UNKNOWN, assertThrows(InvalidInputException.class, () -> status.statusListCredential(0)).errorCode());
    assertEquals(IssuingErrorCode.STATUS_REASON_INVALID, assertThrows(ConfigurationException.class, () -> status.revoke("x", " ")).errorCode());
    assertNotEquals(RecipientKeys.of("a@example.com"), RecipientKeys.of("b@example.com"));
    assertEquals(RecipientKeys.of("a@example.com"), RecipientKeys.of(" A@EXAMPLE.COM"));
  }

  static BitstringStatusList decode(JsonNode listCredential) {
    return BitstringStatusList.decode(listCredential.at("/credentialSubject/encodedList").asText(), 1 << 21);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
