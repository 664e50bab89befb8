package io.github.insignia.openbadges.signing.jose;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import io.github.insignia.openbadges.signing.InvalidSignatureException;
import io.github.insignia.openbadges.signing.keys.VerificationKey;
import java.util.Set;

/**
 * A Nimbus {@link JWSVerifier} (public for hosts that use Nimbus themselves) that accepts exactly one algorithm, the one pinned to its key's type,
 * and verifies with {@link VerificationKey} (Bouncy Castle Ed25519, JDK ECDSA/RSA).
 */
public final class PinnedJwsVerifier implements JWSVerifier {
  private final VerificationKey key;
  private final JWSAlgorithm algorithm;
  private final JCAContext jca = new JCAContext();

  public PinnedJwsVerifier(VerificationKey key) {
    this.key = key;
    this.algorithm = JWSAlgorithm.parse(JwsAlgorithm.forKeyType(key.keyType()).name());
  }

  @Override
  public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
    if (!algorithm.equals(header.getAlgorithm())) {
      return false;
    }
    try {
      key.verify(signingInput, signature.decode());
      return true;
    } catch (InvalidSignatureException e) {
      return false;
    }
  }

  @Override
  public Set<JWSAlgorithm> supportedJWSAlgorithms() {
    return Set.of(algorithm);
  }

  @Override
  public JCAContext getJCAContext() {
    return jca;
  }
}
