package io.github.insignia.openbadges.wallet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyResolutionException;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity;
import io.github.insignia.openbadges.signing.dataintegrity.ProofOptions;
import io.github.insignia.openbadges.signing.keys.KeyDocuments;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.signing.verify.IssuerKeys;
import io.github.insignia.openbadges.signing.verify.VerificationPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The VC-API DID authentication goes through the one judge's presentation verifier: the holder's key
 * must be listed for AUTHENTICATION (a did:web key only under assertionMethod does not authenticate).
 */
class HolderProofsTest {
  static final SigningKey HOLDER = SigningKey.generate(KeyType.ED25519);
  static final DataIntegrity DI = DataIntegrity.create();
  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  static final String DID = "did:web:wallet.example:alice";
  static final String VM = DID + "#key-1";

  final Map<String, String> web = new HashMap<>();
  final HolderProofs proofs = new HolderProofs(IssuerKeys.create(url -> {
    String doc = web.get(url.toString());
    if (doc == null) {
      throw new KeyResolutionException(SigningErrorCode.KEY_FETCH_FAILED, "404 " + url);
    }
    return doc.getBytes(StandardCharsets.UTF_8);
  }), VerificationPolicy.defaults());

  static ObjectNode presentation(String holder, SigningKey key, String vm) {
    ObjectNode vp = SafeJson.read("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
        + "\"type\":[\"VerifiablePresentation\"]}").deepCopy();
    vp.put("holder", holder);
    return DI.sign(vp, key, ProofOptions.builder(vm).proofPurpose("authentication").created(NOW)
        .challenge("c-1").domain("issuer.example").build());
  }

  void publish(String member) {
    ObjectNode doc = SafeJson.read("{\"@context\":[\"https://www.w3.org/ns/did/v1\"]}").deepCopy();
    doc.put("id", DID);
    doc.putArray("verificationMethod").add(KeyDocuments.multikeyDocument(VM, DID, HOLDER.publicKey()));
    doc.putArray(member).add(VM);
    web.put("https://wallet.example/alice/did.json", SafeJson.write(doc));
  }

  String check(ObjectNode vp) throws HolderProofs.Refused {
    return proofs.checkPresentation(vp, "c-1", "issuer.example", DI, NOW);
  }

  @Test
  void aDidKeyHolderAuthenticatesWithItsOwnKeyOnly() throws Exception {
    String did = HOLDER.publicKey().didKey();
    assertEquals(did, check(presentation(did, HOLDER, HOLDER.publicKey().didKeyVerificationMethod())));
    SigningKey thief = SigningKey.generate(KeyType.ED25519);
    assertThrows(HolderProofs.Refused.class, () -> check(presentation(did, thief, thief.publicKey().didKeyVerificationMethod())));
    assertThrows(HolderProofs.Refused.class, () -> proofs.checkPresentation(
        presentation(did, HOLDER, HOLDER.publicKey().didKeyVerificationMethod()), "c-2", "issuer.example", DI, NOW));
  }

  @Test
  void aDidWebHolderKeyMustBeListedForAuthentication() throws Exception {
    ObjectNode vp = presentation(DID, HOLDER, VM);
    publish("authentication");
    assertEquals(DID, check(vp));
    HolderProofsTest other = new HolderProofsTest();
    other.publish("assertionMethod");
    HolderProofs.Refused refused = assertThrows(HolderProofs.Refused.class, () -> other.check(vp));
    assertTrue(refused.getMessage().contains("KEY_NOT_BOUND"), refused.getMessage());
  }
}
