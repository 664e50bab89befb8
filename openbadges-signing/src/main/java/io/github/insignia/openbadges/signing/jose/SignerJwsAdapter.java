package io.github.insignia.openbadges.signing.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import io.github.insignia.openbadges.signing.Signer;
import java.util.Set;

/**
 * A Nimbus {@link JWSSigner} over an Insignia {@link Signer} (public for hosts that build JOSE objects with Nimbus themselves): the signer already returns the raw
 * JWS signature encoding (Ed25519 64 bytes, ES256 R ‖ S, RS256 PKCS#1 v1.5), so no conversion and
 * no Tink. A KMS-backed signer works unchanged.
 */
public final class SignerJwsAdapter implements JWSSigner {
  private final Signer signer;
  private final JWSAlgorithm algorithm;
  private final JCAContext jca = new JCAContext();

  public SignerJwsAdapter(Signer signer) {
    this.signer = signer;
    this.algorithm = JWSAlgorithm.parse(JwsAlgorithm.forKeyType(signer.keyType()).name());
  }

  @Override
  public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
    if (!algorithm.equals(header.getAlgorithm())) {
      throw new JOSEException("the header algorithm is not the one pinned to the key");
    }
    return Base64URL.encode(signer.sign(signingInput));
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
