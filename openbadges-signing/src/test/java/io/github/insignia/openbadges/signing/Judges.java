package io.github.insignia.openbadges.signing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity;
import io.github.insignia.openbadges.signing.keys.DidKey;
import io.github.insignia.openbadges.signing.keys.VerificationKey;
import io.github.insignia.openbadges.signing.verify.IssuerKeys;
import io.github.insignia.openbadges.signing.verify.ProofFailure;
import io.github.insignia.openbadges.signing.verify.ProofVerificationException;
import io.github.insignia.openbadges.signing.verify.VerificationPolicy;
import java.util.List;

/**
 * The one judge as the signing tests use it: offline ({@code did:key} and {@code did:jwk} issuers bind
 * by themselves; nothing is fetched) and, for issuers that publish no keys in a test (the published
 * vectors' {@code https://…} and foreign {@code did:key} issuers), keys the host trusts for that
 * issuer ({@link VerificationPolicy.Builder#trustedKey}).
 */
public final class Judges {
  private Judges() {}

  /** The offline key binder. */
  public static IssuerKeys offline() {
    return IssuerKeys.offline();
  }

  /** A policy trusting {@code keys} for {@code issuerId}, else the defaults. */
  public static VerificationPolicy trusting(String issuerId, VerificationKey... keys) {
    VerificationPolicy.Builder b = VerificationPolicy.builder();
    for (VerificationKey k : keys) {
      b.trustedKey(issuerId, k);
    }
    return b.build();
  }

  /** {@code di}'s judge, offline, with the default policy. */
  public static DataIntegrity.Verifier dataIntegrity(DataIntegrity di) {
    return di.verifier(offline(), VerificationPolicy.defaults());
  }

  /**
   * Verifies a published vector whose issuer publishes no keys: first checks that the judge refuses
   * it unbound (the signing key is not the issuer's as far as anyone can tell), then verifies it with
   * the {@code did:key}s its proofs name trusted for its issuer, as a host that configured them would.
   */
  public static DataIntegrity.Verified verifyVector(DataIntegrity di, JsonNode document) {
    String issuer = issuerId(document);
    ProofVerificationException unbound = assertThrows(ProofVerificationException.class,
        () -> dataIntegrity(di).verify(document));
    assertTrue(unbound.failure() == ProofFailure.KEY_NOT_BOUND || unbound.failure() == ProofFailure.ISSUER_KEYS_UNAVAILABLE,
        unbound.failure() + ": " + unbound.getMessage());
    JsonNode proofs = document.get("proof");
    List<VerificationKey> keys = new java.util.ArrayList<>();
    for (JsonNode proof : proofs.isArray() ? proofs : List.of(proofs)) {
      keys.add(DidKey.parse(proof.get("verificationMethod").asText()));
    }
    return di.verifier(offline(), trusting(issuer, keys.toArray(VerificationKey[]::new))).verify(document);
  }

  /** The document's issuer id. */
  public static String issuerId(JsonNode document) {
    JsonNode issuer = document.get("issuer");
    return issuer.isTextual() ? issuer.asText() : issuer.get("id").asText();
  }
}
