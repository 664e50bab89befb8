package io.github.insignia.openbadges.signing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.signing.keys.VerificationKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The key-factory-free Ed25519 public key against the JDK's own, on keys the JDK generates (seeded):
 * same encoding, point, parameters, equality both ways and hash; the JDK's {@code Ed25519}
 * signature verifies with it; it serializes into a JDK key.
 */
class Ed25519PublicKeyTest {
  private static KeyPair jdkPair(long seed) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(seed);
    generator.initialize(NamedParameterSpec.ED25519, random);
    return generator.generateKeyPair();
  }

  @Test
  void behavesAsTheJdkKeyOnGeneratedKeys() throws Exception {
    Random seeds = new Random(20261207L);
    for (int i = 0; i < 64; i++) {
      KeyPair pair = jdkPair(seeds.nextLong());
      EdECPublicKey jdk = (EdECPublicKey) pair.getPublic();
      byte[] raw = Ed25519PublicKey.rawFromSpki(jdk.getEncoded());
      Ed25519PublicKey ours = Ed25519PublicKey.of(raw);

      assertArrayEquals(jdk.getEncoded(), ours.getEncoded());
      assertEquals(jdk.getAlgorithm(), ours.getAlgorithm());
      assertEquals(jdk.getFormat(), ours.getFormat());
      assertEquals(((NamedParameterSpec) jdk.getParams()).getName(), ours.getParams().getName());
      assertEquals(jdk.getPoint().isXOdd(), ours.getPoint().isXOdd());
      assertEquals(jdk.getPoint().getY(), ours.getPoint().getY());
      assertEquals(jdk, ours);
      assertEquals(ours, jdk);
      assertEquals(jdk.hashCode(), ours.hashCode());

      byte[] message = ("message " + i).getBytes(StandardCharsets.UTF_8);
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(pair.getPrivate());
      signer.update(message);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(ours);
      verifier.update(message);
      assertTrue(verifier.verify(signature), "the JDK verifies with the key");
      // and the library's own verification agrees
      VerificationKey.of(ours).verify(message, signature);
    }
  }

  @Test
  void serializesAsAJdkKey() throws Exception {
    Ed25519PublicKey ours = Ed25519PublicKey.of(Ed25519PublicKey.rawFromSpki(jdkPair(7).getPublic().getEncoded()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(ours);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      PublicKey back = (PublicKey) in.readObject();
      assertEquals(ours, back);
      assertTrue(back instanceof EdECPublicKey);
    }
  }

  @Test
  void verificationKeysHoldIt() throws Exception {
    PublicKey jdk = jdkPair(11).getPublic();
    VerificationKey key = VerificationKey.of(jdk);
    assertEquals(jdk, key.toJdkKey());
    assertArrayEquals(jdk.getEncoded(), key.toJdkKey().getEncoded());
  }

  @Test
  void recognisesOnlyEd25519Encodings() throws Exception {
    assertNull(Ed25519PublicKey.rawFromSpki(null));
    assertNull(Ed25519PublicKey.rawFromSpki(new byte[44]));
    assertNull(Ed25519PublicKey.rawFromSpki(KeyPairGenerator.getInstance("Ed448").generateKeyPair().getPublic().getEncoded()));
    byte[] other = Ed25519PublicKey.of(new byte[32]).getEncoded();
    other[11] = 1;
    assertNull(Ed25519PublicKey.rawFromSpki(other));
    assertNotEquals(Ed25519PublicKey.of(new byte[32]), Ed25519PublicKey.of(new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
  }
}
