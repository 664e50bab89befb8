package io.github.insignia.openbadges.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.cli.InsigniaCommandTest.Run;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity;
import io.github.insignia.openbadges.signing.jose.Ob2Jws;
import io.github.insignia.openbadges.signing.jose.VcJwt;
import io.github.insignia.openbadges.signing.keys.KeyDocuments;
import io.github.insignia.openbadges.signing.keys.Keys;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.signing.verify.IssuerKeys;
import io.github.insignia.openbadges.signing.verify.VerificationPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.github.insignia.openbadges.testvectors.TestVectors;

class SigningCommandsTest {
  static final Path VECTORS = TestVectors.root();
  static final Path OB3 = VECTORS.resolve("eddsa-vectors/ob-spec-obv3p0");

  @TempDir Path tmp;

  private static Run run(String... args) {
    return InsigniaCommandTest.run(args);
  }

  @Test
  void keygenEd25519WritesThePrivateJwkAndPrintsTheDidKey() throws Exception {
    Path file = tmp.resolve("issuer.jwk");
    Run r = run("keygen", "--type", "ed25519", "--out", file.toString());
    assertEquals(0, r.exit(), r.err());
    SigningKey key = Keys.parsePrivateKey(Files.readString(file));
    assertEquals(KeyType.ED25519, key.keyType());
    assertEquals(key.publicKey().didKey() + "\n", r.out());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    String before = Files.readString(file);
    Run again = run("keygen", "--type", "ed25519", "--out", file.toString());
    assertEquals(2, again.exit());
    assertTrue(again.err().startsWith("error: KEY_FILE_EXISTS: "), again.err());
    assertEquals(before, Files.readString(file));
  }

  @Test
  void keygenRsaPrintsTheThumbprint() throws Exception {
    Path file = tmp.resolve("rsa.jwk");
    Run r = run("keygen", "--type", "rsa", "--out", file.toString());
    assertEquals(0, r.exit(), r.err());
    SigningKey key = Keys.parsePrivateKey(Files.readString(file));
    assertEquals(key.publicKey().thumbprint() + "\n", r.out());
  }

  @Test
  void keygenWithOutDashPrintsTheJwkAndTheDidKeyOnStderr() {
    Run r = run("keygen", "--type", "p256", "--out", "-");
    assertEquals(0, r.exit(), r.err());
    SigningKey key = Keys.parsePrivateKey(r.out());
    assertEquals(key.publicKey().didKey() + "\n", r.err());
    assertTrue(r.err().startsWith("did:key:zDn"));
    Run p384 = run("keygen", "--type", "p384", "--out", "-");
    assertEquals(0, p384.exit(), p384.err());
    assertEquals("P-384", Keys.parsePrivateKey(p384.out()).publicKey().toJwk().get("crv").asText());
    assertTrue(p384.err().startsWith("did:key:z82"));
    assertEquals(2, run("keygen", "--type", "ed448").exit());
  }

  @Test
  void keygenWithoutOutWritesIssuerKeyJwkAndPrintsOnlyTheDidKey() throws Exception {
    Path file = Path.of("issuer-key.jwk");
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(file), "issuer-key.jwk already in the working folder");
    try {
      Run r = run("keygen", "--type", "ed25519");
      assertEquals(0, r.exit(), r.err());
      SigningKey key = Keys.parsePrivateKey(Files.readString(file));
      assertEquals(key.publicKey().didKey() + "\n", r.out());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void signingTheOb3VectorPrintsTheVectorByteForByte() throws Exception {
    Run r = run("sign", "--key", OB3.resolve("keypair.json").toString(), "--format", "di",
        "--created", "2010-01-01T19:23:24Z", OB3.resolve("credential-unsigned.json").toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(Files.readString(OB3.resolve("credential-signed.json"), StandardCharsets.UTF_8), r.out());
  }

  @Test
  void signJwtWithAKeygenKey() throws Exception {
    Path keyFile = tmp.resolve("k.jwk");
    String did = run("keygen", "--type", "ed25519", "--out", keyFile.toString()).out().strip();
    ObjectNode credential = (ObjectNode) SafeJson.read(Files.readAllBytes(OB3.resolve("credential-unsigned.json")));
    ((ObjectNode) credential.get("issuer")).put("id", did);
    Path input = tmp.resolve("c.json");
    Files.writeString(input, SafeJson.write(credential));
    Run jwt = run("sign", "--key", keyFile.toString(), "--format", "jwt", input.toString());
    assertEquals(0, jwt.exit(), jwt.err());
    assertEquals(credential, VcJwt.verifier(IssuerKeys.offline(), VerificationPolicy.defaults()).verify(jwt.out().strip()).credential());
    Run di = run("sign", "--key", keyFile.toString(), "--format", "di", input.toString());
    assertEquals(0, di.exit(), di.err());
    DataIntegrity.create().verifier(IssuerKeys.offline(), VerificationPolicy.defaults()).verify(SafeJson.read(di.out()));
  }

  @Test
  void signOb2JwsWithAPkcs1Pem() throws Exception {
    Path pem = VECTORS.resolve("baked/mozilla-bakery/rsa-private.pem");
    String keyUrl = "https://example.org/publicKey.json";
    Run r = run("sign", "--key", pem.toString(), "--format", "ob2-jws", "--verification-method", keyUrl,
        VECTORS.resolve("ob2/ob-spec-examples/examples-index-07.json").toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("eyJhbGciOiJSUzI1NiJ9."));
    SigningKey key = Keys.privateKeyFromPem(Files.readString(pem));
    JsonNode profile = SafeJson.read("{\"id\":\"https://example.org/organization.json\",\"publicKey\":\"" + keyUrl + "\"}");
    Ob2Jws.verify(r.out().strip(), KeyDocuments.ob2CryptographicKey(keyUrl, "https://example.org/organization.json",
        key.publicKey()), profile);
  }

  @Test
  void errorsHaveStableCodesAndExitCodes() throws Exception {
    Path pem = VECTORS.resolve("baked/mozilla-bakery/rsa-private.pem");
    Path keypair = OB3.resolve("keypair.json");
    Path credential = OB3.resolve("credential-unsigned.json");
    Run rsaNoVm = run("sign", "--key", pem.toString(), "--format", "jwt", credential.toString());
    assertEquals(2, rsaNoVm.exit());
    assertTrue(rsaNoVm.err().startsWith("error: KEY_NO_VERIFICATION_METHOD: "), rsaNoVm.err());
    Path notBadge = tmp.resolve("x.json");
    Files.writeString(notBadge, "{\"hello\":\"world\"}");
    assertEquals(1, run("sign", "--key", keypair.toString(), "--format", "di", notBadge.toString()).exit());
    assertEquals(1, run("sign", "--key", keypair.toString(), "--format", "ob2-jws", notBadge.toString()).exit());
    Run created = run("sign", "--key", keypair.toString(), "--format", "jwt", "--created", "2010-01-01T00:00:00Z",
        credential.toString());
    assertEquals(2, created.exit());
    assertTrue(created.err().startsWith("error: USAGE: "), created.err());
    Path badKey = tmp.resolve("bad.jwk");
    Files.writeString(badKey, "{\"kty\":\"EC\",\"crv\":\"P-521\",\"x\":\"AA\",\"y\":\"AA\",\"d\":\"AA\"}");
    Run wrongCurve = run("sign", "--key", badKey.toString(), "--format", "di", credential.toString());
    assertEquals(2, wrongCurve.exit());
    assertTrue(wrongCurve.err().startsWith("error: KEY_WRONG_CURVE: "), wrongCurve.err());
    assertEquals(2, run("sign", "--key", keypair.toString(), "--format", "xml", credential.toString()).exit());
  }
}
