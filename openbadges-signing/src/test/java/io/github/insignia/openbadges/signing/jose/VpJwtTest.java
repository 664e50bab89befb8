package io.github.insignia.openbadges.signing.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.signing.verify.IssuerKeys;
import io.github.insignia.openbadges.signing.verify.ProofFailure;
import io.github.insignia.openbadges.signing.verify.ProofVerificationException;
import io.github.insignia.openbadges.signing.verify.VerificationPolicy;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Presentation JWTs (vp+jwt and the VC-JWT vp claim): the holder's signature, nonce and aud. */
class VpJwtTest {
  static final VpJwt JUDGE = VpJwt.verifier(IssuerKeys.offline(), VerificationPolicy.defaults());
  static final SigningKey HOLDER = SigningKey.generate(KeyType.P256);

  static ObjectNode vp(String holder) {
    ObjectNode vp = (ObjectNode) SafeJson.read("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
        + "\"type\":[\"VerifiablePresentation\"],\"verifiableCredential\":[]}");
    vp.put("holder", holder);
    return vp;
  }

  /** A vp+jwt whose payload is the presentation plus nonce and aud. */
  static String vpJwt(SigningKey key, String kid, ObjectNode vp, String nonce, String aud) {
    ObjectNode payload = vp.deepCopy();
    payload.put("nonce", nonce);
    payload.put("aud", aud);
    return CompactJws.sign(key, Optional.of(kid), Optional.of("vp+jwt"), payload.toString().getBytes(StandardCharsets.UTF_8));
  }

  static ProofVerificationException refused(String token, String challenge, String domain) {
    return assertThrows(ProofVerificationException.class,
        () -> JUDGE.verify(token, Optional.ofNullable(challenge), Optional.ofNullable(domain)));
  }

  @Test
  void vpJwtAndVpClaimVerify() {
    String kid = HOLDER.publicKey().didKeyVerificationMethod();
    VpJwt.Verified v = JUDGE.verify(vpJwt(HOLDER, kid, vp(HOLDER.publicKey().didKey()), "n-1", "https://verifier.example"),
        Optional.of("n-1"), Optional.of("https://verifier.example"));
    assertTrue(v.vcJoseCose());
    assertEquals(HOLDER.publicKey().didKey(), v.holder());
    ObjectNode claims = SafeJson.nodeFactory().objectNode();
    claims.put("iss", HOLDER.publicKey().didKey());
    claims.put("nonce", "n-2");
    ObjectNode inner = vp(HOLDER.publicKey().didKey());
    inner.remove("holder");
    claims.set("vp", inner);
    String jwt = CompactJws.sign(HOLDER, Optional.of(kid), Optional.of("JWT"), claims.toString().getBytes(StandardCharsets.UTF_8));
    VpJwt.Verified legacy = JUDGE.verify(jwt, Optional.of("n-2"), Optional.empty());
    assertFalse(legacy.vcJoseCose());
    assertEquals(HOLDER.publicKey().didKey(), legacy.holder());
  }

  @Test
  void forgeriesAreRefused() {
    String kid = HOLDER.publicKey().didKeyVerificationMethod();
    String holder = HOLDER.publicKey().didKey();
    String good = vpJwt(HOLDER, kid, vp(holder), "n-1", "https://verifier.example");
    assertEquals(SigningErrorCode.PRESENTATION_CHALLENGE_MISMATCH.name(), refused(good, "n-9", null).code());
    assertEquals(SigningErrorCode.PRESENTATION_DOMAIN_MISMATCH.name(), refused(good, null, "https://other.example").code());
    SigningKey other = SigningKey.generate(KeyType.P256);
    // Signed by another key, naming the holder's.
    assertEquals(ProofFailure.SIGNATURE_INVALID, refused(vpJwt(other, kid, vp(holder), "n", "a"), null, null).failure());
    // Signed by another did:key than the holder it names.
    assertEquals(ProofFailure.KEY_NOT_BOUND,
        refused(vpJwt(other, other.publicKey().didKeyVerificationMethod(), vp(holder), "n", "a"), null, null).failure());
    // A credential's typ, or a credential as payload.
    String asVc = CompactJws.sign(HOLDER, Optional.of(kid), Optional.of("vc+jwt"), vp(holder).toString().getBytes(StandardCharsets.UTF_8));
    assertEquals(ProofFailure.MALFORMED, refused(asVc, null, null).failure());
    ObjectNode cred = vp(holder);
    cred.putArray("type").add("VerifiableCredential");
    assertEquals(SigningErrorCode.PRESENTATION_MALFORMED.name(), refused(vpJwt(HOLDER, kid, cred, "n", "a"), null, null).code());
    // alg none.
    String none = VcJoseCoseTest.b64("{\"alg\":\"none\",\"typ\":\"vp+jwt\",\"kid\":\"" + kid + "\"}") + "."
        + VcJoseCoseTest.b64(vp(holder).toString()) + ".";
    assertEquals(ProofFailure.ALGORITHM_REFUSED, refused(none, null, null).failure());
  }
}
