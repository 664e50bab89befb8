package io.github.insignia.openbadges.signing.internal;

import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.signing.SigningErrorCode;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * The NIST curves Insignia uses, each with its one hash (P-256 with SHA-256, P-384 with SHA-384, as
 * JOSE ES256/ES384 and the Data Integrity ECDSA suites pin them). Shared by the key classes, the JWS
 * code and the ECDSA cryptosuites: point decoding always validates, signatures are the IEEE P1363
 * {@code R ‖ S} form of twice the field size.
 */
public enum EcCurve {
  /** secp256r1, SHA-256, 32-byte coordinates. */
  P256("P-256", "secp256r1", 32),
  /** secp384r1, SHA-384, 48-byte coordinates. */
  P384("P-384", "secp384r1", 48);

  private final String name;
  private final String jdkName;
  private final int size;
  // Bouncy Castle's CustomNamedCurves loads every custom curve: initialise on first use only.
  private volatile Params params;

  EcCurve(String name, String jdkName, int size) {
    this.name = name;
    this.jdkName = jdkName;
    this.size = size;
  }

  private record Params(X9ECParameters x9, ECDomainParameters domain, ECParameterSpec spec) {}

  private Params params() {
    Params p = params;
    if (p == null) {
      X9ECParameters x9 = CustomNamedCurves.getByName(name);
      ECParameterSpec spec;
      try {
        AlgorithmParameters jdk = AlgorithmParameters.getInstance("EC");
        jdk.init(new ECGenParameterSpec(jdkName));
        spec = jdk.getParameterSpec(ECParameterSpec.class);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK does not support " + name, e);
      }
      p = new Params(x9, new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH()), spec);
      params = p;
    }
    return p;
  }

  /** The curve of an EC key type, or null for Ed25519 and RSA. */
  public static EcCurve of(io.github.insignia.openbadges.signing.KeyType type) {
    return switch (type) {
      case P256 -> P256;
      case P384 -> P384;
      case ED25519, RSA -> null;
    };
  }

  /** The key type of this curve. */
  public io.github.insignia.openbadges.signing.KeyType keyType() {
    return this == P256 ? io.github.insignia.openbadges.signing.KeyType.P256 : io.github.insignia.openbadges.signing.KeyType.P384;
  }

  /** The JOSE / Multikey curve name ({@code P-256}, {@code P-384}). */
  public String curveName() {
    return name;
  }

  /** Bytes of a coordinate or scalar (32, 48); a signature has twice as many. */
  public int size() {
    return size;
  }

  /** The JDK domain parameters. */
  public ECParameterSpec spec() {
    return params().spec();
  }

  /** The curve of JDK EC parameters, or null when it is neither P-256 nor P-384. */
  public static EcCurve of(ECParameterSpec spec) {
    for (EcCurve c : values()) {
      ECParameterSpec mine = c.spec();
      if (spec != null && spec.getOrder().equals(mine.getOrder()) && spec.getCofactor() == mine.getCofactor()
          && spec.getCurve().equals(mine.getCurve()) && spec.getGenerator().equals(mine.getGenerator())) {
        return c;
      }
    }
    return null;
  }

  /** The digest of the curve's hash over {@code data}. */
  public byte[] hash(byte[] data) {
    Digest digest = newDigest();
    digest.update(data, 0, data.length);
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }

  private Digest newDigest() {
    return this == P256 ? new SHA256Digest() : new SHA384Digest();
  }

  /** ECDSA with the curve's hash and a deterministic nonce (RFC 6979), as {@code R ‖ S}. */
  public byte[] sign(BigInteger privateScalar, byte[] data) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(newDigest()));
    signer.init(true, new ECPrivateKeyParameters(privateScalar, params().domain()));
    BigInteger[] rs = signer.generateSignature(hash(data));
    byte[] out = new byte[2 * size];
    System.arraycopy(Crypto.unsigned(rs[0], size), 0, out, 0, size);
    System.arraycopy(Crypto.unsigned(rs[1], size), 0, out, size, size);
    return out;
  }

  /**
   * Verifies an {@code R ‖ S} signature with the curve's hash; any other length (a P-256 signature
   * offered for a P-384 key, a DER encoding) is false.
   */
  public boolean verify(ECPublicKeyParameters key, byte[] data, byte[] signature) {
    if (signature.length != 2 * size) {
      return false;
    }
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, size));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, size, 2 * size));
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, key);
    return verifier.verifySignature(hash(data), r, s);
  }

  /** The Bouncy Castle form of a JDK public key on this curve (validated again). */
  public ECPublicKeyParameters parameters(java.security.interfaces.ECPublicKey key) {
    return new ECPublicKeyParameters(
        params().x9().getCurve().validatePoint(key.getW().getAffineX(), key.getW().getAffineY()), params().domain());
  }

  /**
   * Decodes and validates a SEC1 point (compressed or uncompressed).
   *
   * @throws InvalidInputException {@code KEY_MALFORMED} when the bytes are not a point on the curve
   */
  public PublicKey fromEncodedPoint(byte[] encoded) {
    try {
      return jdkKey(params().x9().getCurve().decodePoint(encoded).normalize());
    } catch (InvalidInputException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "not a point on " + name, e);
    }
  }

  /** Validates affine coordinates and builds a JDK key. */
  public PublicKey fromAffine(BigInteger x, BigInteger y) {
    try {
      return jdkKey(params().x9().getCurve().validatePoint(x, y).normalize());
    } catch (InvalidInputException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "the coordinates are not a point on " + name, e);
    }
  }

  /** The public point of a private scalar. */
  public PublicKey publicFromPrivate(BigInteger s) {
    if (s.signum() <= 0 || s.compareTo(params().x9().getN()) >= 0) {
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "the " + name + " private scalar is out of range");
    }
    return jdkKey(params().x9().getG().multiply(s).normalize());
  }

  private PublicKey jdkKey(org.bouncycastle.math.ec.ECPoint point) {
    if (point.isInfinity() || !point.isValid()) {
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "not a valid point on " + name);
    }
    ECPoint w = new ECPoint(point.getAffineXCoord().toBigInteger(), point.getAffineYCoord().toBigInteger());
    try {
      return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, spec()));
    } catch (GeneralSecurityException e) {
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "not a valid " + name + " key", e);
    }
  }

  /** SEC1 compressed encoding ({@code size + 1} bytes) of a point. */
  public byte[] compressed(ECPoint w) {
    byte[] out = new byte[size + 1];
    out[0] = (byte) (w.getAffineY().testBit(0) ? 0x03 : 0x02);
    System.arraycopy(Crypto.unsigned(w.getAffineX(), size), 0, out, 1, size);
    return out;
  }
}
