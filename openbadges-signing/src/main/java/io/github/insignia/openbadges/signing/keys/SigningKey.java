package io.github.insignia.openbadges.signing.keys;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.Signer;
import io.github.insignia.openbadges.signing.internal.Crypto;
import io.github.insignia.openbadges.signing.internal.EcCurve;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Objects;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A private key held in memory, with its public key: the in-memory {@link Signer}. Ed25519 signs
 * with Bouncy Castle's RFC 8032 code and P-256 with Bouncy Castle's ECDSA (deterministic RFC 6979
 * nonces, 64-byte R ‖ S), both several times faster than the JDK 17 providers; RSA with the JDK's
 * PKCS#1 v1.5 and SHA-256. Immutable and thread-safe.
 *
 * <p>Private material appears only in the explicit exports ({@link #toPrivateJwk()}, {@link
 * #toPkcs8Pem()}, {@link #secretKeyMultibase()}); {@link #toString()} shows the public key only.
 * Keys that hosts keep in a KMS or HSM implement {@link Signer} themselves instead.
 */
public final class SigningKey implements Signer {
  private final KeyType type;
  private final VerificationKey publicKey;
  /** Ed25519 only: the 32-byte seed. */
  private final byte[] seed;
  /** P-256 and RSA only. */
  private final PrivateKey jdkPrivate;
  /** RSA only. */
  private final ThreadLocal<Signature> rsaSigner = ThreadLocal.withInitial(() -> newSigner("SHA256withRSA"));

  private SigningKey(KeyType type, VerificationKey publicKey, byte[] seed, PrivateKey jdkPrivate) {
    this.type = type;
    this.publicKey = publicKey;
    this.seed = seed;
    this.jdkPrivate = jdkPrivate;
  }

  /** Generates a fresh key; RSA keys have 3072 bits. */
  public static SigningKey generate(KeyType type) {
    Objects.requireNonNull(type, "type");
    return switch (type) {
      case ED25519 -> {
        byte[] s = new byte[Ed25519.SECRET_KEY_SIZE];
        Ed25519.generatePrivateKey(Crypto.random(), s);
        yield ed25519FromSeed(s);
      }
      case P256 -> fromJdk(generateJdk("EC", new ECGenParameterSpec("secp256r1")).getPrivate());
      case P384 -> fromJdk(generateJdk("EC", new ECGenParameterSpec("secp384r1")).getPrivate());
      case RSA -> fromJdk(generateJdk("RSA", new RSAKeyGenParameterSpec(3072, RSAKeyGenParameterSpec.F4)).getPrivate());
    };
  }

  /** Generates an RSA key of {@code bits} (at least 2048). */
  public static SigningKey generateRsa(int bits) {
    if (bits < VerificationKey.MIN_RSA_BITS) {
      throw new ConfigurationException(SigningErrorCode.KEY_TOO_SMALL, "RSA keys must have at least 2048 bits");
    }
    return fromJdk(generateJdk("RSA", new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4)).getPrivate());
  }

  private static java.security.KeyPair generateJdk(String algorithm, java.security.spec.AlgorithmParameterSpec spec) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      generator.initialize(spec, Crypto.random());
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate " + algorithm + " keys", e);
    }
  }

  /**
   * An Ed25519 key from its 32-byte private seed (RFC 8032 section 5.1.5: the "private key" of the
   * RFC's test vectors, the {@code d} of an OKP JWK). The array is copied.
   *
   * @throws InvalidInputException {@code KEY_MALFORMED} when the seed does not have 32 bytes
   */
  public static SigningKey fromEd25519Seed(byte[] seed) {
    Objects.requireNonNull(seed, "seed");
    return ed25519FromSeed(seed);
  }

  /**
   * A P-256 key from its 32-byte big-endian private scalar (the {@code d} of an EC JWK, SEC 1
   * section 2.3.7 encoding).
   *
   * @throws InvalidInputException {@code KEY_MALFORMED} when the array does not have 32 bytes or
   *     the scalar is not in [1, n-1]
   */
  public static SigningKey fromP256PrivateScalar(byte[] scalar) {
    Objects.requireNonNull(scalar, "scalar");
    if (scalar.length != 32) {
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "a P-256 private scalar has 32 bytes");
    }
    return p256FromScalar(new BigInteger(1, scalar));
  }

  /**
   * A P-384 key from its 48-byte big-endian private scalar (the {@code d} of an EC JWK).
   *
   * @throws InvalidInputException {@code KEY_MALFORMED} when the array does not have 48 bytes or
   *     the scalar is not in [1, n-1]
   */
  public static SigningKey fromP384PrivateScalar(byte[] scalar) {
    Objects.requireNonNull(scalar, "scalar");
    if (scalar.length != 48) {
      throw new InvalidInputException(io.github.insignia.openbadges.signing.SigningErrorCode.KEY_MALFORMED,
          "a P-384 private scalar has 48 bytes");
    }
    return ecFromScalar(EcCurve.P384, new BigInteger(1, scalar));
  }

  static SigningKey ed25519FromSeed(byte[] seed) {
    if (seed.length != Ed25519.SECRET_KEY_SIZE) {
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "an Ed25519 private key has 32 bytes");
    }
    byte[] pub = new byte[Ed25519.PUBLIC_KEY_SIZE];
    Ed25519.generatePublicKey(seed, 0, pub, 0);
    return new SigningKey(KeyType.ED25519, VerificationKey.ed25519(pub), seed.clone(), null);
  }

  static SigningKey p256FromScalar(BigInteger s) {
    return ecFromScalar(EcCurve.P256, s);
  }

  static SigningKey ecFromScalar(EcCurve curve, BigInteger s) {
    PublicKey pub = curve.publicFromPrivate(s);
    try {
      PrivateKey priv = KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(s, curve.spec()));
      return new SigningKey(curve.keyType(), VerificationKey.of(pub), null, priv);
    } catch (GeneralSecurityException e) {
      throw new InvalidInputException(io.github.insignia.openbadges.signing.SigningErrorCode.KEY_MALFORMED,
          "not a valid " + curve.curveName() + " private key", e);
    }
  }

  /**
   * Wraps a JDK private key (P-256 {@code ECPrivateKey}, RSA CRT key of at least 2048 bits, or an
   * Ed25519 key in PKCS#8 form).
   *
   * @throws InvalidInputException {@code KEY_WRONG_CURVE}, {@code KEY_TOO_SMALL}, {@code
   *     KEY_UNSUPPORTED}
   */
  public static SigningKey fromJdk(PrivateKey key) {
    Objects.requireNonNull(key, "key");
    if (key instanceof ECPrivateKey ec) {
      EcCurve curve = EcCurve.of(ec.getParams());
      if (curve == null) {
        throw new InvalidInputException(io.github.insignia.openbadges.signing.SigningErrorCode.KEY_WRONG_CURVE,
            "only the P-256 and P-384 curves are supported for EC keys");
      }
      return ecFromScalar(curve, ec.getS());
    }
    if (key instanceof RSAPrivateCrtKey rsa) {
      PublicKey pub;
      try {
        pub = KeyFactory.getInstance("RSA")
            .generatePublic(new java.security.spec.RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
      } catch (GeneralSecurityException e) {
        throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "not a valid RSA key", e);
      }
      return new SigningKey(KeyType.RSA, VerificationKey.of(pub), null, rsa);
    }
    if (key instanceof RSAPrivateKey) {
      throw new InvalidInputException(SigningErrorCode.KEY_UNSUPPORTED, "RSA private keys need their CRT parameters (p, q, dp, dq, qi, e)");
    }
    return Keys.privateKeyFromPkcs8Der(key.getEncoded());
  }

  @Override
  public KeyType keyType() {
    return type;
  }

  /** The public half. */
  public VerificationKey publicKey() {
    return publicKey;
  }

  @Override
  public byte[] sign(byte[] data) {
    Objects.requireNonNull(data, "data");
    switch (type) {
      case ED25519: {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        byte[] pub = publicKey.rawBytes();
        Ed25519.sign(seed, 0, pub, 0, data, 0, data.length, signature, 0);
        return signature;
      }
      case P256:
      case P384:
        return EcCurve.of(type).sign(((ECPrivateKey) jdkPrivate).getS(), data);
      case RSA:
        return jdkSign("SHA256withRSA", data);
      default:
        throw new AssertionError(type);
    }
  }

  private byte[] jdkSign(String algorithm, byte[] data) {
    try {
      // One initialised Signature per thread and key; sign() resets it for the next use.
      Signature signer = rsaSigner.get();
      signer.update(data);
      return signer.sign();
    } catch (GeneralSecurityException | RuntimeException e) {
      rsaSigner.remove();
      throw new IllegalStateException("signing with " + algorithm + " failed", e);
    }
  }

  private Signature newSigner(String algorithm) {
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(jdkPrivate, Crypto.random());
      return signer;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
  }

  /** The private JWK (public members plus {@code d}, and the RSA CRT members). Keep it secret. */
  public ObjectNode toPrivateJwk() {
    ObjectNode jwk = publicKey.toJwk();
    switch (type) {
      case ED25519 -> jwk.put("d", Crypto.b64u(seed));
      case P256, P384 -> jwk.put("d", Crypto.b64u(Crypto.unsigned(((ECPrivateKey) jdkPrivate).getS(), EcCurve.of(type).size())));
      case RSA -> {
        RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) jdkPrivate;
        jwk.put("d", Crypto.b64u(Crypto.unsigned(rsa.getPrivateExponent())));
        jwk.put("p", Crypto.b64u(Crypto.unsigned(rsa.getPrimeP())));
        jwk.put("q", Crypto.b64u(Crypto.unsigned(rsa.getPrimeQ())));
        jwk.put("dp", Crypto.b64u(Crypto.unsigned(rsa.getPrimeExponentP())));
        jwk.put("dq", Crypto.b64u(Crypto.unsigned(rsa.getPrimeExponentQ())));
        jwk.put("qi", Crypto.b64u(Crypto.unsigned(rsa.getCrtCoefficient())));
      }
      default -> throw new AssertionError(type);
    }
    return jwk;
  }

  /** PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). Keep it secret. */
  public String toPkcs8Pem() {
    byte[] der;
    if (type == KeyType.ED25519) {
      try {
        der = new PrivateKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), new DEROctetString(seed))
            .getEncoded();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      der = jdkPrivate.getEncoded();
    }
    return VerificationKey.pem("PRIVATE KEY", der);
  }

  /**
   * The Multikey {@code secretKeyMultibase} (Ed25519, P-256, P-384). Keep it secret.
   *
   * @throws ConfigurationException {@code KEY_NO_MULTIKEY} for RSA
   */
  public String secretKeyMultibase() {
    return switch (type) {
      case ED25519 -> Multikey.encodeSecret(type, seed);
      case P256, P384 -> Multikey.encodeSecret(type, Crypto.unsigned(((ECPrivateKey) jdkPrivate).getS(), EcCurve.of(type).size()));
      case RSA -> throw new ConfigurationException(SigningErrorCode.KEY_NO_MULTIKEY, "RSA keys have no Multikey form here");
    };
  }

  /** Keys are equal when their public halves are; no private material is compared or shown. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SigningKey other && publicKey.equals(other.publicKey);
  }

  @Override
  public int hashCode() {
    return publicKey.hashCode() ^ 0x5a5a5a5a;
  }

  /** Shows the public key only. */
  @Override
  public String toString() {
    return "SigningKey[" + type + ", public " + publicKey + ", private material redacted]";
  }
}
