package io.github.insignia.openbadges.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.Contexts;
import io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity;
import io.github.insignia.openbadges.signing.rdf.RdfCanonicalizer;
import java.util.Locale;

/**
 * The one-off work of a JVM's first OB 3.0 verification, done ahead of it: the pinned
 * AchievementCredential JSON Schema parsed and compiled (networknt's draft 2019-09 dialect and its
 * logging set up on the way), the pinned VC 2.0 and OB 3.0 contexts processed by the shared
 * canonicalizer (with the type-scoped contexts an issued badge reaches), an Ed25519 did:key
 * decoded, and the English messages read. Everything it makes is a shared, immutable, memoized
 * form that the verification would build the same way on first use; it judges nothing, and no
 * check is skipped because it ran.
 */
public final class Preparation {
  /** A did:key of an Ed25519 key (a public key only; nothing is ever verified with it). */
  static final String DID_KEY = "did:key:z6MkipzSPNdsjmY1a6paPKztCLaWFR3vijYujBuuBE87Go2y";

  /**
   * An unsigned OB 3.0 credential shaped like an issued one (a Profile issuer, an AchievementSubject,
   * an Achievement with Criteria), valid against the pinned schema, so that validating and
   * canonicalizing it reaches what a real badge reaches.
   */
  static final String CREDENTIAL = "{\"@context\":[\"" + Contexts.VC_V2 + "\",\"" + Contexts.OB_V3 + "\"],"
      + "\"id\":\"urn:uuid:4e2b0f55-6b39-4b59-9d1a-1f0b5e0c2a11\","
      + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],"
      + "\"issuer\":{\"id\":\"" + DID_KEY + "\",\"type\":[\"Profile\"],\"name\":\"Issuer\"},"
      + "\"validFrom\":\"2024-01-01T00:00:00Z\",\"name\":\"Badge\","
      + "\"credentialSubject\":{\"id\":\"did:example:learner\",\"type\":[\"AchievementSubject\"],"
      + "\"achievement\":{\"id\":\"https://example.com/achievements/1\",\"type\":[\"Achievement\"],"
      + "\"criteria\":{\"narrative\":\"Done.\"},\"description\":\"A badge.\",\"name\":\"Badge\"}}}";

  /** The proof options an {@code eddsa-rdfc-2022} proof canonicalizes, in the credential's contexts. */
  static final String PROOF_OPTIONS = "{\"@context\":[\"" + Contexts.VC_V2 + "\",\"" + Contexts.OB_V3 + "\"],"
      + "\"type\":\"DataIntegrityProof\",\"created\":\"2024-01-01T00:00:00Z\","
      + "\"verificationMethod\":\"" + DID_KEY + "#" + DID_KEY.substring("did:key:".length()) + "\","
      + "\"cryptosuite\":\"eddsa-rdfc-2022\",\"proofPurpose\":\"assertionMethod\"}";

  private Preparation() {}

  /**
   * Does the work; never throws (a step that fails is only logged: the verification that needs
   * it does it again and reports what went wrong there).
   */
  public static void run() {
    // One thread, in the order a verification needs them: the proof (contexts, key), then the
    // schema, then the report's messages. A second preparation thread (contexts beside the schema)
    // was measured slower once the launcher stopped compiling so eagerly: three busy threads and
    // the compiler on two cores delay the main thread more than the overlap saves (docs/cli.md).
    step("contexts", () -> {
      RdfCanonicalizer canonicalizer = RdfCanonicalizer.create();
      canonicalizer.canonicalize(SafeJson.read(CREDENTIAL));
      canonicalizer.canonicalize(SafeJson.read(PROOF_OPTIONS));
    });
    step("key", DataIntegrity::prepareKeys);
    String schema = Contexts.OB_V3_ACHIEVEMENT_CREDENTIAL_SCHEMA;
    step("schema", () -> {
      Schemas.prepare(schema);
      Schemas.validate(schema, Schemas.screen(schema, SafeJson.read(CREDENTIAL)).instance());
    });
    step("messages", () -> Messages.text(Locale.ENGLISH, "OB3_SCHEMA.ok"));
  }

  private static void step(String name, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      System.getLogger(Preparation.class.getName()).log(System.Logger.Level.DEBUG, () -> "preparation step " + name + " failed: " + e, e);
    }
  }

  /** The credential the preparation validates and canonicalizes, parsed (for tests). */
  static JsonNode credential() {
    return SafeJson.read(CREDENTIAL);
  }
}
