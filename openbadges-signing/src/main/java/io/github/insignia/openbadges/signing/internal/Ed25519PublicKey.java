package io.github.insignia.openbadges.signing.internal;

import java.io.ObjectStreamException;
import java.math.BigInteger;
import java.security.KeyRep;
import java.security.PublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * An Ed25519 public key as a JDK {@link EdECPublicKey}, made from its 32 bytes without the JDK's key
 * factory. Looking that factory up instantiates every configured security provider (SunPKCS11
 * included) before SunEC is reached, about 15 ms of a one-badge {@code insignia verify}, and the
 * verification never needs a JDK key: it verifies with Bouncy Castle on the bytes. The key is
 * checked (a point on the curve) by the caller before it is wrapped here.
 *
 * <p>It behaves as the JDK's own: algorithm {@code EdDSA}, X.509 (SubjectPublicKeyInfo) encoding,
 * parameters {@link NamedParameterSpec#ED25519}, equal to any key with the same encoding (the JDK's
 * keys compare encodings too), accepted by the JDK's {@code Signature.getInstance("Ed25519")}, and
 * serialized as a {@link KeyRep}, so it deserializes as a JDK key.
 */
public final class Ed25519PublicKey implements EdECPublicKey {
  private static final long serialVersionUID = 1L;

  /** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 key bytes follow. */
  private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

  private final byte[] spki;

  private Ed25519PublicKey(byte[] spki) {
    this.spki = spki;
  }

  /** The key for 32 raw bytes (RFC 8032 encoding); the caller has checked the point. */
  public static Ed25519PublicKey of(byte[] raw) {
    if (raw.length != 32) {
      throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + raw.length);
    }
    byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
    System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, 32);
    return new Ed25519PublicKey(spki);
  }

  /** The 32 raw bytes of an Ed25519 SubjectPublicKeyInfo, or null when it is not one. */
  public static byte[] rawFromSpki(byte[] spki) {
    if (spki == null || spki.length != SPKI_PREFIX.length + 32
        || !Arrays.equals(spki, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
      return null;
    }
    return Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length);
  }

  @Override
  public String getAlgorithm() {
    return "EdDSA";
  }

  @Override
  public String getFormat() {
    return "X.509";
  }

  @Override
  public byte[] getEncoded() {
    return spki.clone();
  }

  @Override
  public NamedParameterSpec getParams() {
    return NamedParameterSpec.ED25519;
  }

  /** The point as RFC 8032 encodes it: y little-endian, the top bit of the last byte x's parity. */
  @Override
  public EdECPoint getPoint() {
    byte[] bigEndian = new byte[32];
    for (int i = 0; i < 32; i++) {
      bigEndian[i] = spki[spki.length - 1 - i];
    }
    boolean xOdd = (bigEndian[0] & 0x80) != 0;
    bigEndian[0] &= 0x7f;
    return new EdECPoint(xOdd, new BigInteger(1, bigEndian));
  }

  /** Equal to any key with the same encoding, as the JDK's own keys are. */
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof PublicKey other && "X.509".equals(other.getFormat()) && Arrays.equals(spki, other.getEncoded());
  }

  /** The JDK's own formula for X.509 keys ({@code sun.security.x509.X509Key}), so mixed maps agree. */
  @Override
  public int hashCode() {
    int r = spki.length;
    for (byte b : spki) {
      r += (b & 0xff) * 37;
    }
    return r;
  }

  @Override
  public String toString() {
    return "Ed25519 public key " + Crypto.b64u(Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length));
  }

  /** Serialized as the JCA's key representation, which deserializes through the JDK's key factory. */
  private Object writeReplace() throws ObjectStreamException {
    return new KeyRep(KeyRep.Type.PUBLIC, getAlgorithm(), getFormat(), getEncoded());
  }
}
