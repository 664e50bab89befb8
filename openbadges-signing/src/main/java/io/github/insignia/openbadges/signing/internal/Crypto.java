package io.github.insignia.openbadges.signing.internal;

import io.github.insignia.openbadges.ErrorCode;
import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.InvalidInputException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;

/** Curve constants and small conversions shared by the key classes. */
public final class Crypto {
  /** The one random source of the module; SecureRandom is thread-safe. */
  public static final SecureRandom RANDOM = new SecureRandom();

  /** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 key bytes follow. */
  private static final byte[] ED25519_SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  /**
   * The P-256 domain parameters, initialised on first use: Bouncy Castle's {@code
   * CustomNamedCurves} loads some 500 classes (every custom curve) and costs about 0.2 s of CPU in a
   * fresh JVM, which Ed25519 and RSA work never needs (every verification touches this class).
   */
  public static final class Curve256 {
    /** P-256 domain parameters in Bouncy Castle form (point decoding and validation). */
    public static final X9ECParameters PARAMS = CustomNamedCurves.getByName("P-256");

    /** P-256 domain parameters in JDK form. */
    public static final ECParameterSpec SPEC = jdkP256();

    /** P-256 domain parameters for Bouncy Castle's lightweight ECDSA. */
    public static final org.bouncycastle.crypto.params.ECDomainParameters DOMAIN =
        new org.bouncycastle.crypto.params.ECDomainParameters(PARAMS.getCurve(), PARAMS.getG(), PARAMS.getN(), PARAMS.getH());

    private Curve256() {}
  }

  private Crypto() {}

  /**
   * ECDSA P-256 SHA-256 with a deterministic nonce (RFC 6979), as the 64-byte {@code R || S}.
   * Bouncy Castle's custom-curve arithmetic signs several times faster than the JDK 17 provider.
   */
  public static byte[] p256Sign(BigInteger privateScalar, byte[] data) {
    org.bouncycastle.crypto.signers.ECDSASigner signer = new org.bouncycastle.crypto.signers.ECDSASigner(
        new org.bouncycastle.crypto.signers.HMacDSAKCalculator(new org.bouncycastle.crypto.digests.SHA256Digest()));
    signer.init(true, new org.bouncycastle.crypto.params.ECPrivateKeyParameters(privateScalar, Curve256.DOMAIN));
    BigInteger[] rs = signer.generateSignature(sha256(data));
    byte[] out = new byte[64];
    System.arraycopy(unsigned(rs[0], 32), 0, out, 0, 32);
    System.arraycopy(unsigned(rs[1], 32), 0, out, 32, 32);
    return out;
  }

  /** Verifies a 64-byte {@code R || S} ECDSA P-256 SHA-256 signature. */
  public static boolean p256Verify(org.bouncycastle.crypto.params.ECPublicKeyParameters key, byte[] data, byte[] signature) {
    if (signature.length != 64) {
      return false;
    }
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
    org.bouncycastle.crypto.signers.ECDSASigner verifier = new org.bouncycastle.crypto.signers.ECDSASigner();
    verifier.init(false, key);
    return verifier.verifySignature(sha256(data), r, s);
  }

  /** The Bouncy Castle form of a validated JDK P-256 public key. */
  public static org.bouncycastle.crypto.params.ECPublicKeyParameters p256Parameters(java.security.interfaces.ECPublicKey key) {
    return new org.bouncycastle.crypto.params.ECPublicKeyParameters(
        Curve256.PARAMS.getCurve().validatePoint(key.getW().getAffineX(), key.getW().getAffineY()), Curve256.DOMAIN);
  }

  private static byte[] sha256(byte[] data) {
    org.bouncycastle.crypto.digests.SHA256Digest digest = new org.bouncycastle.crypto.digests.SHA256Digest();
    digest.update(data, 0, data.length);
    byte[] hash = new byte[32];
    digest.doFinal(hash, 0);
    return hash;
  }

  private static ECParameterSpec jdkP256() {
    try {
      AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
      params.init(new ECGenParameterSpec("secp256r1"));
      return params.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK does not support P-256", e);
    }
  }

  /** Whether JDK EC parameters are those of P-256. */
  public static boolean isP256(ECParameterSpec spec) {
    return spec != null
        && spec.getOrder().equals(Curve256.SPEC.getOrder())
        && spec.getCofactor() == Curve256.SPEC.getCofactor()
        && spec.getCurve().equals(Curve256.SPEC.getCurve())
        && spec.getGenerator().equals(Curve256.SPEC.getGenerator());
  }

  /** A JDK Ed25519 public key for the 32 raw bytes. */
  public static PublicKey ed25519JdkPublicKey(byte[] raw) {
    byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
    System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, 32);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    } catch (GeneralSecurityException e) {
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "not an Ed25519 public key", e);
    }
  }

  /** The 32 raw bytes of an Ed25519 SubjectPublicKeyInfo, or null when it is not one. */
  public static byte[] ed25519RawFromSpki(byte[] spki) {
    if (spki == null || spki.length != ED25519_SPKI_PREFIX.length + 32) {
      return null;
    }
    for (int i = 0; i < ED25519_SPKI_PREFIX.length; i++) {
      if (spki[i] != ED25519_SPKI_PREFIX[i]) {
        return null;
      }
    }
    return Arrays.copyOfRange(spki, ED25519_SPKI_PREFIX.length, spki.length);
  }

  /**
   * Decodes and validates a P-256 point (SEC1 compressed or uncompressed) into a JDK key.
   *
   * @throws InvalidInputException {@code KEY_MALFORMED} when the bytes are not a point on P-256
   */
  public static PublicKey p256FromEncodedPoint(byte[] encoded) {
    org.bouncycastle.math.ec.ECPoint point;
    try {
      point = Curve256.PARAMS.getCurve().decodePoint(encoded).normalize();
    } catch (RuntimeException e) {
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "not a point on P-256", e);
    }
    return p256JdkKey(point);
  }

  /** Validates affine coordinates and builds a JDK key. */
  public static PublicKey p256FromAffine(BigInteger x, BigInteger y) {
    org.bouncycastle.math.ec.ECPoint point;
    try {
      ECCurve curve = Curve256.PARAMS.getCurve();
      point = curve.validatePoint(x, y).normalize();
    } catch (RuntimeException e) {
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "the coordinates are not a point on P-256", e);
    }
    return p256JdkKey(point);
  }

  /** The public point of a P-256 private scalar. */
  public static PublicKey p256PublicFromPrivate(BigInteger s) {
    if (s.signum() <= 0 || s.compareTo(Curve256.PARAMS.getN()) >= 0) {
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "the P-256 private scalar is out of range");
    }
    return p256JdkKey(Curve256.PARAMS.getG().multiply(s).normalize());
  }

  private static PublicKey p256JdkKey(org.bouncycastle.math.ec.ECPoint point) {
    if (point.isInfinity() || !point.isValid()) {
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "not a valid point on P-256");
    }
    ECPoint w =
        new ECPoint(point.getAffineXCoord().toBigInteger(), point.getAffineYCoord().toBigInteger());
    try {
      return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, Curve256.SPEC));
    } catch (GeneralSecurityException e) {
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "not a valid P-256 key", e);
    }
  }

  /** SEC1 compressed encoding (33 bytes) of a JDK P-256 point. */
  public static byte[] p256Compressed(ECPoint w) {
    byte[] out = new byte[33];
    out[0] = (byte) (w.getAffineY().testBit(0) ? 0x03 : 0x02);
    System.arraycopy(unsigned(w.getAffineX(), 32), 0, out, 1, 32);
    return out;
  }

  /** Big-endian unsigned bytes, left-padded to {@code length}. */
  public static byte[] unsigned(BigInteger value, int length) {
    byte[] bytes = value.toByteArray();
    if (bytes.length == length) {
      return bytes;
    }
    if (bytes.length == length + 1 && bytes[0] == 0) {
      return Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    if (bytes.length > length) {
      throw new IllegalArgumentException("value does not fit in " + length + " bytes");
    }
    byte[] out = new byte[length];
    System.arraycopy(bytes, 0, out, length - bytes.length, bytes.length);
    return out;
  }

  /** Minimal big-endian unsigned bytes (JWK RSA members). */
  public static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }

  /** Base64url without padding. */
  public static String b64u(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Decodes base64url (padding tolerated).
   *
   * @throws InvalidInputException with {@code code} when the text is not base64url
   */
  public static byte[] b64uDecode(String text, ErrorCode code, String what) {
    try {
      return Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(code, what + " is not base64url", e);
    }
  }
}
