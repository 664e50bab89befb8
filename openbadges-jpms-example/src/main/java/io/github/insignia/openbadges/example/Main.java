package io.github.insignia.openbadges.example;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity;
import io.github.insignia.openbadges.signing.dataintegrity.ProofOptions;
import io.github.insignia.openbadges.signing.jose.VcJwt;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.signing.verify.IssuerKeys;
import io.github.insignia.openbadges.signing.verify.VerificationPolicy;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.VerificationOptions;
import io.github.insignia.openbadges.validation.VerificationReport;
import java.util.HexFormat;

/**
 * Signs an OB 3.0 credential (Data Integrity {@code eddsa-rdfc-2022} and VC-JWT) with a key made
 * from an RFC 8032 seed, verifies both proofs, then verifies the signed badge offline with {@link
 * BadgeVerifier} (JSON-LD contexts, JSON Schema, proof). Prints one line per step and exits non-zero
 * on any failure.
 */
public final class Main {
  private static final String CREDENTIAL = "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
      + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],\"id\":\"urn:uuid:2f0a7b3e-9c1d-4e55-8f0b-7d1b5e0c9a11\","
      + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],\"issuer\":{\"id\":\"ISSUER\","
      + "\"type\":[\"Profile\"],\"name\":\"Example University\"},\"validFrom\":\"2026-01-01T00:00:00Z\",\"name\":\"Teamwork\","
      + "\"credentialSubject\":{\"id\":\"did:example:learner\",\"type\":[\"AchievementSubject\"],\"achievement\":{\"id\":\"https://university.example.org/achievements/teamwork\","
      + "\"type\":[\"Achievement\"],\"name\":\"Teamwork\",\"description\":\"Collaborates well.\",\"criteria\":{\"narrative\":\"Nominated by peers.\"}}}}";

  private Main() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    SigningKey key = SigningKey.fromEd25519Seed(
        HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    String did = key.publicKey().didKey();
    String vm = key.publicKey().didKeyVerificationMethod();
    ObjectNode credential = (ObjectNode) SafeJson.read(CREDENTIAL.replace("ISSUER", did));
    System.out.println("module " + Main.class.getModule().getName() + ", issuer " + did);

    DataIntegrity di = DataIntegrity.create();
    ObjectNode signed = di.sign(credential, key, ProofOptions.builder(vm).build());
    // The one judge: keys bound to the issuer (a did:key binds itself, offline).
    IssuerKeys keys = IssuerKeys.offline();
    di.verifier(keys, VerificationPolicy.defaults()).verify(signed);
    System.out.println("data integrity: verified");

    String jwt = VcJwt.sign(credential, key, vm);
    VcJwt.verifier(keys, VerificationPolicy.defaults()).verify(jwt);
    System.out.println("vc-jwt: verified");

    BadgeVerifier verifier = BadgeVerifier.create(VerificationOptions.builder().offline(true).build());
    VerificationReport report = verifier.verify(SafeJson.write(signed));
    System.out.println("badge verifier: " + report.summary());
    if (!report.valid()) {
      System.exit(1);
    }
  }
}
