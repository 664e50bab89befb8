package io.github.insignia.openbadges.issuing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.Signer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** An in-memory Ed25519 signer and helpers for tests. */
public final class TestKeys {
  public final KeyPair pair;
  public final Signer signer;

  public TestKeys() {
    try {
      pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    signer =
        new Signer() {
          @Override
          public KeyType keyType() {
            return KeyType.ED25519;
          }

          @Override
          public byte[] sign(byte[] data) {
            try {
              Signature s = Signature.getInstance("Ed25519");
              s.initSign(pair.getPrivate());
              s.update(data);
              return s.sign();
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException(e);
            }
          }
        };
  }

  /** Verifies a compact JWS and returns its payload. */
  public static ObjectNode verifyJws(String jws, PublicKey key) throws GeneralSecurityException {
    String[] parts = jws.split("\\.");
    Signature s = Signature.getInstance("Ed25519");
    s.initVerify(key);
    s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    if (!s.verify(Base64.getUrlDecoder().decode(parts[2]))) {
      throw new GeneralSecurityException("bad signature");
    }
    return (ObjectNode) SafeJson.read(Base64.getUrlDecoder().decode(parts[1]));
  }

  public static ObjectNode header(String jws) {
    return (ObjectNode) SafeJson.read(Base64.getUrlDecoder().decode(jws.split("\\.")[0]));
  }

  public static ObjectNode profile() {
    return (ObjectNode)
        SafeJson.read(
            "{\"id\":\"https://school.example/issuer\",\"type\":[\"Profile\"],\"name\":\"Escuela Ejemplo\","
                + "\"url\":\"https://school.example\",\"email\":\"badges@school.example\"}");
  }

  public static ObjectNode achievement() {
    return (ObjectNode)
        SafeJson.read(
            "{\"id\":\"https://school.example/achievements/teaching-101\",\"type\":[\"Achievement\"],"
                + "\"name\":\"Teaching 101\",\"description\":\"Completed the Teaching 101 MOOC.\","
                + "\"criteria\":{\"narrative\":\"Complete 8 of 10 tasks.\"}}");
  }

  /** A prover double that attaches a recognisable proof object. */
  public static CredentialProver fakeProver() {
    return unsigned -> {
      ObjectNode copy = unsigned.deepCopy();
      copy.putArray("proof").addObject().put("type", "DataIntegrityProof").put("cryptosuite", "eddsa-rdfc-2022");
      return copy;
    };
  }
}
