package io.github.insignia.openbadges.signing.dataintegrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.Keys;
import io.github.insignia.openbadges.signing.keys.VerificationKey;
import io.github.insignia.openbadges.signing.verify.ProofVerificationException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link DataIntegrity#prepareKeys()} does its work without throwing, and the signature it uses
 * (R = the key's point, S = 0) really is rejected by the same check real proofs go through.
 */
class PrepareKeysTest {
  @Test
  void preparesWithoutThrowingAndTheUnholdableSignatureIsRejected() {
    DataIntegrity.prepareKeys();
    DataIntegrity.prepareKeys();
    VerificationKey key = Keys.parsePublicKey("did:key:z6MkipzSPNdsjmY1a6paPKztCLaWFR3vijYujBuuBE87Go2y");
    assertEquals(KeyType.ED25519, key.keyType());
    assertThrows(ProofVerificationException.class, () -> key.verify(new byte[32], Arrays.copyOf(key.rawBytes(), 64)));
  }
}
