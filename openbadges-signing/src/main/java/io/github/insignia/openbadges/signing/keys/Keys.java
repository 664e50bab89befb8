package io.github.insignia.openbadges.signing.keys;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.internal.Crypto;
import io.github.insignia.openbadges.signing.internal.EcCurve;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;

/**
 * Imports keys from JWK, PEM (PKCS#8, PKCS#1 / SEC1 private keys, SPKI public keys) and Multikey.
 * Every import validates: the curve must be Ed25519 or P-256 (a key of another curve is rejected,
 * not reinterpreted), the point must lie on it, RSA moduli must have at least 2048 bits, and a
 * private key's public half must match the one given beside it.
 *
 * <p>Error codes (all {@link InvalidInputException}): {@code KEY_MALFORMED}, {@code
 * KEY_UNSUPPORTED}, {@code KEY_WRONG_CURVE}, {@code KEY_TOO_SMALL}, {@code KEY_MISMATCH}, {@code
 * KEY_TYPE_MISMATCH}, {@code MULTIBASE_MALFORMED}.
 */
public final class Keys {
  /** Key text longer than this is refused before parsing (an RSA 8192 JWK is about 6 KB). */
  public static final int MAX_KEY_TEXT = 64 * 1024;

  private Keys() {}

  /**
   * Reads a private key from text: PEM, a private JWK, or a Multikey JSON document with {@code
   * secretKeyMultibase} (or {@code privateKeyMultibase}).
   */
  public static SigningKey parsePrivateKey(String text) {
    checkSize(text);
    String trimmed = text.strip();
    if (trimmed.startsWith("-----BEGIN")) {
      return privateKeyFromPem(trimmed);
    }
    JsonNode json = readJson(trimmed);
    if (json.has("kty")) {
      return privateKeyFromJwk(json);
    }
    if (json.has("secretKeyMultibase") || json.has("privateKeyMultibase")) {
      return privateKeyFromMultikey(json);
    }
    throw new InvalidInputException(
        SigningErrorCode.KEY_MALFORMED, "expected a PEM private key, a private JWK or a Multikey with secretKeyMultibase");
  }

  /** Reads a public key from text: SPKI PEM, a public JWK, a Multikey JSON, a multibase or a did:key. */
  public static VerificationKey parsePublicKey(String text) {
    checkSize(text);
    String trimmed = text.strip();
    if (trimmed.startsWith("-----BEGIN")) {
      return publicKeyFromPem(trimmed);
    }
    if (trimmed.startsWith("did:key:")) {
      return DidKey.parse(trimmed);
    }
    if (trimmed.startsWith("z")) {
      return Multikey.decodePublic(trimmed);
    }
    JsonNode json = readJson(trimmed);
    if (json.has("kty")) {
      return publicKeyFromJwk(json);
    }
    if (json.has("publicKeyMultibase")) {
      return Multikey.decodePublic(text(json, "publicKeyMultibase"));
    }
    if (json.has("publicKeyJwk")) {
      return publicKeyFromJwk(json.get("publicKeyJwk"));
    }
    if (json.has("publicKeyPem")) {
      return publicKeyFromPem(text(json, "publicKeyPem"));
    }
    throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "expected a public key as PEM, JWK, Multikey or did:key");
  }

  private static JsonNode readJson(String text) {
    try {
      return SafeJson.read(text);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "the key is neither PEM nor JSON: " + e.getMessage(), e);
    }
  }

  private static void checkSize(String text) {
    if (text == null || text.length() > MAX_KEY_TEXT) {
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "the key text is missing or longer than " + MAX_KEY_TEXT);
    }
  }

  // ---------------------------------------------------------------- JWK

  /** A public key from a JWK (private members are ignored). */
  public static VerificationKey publicKeyFromJwk(JsonNode jwk) {
    requireObject(jwk);
    String kty = text(jwk, "kty");
    return switch (kty) {
      case "OKP" -> {
        requireCurve(jwk, "Ed25519");
        yield VerificationKey.ed25519(b64(jwk, "x", 32));
      }
      case "EC" -> {
        EcCurve curve = ecCurve(jwk);
        yield VerificationKey.of(curve.fromAffine(
            new BigInteger(1, b64(jwk, "x", curve.size())), new BigInteger(1, b64(jwk, "y", curve.size()))));
      }
      case "RSA" -> VerificationKey.of(rsaPublic(big(jwk, "n"), big(jwk, "e")));
      default -> throw new InvalidInputException(SigningErrorCode.KEY_UNSUPPORTED, "unsupported JWK key type " + kty);
    };
  }

  /** A public key from a JWK that must be of {@code expected} type. */
  public static VerificationKey publicKeyFromJwk(JsonNode jwk, KeyType expected) {
    return publicKeyFromJwk(jwk).requireType(expected);
  }

  /** A private key from a private JWK; its public members must match the private ones. */
  public static SigningKey privateKeyFromJwk(JsonNode jwk) {
    requireObject(jwk);
    String kty = text(jwk, "kty");
    if (!jwk.has("d")) {
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "the JWK has no private member 'd'");
    }
    SigningKey key = switch (kty) {
      case "OKP" -> {
        requireCurve(jwk, "Ed25519");
        yield SigningKey.ed25519FromSeed(b64(jwk, "d", 32));
      }
      case "EC" -> {
        EcCurve curve = ecCurve(jwk);
        yield SigningKey.ecFromScalar(curve, new BigInteger(1, b64(jwk, "d", curve.size())));
      }
      case "RSA" -> rsaPrivate(jwk);
      default -> throw new InvalidInputException(SigningErrorCode.KEY_UNSUPPORTED, "unsupported JWK key type " + kty);
    };
    if (!key.publicKey().equals(publicKeyFromJwk(jwk))) {
      throw new InvalidInputException(SigningErrorCode.KEY_MISMATCH, "the JWK's public members do not belong to its private key");
    }
    return key;
  }

  private static SigningKey rsaPrivate(JsonNode jwk) {
    for (String member : new String[] {"p", "q", "dp", "dq", "qi"}) {
      if (!jwk.has(member)) {
        throw new InvalidInputException(SigningErrorCode.KEY_UNSUPPORTED, "RSA private JWKs need the CRT members p, q, dp, dq, qi");
      }
    }
    if (jwk.has("oth")) {
      throw new InvalidInputException(SigningErrorCode.KEY_UNSUPPORTED, "multi-prime RSA keys are not supported");
    }
    RSAPrivateCrtKeySpec spec = new RSAPrivateCrtKeySpec(big(jwk, "n"), big(jwk, "e"), big(jwk, "d"),
        big(jwk, "p"), big(jwk, "q"), big(jwk, "dp"), big(jwk, "dq"), big(jwk, "qi"));
    if (!spec.getPrimeP().multiply(spec.getPrimeQ()).equals(spec.getModulus())) {
      throw new InvalidInputException(SigningErrorCode.KEY_MISMATCH, "the RSA primes do not multiply to the modulus");
    }
    try {
      return SigningKey.fromJdk(KeyFactory.getInstance("RSA").generatePrivate(spec));
    } catch (GeneralSecurityException e) {
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "not a valid RSA private key", e);
    }
  }

  private static PublicKey rsaPublic(BigInteger n, BigInteger e) {
    if (n.bitLength() < VerificationKey.MIN_RSA_BITS) {
      throw new InvalidInputException(SigningErrorCode.KEY_TOO_SMALL, "RSA keys must have at least 2048 bits, not " + n.bitLength());
    }
    try {
      return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
    } catch (GeneralSecurityException ex) {
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "not a valid RSA public key", ex);
    }
  }

  private static void requireObject(JsonNode jwk) {
    if (jwk == null || !jwk.isObject()) {
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "a JWK must be a JSON object");
    }
  }

  private static void requireCurve(JsonNode jwk, String expected) {
    String crv = text(jwk, "crv");
    if (!expected.equals(crv)) {
      throw new InvalidInputException(SigningErrorCode.KEY_WRONG_CURVE, "unsupported curve " + crv + " (expected " + expected + ")");
    }
  }

  private static String text(JsonNode node, String member) {
    JsonNode value = node.get(member);
    if (value == null || !value.isTextual()) {
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "the key has no string member '" + member + "'");
    }
    return value.asText();
  }

  private static byte[] b64(JsonNode jwk, String member, int length) {
    byte[] bytes = Crypto.b64uDecode(text(jwk, member), SigningErrorCode.KEY_MALFORMED, "JWK member '" + member + "'");
    if (bytes.length != length) {
      throw new InvalidInputException(
          SigningErrorCode.KEY_MALFORMED, "JWK member '" + member + "' must have " + length + " bytes, not " + bytes.length);
    }
    return bytes;
  }

  private static BigInteger big(JsonNode jwk, String member) {
    byte[] bytes = Crypto.b64uDecode(text(jwk, member), SigningErrorCode.KEY_MALFORMED, "JWK member '" + member + "'");
    if (bytes.length == 0 || bytes.length > 2048) {
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "JWK member '" + member + "' has a bad length");
    }
    return new BigInteger(1, bytes);
  }

  // ---------------------------------------------------------------- PEM

  /** A private key from PEM: PKCS#8 {@code PRIVATE KEY}, PKCS#1 {@code RSA PRIVATE KEY} or SEC1 {@code EC PRIVATE KEY}. */
  public static SigningKey privateKeyFromPem(String pem) {
    checkSize(pem);
    Object parsed = readPem(pem);
    if (parsed instanceof PrivateKeyInfo info) {
      return privateKeyFromInfo(info);
    }
    if (parsed instanceof PEMKeyPair pair) {
      return privateKeyFromInfo(pair.getPrivateKeyInfo());
    }
    throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "the PEM does not hold an unencrypted private key");
  }

  /** A public key from an SPKI PEM ({@code PUBLIC KEY}). */
  public static VerificationKey publicKeyFromPem(String pem) {
    checkSize(pem);
    Object parsed = readPem(pem);
    if (parsed instanceof SubjectPublicKeyInfo info) {
      return publicKeyFromSpki(info);
    }
    throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "the PEM does not hold a public key (SubjectPublicKeyInfo)");
  }

  private static Object readPem(String pem) {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object parsed = parser.readObject();
      if (parsed == null) {
        throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "no PEM object found");
      }
      return parsed;
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException iie) {
        throw iie;
      }
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "the PEM could not be read: " + e.getMessage(), e);
    }
  }

  static SigningKey privateKeyFromPkcs8Der(byte[] der) {
    try {
      return privateKeyFromInfo(PrivateKeyInfo.getInstance(der));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "not a PKCS#8 private key", e);
    }
  }

  private static SigningKey privateKeyFromInfo(PrivateKeyInfo info) {
    ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
    try {
      if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
        byte[] seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
        SigningKey key = SigningKey.ed25519FromSeed(seed);
        Arrays.fill(seed, (byte) 0);
        if (info.getPublicKeyData() != null
            && !Arrays.equals(info.getPublicKeyData().getOctets(), key.publicKey().rawBytes())) {
          throw new InvalidInputException(SigningErrorCode.KEY_MISMATCH, "the PKCS#8 public key does not belong to its private key");
        }
        return key;
      }
      if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
        ecCurve(info.getPrivateKeyAlgorithm().getParameters());
        return SigningKey.fromJdk(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded())));
      }
      if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
        return SigningKey.fromJdk(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded())));
      }
      if (isOtherCurve(oid)) {
        throw new InvalidInputException(SigningErrorCode.KEY_WRONG_CURVE, "unsupported curve " + oid + " (expected Ed25519 or P-256)");
      }
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "the private key could not be decoded", e);
    }
    throw new InvalidInputException(SigningErrorCode.KEY_UNSUPPORTED, "unsupported private key algorithm " + oid);
  }

  /** A public key from a DER SubjectPublicKeyInfo. */
  public static VerificationKey publicKeyFromSpki(SubjectPublicKeyInfo info) {
    ASN1ObjectIdentifier oid = info.getAlgorithm().getAlgorithm();
    try {
      if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
        return VerificationKey.ed25519(info.getPublicKeyData().getOctets());
      }
      if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
        return VerificationKey.of(ecCurve(info.getAlgorithm().getParameters())
            .fromEncodedPoint(info.getPublicKeyData().getOctets()));
      }
      if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
        return VerificationKey.of(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(info.getEncoded())));
      }
      if (isOtherCurve(oid)) {
        throw new InvalidInputException(SigningErrorCode.KEY_WRONG_CURVE, "unsupported curve " + oid + " (expected Ed25519 or P-256)");
      }
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new InvalidInputException(SigningErrorCode.KEY_MALFORMED, "the public key could not be decoded", e);
    }
    throw new InvalidInputException(SigningErrorCode.KEY_UNSUPPORTED, "unsupported public key algorithm " + oid);
  }

  private static boolean isOtherCurve(ASN1ObjectIdentifier oid) {
    return EdECObjectIdentifiers.id_Ed448.equals(oid)
        || EdECObjectIdentifiers.id_X25519.equals(oid)
        || EdECObjectIdentifiers.id_X448.equals(oid);
  }

  private static EcCurve ecCurve(org.bouncycastle.asn1.ASN1Encodable params) {
    if (params instanceof ASN1ObjectIdentifier curve && SECObjectIdentifiers.secp256r1.equals(curve)) {
      return EcCurve.P256;
    }
    if (params instanceof ASN1ObjectIdentifier curve && SECObjectIdentifiers.secp384r1.equals(curve)) {
      return EcCurve.P384;
    }
    throw new InvalidInputException(io.github.insignia.openbadges.signing.SigningErrorCode.KEY_WRONG_CURVE,
        "only the P-256 (secp256r1) and P-384 (secp384r1) curves are supported for EC keys");
  }

  /** The curve an EC JWK names ({@code crv} P-256 or P-384). */
  private static EcCurve ecCurve(JsonNode jwk) {
    String crv = jwk.path("crv").asText("");
    for (EcCurve c : EcCurve.values()) {
      if (c.curveName().equals(crv)) {
        return c;
      }
    }
    throw new InvalidInputException(io.github.insignia.openbadges.signing.SigningErrorCode.KEY_WRONG_CURVE,
        "unsupported EC curve '" + crv + "' (expected P-256 or P-384)");
  }

  // ---------------------------------------------------------------- Multikey

  /**
   * A private key from a Multikey document with {@code secretKeyMultibase} (or {@code
   * privateKeyMultibase}); when {@code publicKeyMultibase} is present it must match.
   */
  public static SigningKey privateKeyFromMultikey(JsonNode multikey) {
    requireObject(multikey);
    String secret = multikey.has("secretKeyMultibase")
        ? text(multikey, "secretKeyMultibase") : text(multikey, "privateKeyMultibase");
    SigningKey key = Multikey.decodeSecret(secret);
    if (multikey.has("publicKeyMultibase")
        && !key.publicKey().equals(Multikey.decodePublic(text(multikey, "publicKeyMultibase")))) {
      throw new InvalidInputException(SigningErrorCode.KEY_MISMATCH, "publicKeyMultibase does not belong to secretKeyMultibase");
    }
    return key;
  }

  /**
   * The verification method id a key file names: a Multikey's {@code id} or {@code
   * verificationMethod} member, a JWK's {@code kid}; empty for PEM or when absent.
   */
  public static Optional<String> declaredVerificationMethod(String keyText) {
    checkSize(keyText);
    String trimmed = keyText.strip();
    if (trimmed.startsWith("-----BEGIN")) {
      return Optional.empty();
    }
    JsonNode json = readJson(trimmed);
    for (String member : new String[] {"verificationMethod", "id", "kid"}) {
      JsonNode value = json.get(member);
      if (value != null && value.isTextual() && !value.asText().isBlank()) {
        return Optional.of(value.asText());
      }
    }
    return Optional.empty();
  }
}
