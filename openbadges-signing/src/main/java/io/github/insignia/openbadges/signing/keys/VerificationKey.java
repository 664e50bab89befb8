package io.github.insignia.openbadges.signing.keys;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.BoundedCache;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.signing.verify.ProofFailure;
import io.github.insignia.openbadges.signing.verify.ProofVerificationException;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.InvalidSignatureException;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.VerificationMethod;
import io.github.insignia.openbadges.signing.internal.Base58;
import io.github.insignia.openbadges.signing.internal.Crypto;
import io.github.insignia.openbadges.signing.internal.Ed25519PublicKey;
import io.github.insignia.openbadges.signing.internal.EcCurve;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A validated public key of one of the {@link KeyType}s: a point on the right curve, an RSA modulus
 * of at least 2048 bits. Immutable and thread-safe. It verifies raw signatures (the algorithm is
 * fixed by the key type) and exports itself as JWK, SPKI PEM, Multikey and {@code did:key}.
 *
 * <p>Create one with {@link Keys} or from a {@link SigningKey}.
 */
public final class VerificationKey {
  /** The minimum RSA modulus size accepted anywhere. */
  public static final int MIN_RSA_BITS = 2048;

  private static final BoundedCache<PublicKey, VerificationKey> FROM_JDK = new BoundedCache<>(1024);

  private final KeyType type;
  private final PublicKey jdkKey;
  /** Ed25519: the 32 raw bytes; P-256: the 33-byte compressed point; RSA: the SPKI DER. */
  private final byte[] encoded;
  /** Ed25519 only: the decompressed point, so verification does not decompress every time. */
  private final Ed25519.PublicPoint edPoint;
  /** P-256 and P-384 only: the point in Bouncy Castle form (its ECDSA is several times faster than the JDK 17 one). */
  private final ECPublicKeyParameters ecPoint;
  /** RSA only. */
  private final ThreadLocal<Signature> rsaVerifier = ThreadLocal.withInitial(() -> newVerifier("SHA256withRSA"));

  private VerificationKey(KeyType type, PublicKey jdkKey, byte[] encoded, Ed25519.PublicPoint edPoint) {
    this.type = type;
    this.jdkKey = jdkKey;
    this.encoded = encoded;
    this.edPoint = edPoint;
    this.ecPoint = EcCurve.of(type) != null ? EcCurve.of(type).parameters((ECPublicKey) jdkKey) : null;
  }

  static VerificationKey ed25519(byte[] raw) {
    if (raw.length != 32) {
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "an Ed25519 public key has 32 bytes, not " + raw.length);
    }
    Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(raw, 0);
    if (point == null) {
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "not a valid Ed25519 public key");
    }
    byte[] copy = raw.clone();
    return new VerificationKey(KeyType.ED25519, Ed25519PublicKey.of(copy), copy, point);
  }

  /**
   * Wraps a JDK public key after checking it: Ed25519, P-256, or RSA of at least 2048 bits.
   *
   * @throws InvalidInputException {@code KEY_WRONG_CURVE}, {@code KEY_TOO_SMALL} or {@code
   *     KEY_UNSUPPORTED}
   */
  public static VerificationKey of(PublicKey key) {
    Objects.requireNonNull(key, "key");
    return FROM_JDK.get(key, VerificationKey::create);
  }

  private static VerificationKey create(PublicKey key) {
    if (key instanceof ECPublicKey ec) {
      EcCurve curve = EcCurve.of(ec.getParams());
      if (curve == null) {
        throw new InvalidInputException(io.github.insignia.openbadges.signing.SigningErrorCode.KEY_WRONG_CURVE,
            "only the P-256 and P-384 curves are supported for EC keys");
      }
      // Re-validate the point: a JDK key object may come from anywhere.
      PublicKey checked = curve.fromAffine(ec.getW().getAffineX(), ec.getW().getAffineY());
      return new VerificationKey(curve.keyType(), checked, curve.compressed(ec.getW()), null);
    }
    if (key instanceof RSAPublicKey rsa) {
      if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
        throw new InvalidInputException(
            SigningErrorCode.KEY_TOO_SMALL, "RSA keys must have at least " + MIN_RSA_BITS + " bits, not " + rsa.getModulus().bitLength());
      }
      if (!"RSA".equals(rsa.getAlgorithm())) {
        throw new InvalidInputException(SigningErrorCode.KEY_UNSUPPORTED, "only rsaEncryption RSA keys are supported, not " + rsa.getAlgorithm());
      }
      return new VerificationKey(KeyType.RSA, rsa, rsa.getEncoded(), null);
    }
    byte[] raw = Ed25519PublicKey.rawFromSpki(key.getEncoded());
    if (raw != null) {
      return ed25519(raw);
    }
    String alg = key.getAlgorithm();
    if ("EdDSA".equalsIgnoreCase(alg) || "Ed448".equalsIgnoreCase(alg) || "XDH".equalsIgnoreCase(alg)
        || "X25519".equalsIgnoreCase(alg)) {
      throw new InvalidInputException(SigningErrorCode.KEY_WRONG_CURVE, "only the Ed25519 curve is supported for EdDSA keys");
    }
    throw new InvalidInputException(SigningErrorCode.KEY_UNSUPPORTED, "unsupported public key algorithm " + alg);
  }

  /**
   * The key of a resolved verification method, checked against the type the method claims.
   *
   * @throws InvalidInputException {@code KEY_TYPE_MISMATCH} when the key is not of that type
   */
  public static VerificationKey of(VerificationMethod method) {
    VerificationKey key = of(method.publicKey());
    key.requireType(method.keyType());
    return key;
  }

  /**
   * @throws InvalidInputException {@code KEY_WRONG_CURVE} (EC/OKP keys) or {@code
   *     KEY_TYPE_MISMATCH} when this key is not of the expected type
   */
  public VerificationKey requireType(KeyType expected) {
    if (type != expected) {
      boolean curveFamily = type != KeyType.RSA && expected != KeyType.RSA;
      throw new InvalidInputException(
          curveFamily ? SigningErrorCode.KEY_WRONG_CURVE : SigningErrorCode.KEY_TYPE_MISMATCH,
          "expected a " + expected + " key, got a " + type + " key");
    }
    return this;
  }

  /** The key type, which pins the algorithm. */
  public KeyType keyType() {
    return type;
  }

  /** The key as a JDK key. */
  public PublicKey toJdkKey() {
    return jdkKey;
  }

  /** Ed25519: the 32 raw bytes; P-256: the 33-byte compressed point; RSA: SPKI DER. */
  public byte[] rawBytes() {
    return encoded.clone();
  }

  /**
   * Verifies a raw signature (Ed25519 64 bytes; P-256 ECDSA SHA-256 in 64-byte P1363 form; RSA
   * PKCS#1 v1.5 SHA-256) over {@code data}.
   *
   * @throws InvalidSignatureException {@code SIGNATURE_INVALID} when it does not verify
   */
  public void verify(byte[] data, byte[] signature) {
    if (!isValidSignature(data, signature)) {
      throw new ProofVerificationException(ProofFailure.SIGNATURE_INVALID, SigningErrorCode.SIGNATURE_INVALID, "the " + type + " signature does not verify");
    }
  }

  /** Like {@link #verify} but returns the outcome; for internal fast paths. */
  boolean isValidSignature(byte[] data, byte[] signature) {
    switch (type) {
      case ED25519:
        return signature.length == Ed25519.SIGNATURE_SIZE
            && Ed25519.verify(signature, 0, edPoint, data, 0, data.length);
      case P256:
      case P384:
        return EcCurve.of(type).verify(ecPoint, data, signature);
      case RSA:
        return jdkVerify("SHA256withRSA", data, signature);
      default:
        throw new AssertionError(type);
    }
  }

  private boolean jdkVerify(String algorithm, byte[] data, byte[] signature) {
    try {
      // One initialised Signature per thread and key: getInstance + initVerify cost a tenth of an
      // RSA verification; verify() resets the object for the next use.
      Signature verifier = rsaVerifier.get();
      verifier.update(data);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      rsaVerifier.remove();
      return false;
    }
  }

  private Signature newVerifier(String algorithm) {
    try {
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(jdkKey);
      return verifier;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
  }

  /** The public JWK (RFC 7517), members in thumbprint order, no {@code kid}. */
  public ObjectNode toJwk() {
    ObjectNode jwk = SafeJson.nodeFactory().objectNode();
    switch (type) {
      case ED25519 -> {
        jwk.put("kty", "OKP");
        jwk.put("crv", "Ed25519");
        jwk.put("x", Crypto.b64u(encoded));
      }
      case P256, P384 -> {
        ECPublicKey ec = (ECPublicKey) jdkKey;
        EcCurve curve = EcCurve.of(type);
        jwk.put("kty", "EC");
        jwk.put("crv", curve.curveName());
        jwk.put("x", Crypto.b64u(Crypto.unsigned(ec.getW().getAffineX(), curve.size())));
        jwk.put("y", Crypto.b64u(Crypto.unsigned(ec.getW().getAffineY(), curve.size())));
      }
      case RSA -> {
        RSAPublicKey rsa = (RSAPublicKey) jdkKey;
        jwk.put("kty", "RSA");
        jwk.put("n", Crypto.b64u(Crypto.unsigned(rsa.getModulus())));
        jwk.put("e", Crypto.b64u(Crypto.unsigned(rsa.getPublicExponent())));
      }
      default -> throw new AssertionError(type);
    }
    return jwk;
  }

  /** The RFC 7638 JWK thumbprint (SHA-256, base64url). */
  public String thumbprint() {
    ObjectNode jwk = toJwk();
    String canonical = switch (type) {
      case ED25519 -> "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + jwk.get("x").asText() + "\"}";
      case P256, P384 -> "{\"crv\":\"" + jwk.get("crv").asText() + "\",\"kty\":\"EC\",\"x\":\"" + jwk.get("x").asText() + "\",\"y\":\""
          + jwk.get("y").asText() + "\"}";
      case RSA -> "{\"e\":\"" + jwk.get("e").asText() + "\",\"kty\":\"RSA\",\"n\":\"" + jwk.get("n").asText() + "\"}";
    };
    try {
      return Crypto.b64u(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SubjectPublicKeyInfo in PEM ({@code -----BEGIN PUBLIC KEY-----}). */
  public String toSpkiPem() {
    return pem("PUBLIC KEY", jdkKey.getEncoded());
  }

  static String pem(String label, byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }

  /**
   * The Multikey {@code publicKeyMultibase}: {@code z} + base58btc(multicodec prefix ‖ key), that is
   * {@code z6Mk…} for Ed25519 and {@code zDn…} for P-256.
   *
   * @throws io.github.insignia.openbadges.ConfigurationException {@code KEY_NO_MULTIKEY} for RSA
   */
  public String publicKeyMultibase() {
    return Multikey.encodePublic(this);
  }

  /** {@code did:key:<publicKeyMultibase>}, for Ed25519 and P-256 keys. */
  public String didKey() {
    return "did:key:" + publicKeyMultibase();
  }

  /** {@code did:key:<mb>#<mb>}, the verification method id of the key's {@code did:key}. */
  public String didKeyVerificationMethod() {
    String mb = publicKeyMultibase();
    return "did:key:" + mb + "#" + mb;
  }

  /** Whether this key type has a Multikey and {@code did:key} form (Ed25519 and P-256). */
  public boolean hasMultikeyForm() {
    return type != KeyType.RSA;
  }

  /** A verification method for this key. */
  public VerificationMethod asVerificationMethod(String id, Optional<String> controller) {
    return new VerificationMethod(id, controller, type, jdkKey);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VerificationKey other && type == other.type && Arrays.equals(encoded, other.encoded);
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "VerificationKey[" + type + " " + (hasMultikeyForm() ? publicKeyMultibase() : thumbprint()) + "]";
  }

  static String base58(byte[] bytes) {
    return Base58.encode(bytes);
  }
}
