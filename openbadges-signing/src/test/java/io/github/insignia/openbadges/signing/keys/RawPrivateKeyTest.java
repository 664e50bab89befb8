package io.github.insignia.openbadges.signing.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.signing.KeyType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** {@link SigningKey#fromEd25519Seed} and {@link SigningKey#fromP256PrivateScalar} against published vectors. */
class RawPrivateKeyTest {
  private static final HexFormat HEX = HexFormat.of();

  /** RFC 8032 section 7.1, TEST 1 (empty message). */
  @Test
  void ed25519SeedGivesRfc8032Test1KeyAndSignature() {
    byte[] seed = HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    SigningKey key = SigningKey.fromEd25519Seed(seed);
    assertEquals(KeyType.ED25519, key.keyType());
    assertArrayEquals(HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"), key.publicKey().rawBytes());
    byte[] signature = key.sign(new byte[0]);
    assertArrayEquals(
        HEX.parseHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
        signature);
    key.publicKey().verify(new byte[0], signature);
    seed[0] ^= 1; // the key keeps its own copy
    assertArrayEquals(HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"), key.publicKey().rawBytes());
  }

  /** RFC 6979 appendix A.2.5: the P-256 key, and the deterministic SHA-256 signature of "sample". */
  @Test
  void p256ScalarGivesRfc6979KeyAndSignature() {
    SigningKey key = SigningKey.fromP256PrivateScalar(HEX.parseHex("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721"));
    assertEquals(KeyType.P256, key.keyType());
    assertEquals(
        "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6",
        HEX.formatHex(java.util.Base64.getUrlDecoder().decode(key.publicKey().toJwk().get("x").asText())));
    assertEquals(
        "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299",
        HEX.formatHex(java.util.Base64.getUrlDecoder().decode(key.publicKey().toJwk().get("y").asText())));
    byte[] message = "sample".getBytes(StandardCharsets.US_ASCII);
    byte[] signature = key.sign(message);
    assertEquals("efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716", HEX.formatHex(signature, 0, 32));
    assertEquals("f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8", HEX.formatHex(signature, 32, 64));
    key.publicKey().verify(message, signature);
  }

  @Test
  void wrongLengthsAndOutOfRangeScalarsAreRefused() {
    assertThrows(InvalidInputException.class, () -> SigningKey.fromEd25519Seed(new byte[31]));
    assertThrows(InvalidInputException.class, () -> SigningKey.fromEd25519Seed(new byte[64]));
    assertThrows(InvalidInputException.class, () -> SigningKey.fromP256PrivateScalar(new byte[31]));
    assertThrows(InvalidInputException.class, () -> SigningKey.fromP256PrivateScalar(new byte[32]));
    byte[] order = HEX.parseHex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
    assertThrows(InvalidInputException.class, () -> SigningKey.fromP256PrivateScalar(order));
    byte[] orderMinusOne = new BigInteger(1, order).subtract(BigInteger.ONE).toByteArray();
    assertEquals(KeyType.P256, SigningKey.fromP256PrivateScalar(java.util.Arrays.copyOfRange(orderMinusOne, 1, 33)).keyType());
    assertThrows(NullPointerException.class, () -> SigningKey.fromEd25519Seed(null));
  }
}
