package io.github.insignia.openbadges.signing.keys;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.Signer;
import io.github.insignia.openbadges.signing.internal.Crypto;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;

/**
 * A {@link Signer} over any JCA provider: an HSM through PKCS#11 ({@code SunPKCS11}), a cloud KMS
 * JCA provider, or the JDK. The private key never leaves the provider; ECDSA signatures the
 * provider returns in DER are converted to the 64-byte {@code R || S} form. Thread-safe (a {@link
 * Signature} per call).
 */
public final class JcaSigner implements Signer {
  private final PrivateKey key;
  private final KeyType type;
  private final Optional<Provider> provider;

  /**
   * @param key the provider's private key handle
   * @param type the key's type (fixes the algorithm)
   * @param provider the provider, or empty for the JCA default
   */
  public JcaSigner(PrivateKey key, KeyType type, Optional<Provider> provider) {
    this.key = Objects.requireNonNull(key, "key");
    this.type = Objects.requireNonNull(type, "type");
    this.provider = Objects.requireNonNull(provider, "provider");
  }

  @Override
  public KeyType keyType() {
    return type;
  }

  @Override
  public byte[] sign(byte[] data) {
    String algorithm = switch (type) {
      case ED25519 -> "Ed25519";
      case P256 -> "SHA256withECDSA";
      case P384 -> "SHA384withECDSA";
      case RSA -> "SHA256withRSA";
    };
    try {
      Signature signature = provider.isPresent()
          ? Signature.getInstance(algorithm, provider.get()) : Signature.getInstance(algorithm);
      signature.initSign(key);
      signature.update(data);
      byte[] out = signature.sign();
      return type == KeyType.P256 ? derToP1363(out, 32) : type == KeyType.P384 ? derToP1363(out, 48) : out;
    } catch (GeneralSecurityException e) {
      throw new ConfigurationException(SigningErrorCode.SIGNER_FAILED, "the " + algorithm + " provider could not sign: " + e.getMessage(), e);
    }
  }

  private static byte[] derToP1363(byte[] der, int size) {
    if (der.length == 2 * size) {
      return der;
    }
    ASN1Sequence seq = ASN1Sequence.getInstance(der);
    BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getValue();
    BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getValue();
    byte[] out = new byte[2 * size];
    System.arraycopy(Crypto.unsigned(r, size), 0, out, 0, size);
    System.arraycopy(Crypto.unsigned(s, size), 0, out, size, size);
    return out;
  }

  /** Never shows the key. */
  @Override
  public String toString() {
    return "JcaSigner[" + type + provider.map(p -> ", " + p.getName()).orElse("") + "]";
  }
}
