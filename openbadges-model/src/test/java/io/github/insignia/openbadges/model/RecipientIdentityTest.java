package io.github.insignia.openbadges.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.ModelErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.ob2.IdentityObject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecipientIdentityTest {
  @Test
  void validatorCoreVectorsMatch() throws IOException {
    JsonNode vectors = SafeJson.read(Files.readAllBytes(
        SpecExamplesTest.VECTORS.resolve("ob2/validator-core/recipient-identity-vectors.json")));
    int checked = 0;
    for (JsonNode v : vectors.get("vectors")) {
      assertTrue(v.get("expected").asText().startsWith("MATCH"), v.toString());
      boolean hashed = v.path("hashed").asBoolean(true);
      IdentityObject recipient = IdentityObject.builder()
          .identityType(v.get("identity_type").asText())
          .hashed(hashed)
          .identity(v.get("hashed_identity").asText())
          .salt(v.get("salt").isNull() ? null : v.get("salt").asText())
          .build();
      assertTrue(RecipientIdentity.matches(recipient, v.get("plaintext").asText()), v.toString());
      if (v.has("profile_emails")) {
        boolean any = false;
        for (JsonNode e : v.get("profile_emails")) {
          any |= RecipientIdentity.matches(recipient, e.asText());
        }
        assertTrue(any);
      }
      assertFalse(RecipientIdentity.matches(recipient, "somebody.else@example.org"), v.toString());
      checked++;
    }
    assertEquals(5, checked);
  }

  @Test
  void specDigestCheckValues() {
    assertEquals("sha256$7a1a1b3f7d40552e4299180e346e3add12bf9a751a43d9c4ca4518febc2c60c6",
        IdentityHash.compute(HashAlgorithm.SHA256, "mayze", null).toString());
    assertEquals("sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399",
        IdentityHash.compute(HashAlgorithm.SHA256, "a@example.com", "Kosher").toString());
  }

  @Test
  void md5IsReadAndChecked() {
    IdentityHash md5 = IdentityHash.compute(HashAlgorithm.MD5, "a@example.com", "s");
    assertEquals(32, md5.hex().length());
    assertTrue(IdentityHash.parse("MD5$" + md5.hex().toUpperCase()).matches("a@example.com", "s"));
  }

  @Test
  void hexIsCaseInsensitiveAndAlgorithmPrefixToo() {
    IdentityHash lower = IdentityHash.parse("sha256$80cd3e85e82e45e8345bb20bd62156ce2ac5b7eac3bb87dbe2ec0c3dd0b39907");
    IdentityHash upper = IdentityHash.parse("SHA256$80CD3E85E82E45E8345BB20BD62156CE2AC5B7EAC3BB87DBE2EC0C3DD0B39907");
    assertEquals(lower, upper);
    assertEquals(lower.toString(), upper.toString());
  }

  @Test
  void malformedHashesAreRefused() {
    for (String bad : new String[] {"sha256$abc", "sha1$" + "a".repeat(40), "nobody@example.org",
        "sha256$" + "g".repeat(64), "$" + "a".repeat(64), "md5$" + "a".repeat(64)}) {
      assertTrue(IdentityHash.tryParse(bad).isEmpty(), bad);
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> IdentityHash.parse(bad));
      assertEquals(ModelErrorCode.IDENTITY_HASH_MALFORMED, e.errorCode());
    }
  }

  @Test
  void aFreshSaltPerRecipient() {
    Set<String> salts = new HashSet<>();
    Set<String> hashes = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      IdentityObject r = RecipientIdentity.ob2HashedEmail("ada@example.org");
      salts.add(r.salt().orElseThrow());
      hashes.add(r.identity().orElseThrow());
      assertEquals(32, r.salt().orElseThrow().length());
    }
    assertEquals(50, salts.size());
    assertEquals(50, hashes.size());
  }

  @Test
  void emailsAreNormalisedWhenHashedAndCompared() {
    IdentityObject r = RecipientIdentity.ob2HashedEmail("  Ada.Lovelace@Example.ORG ", "salt");
    assertEquals(IdentityHash.compute(HashAlgorithm.SHA256, "ada.lovelace@example.org", "salt").toString(),
        r.identity().orElseThrow());
    assertTrue(RecipientIdentity.matches(r, "ADA.LOVELACE@example.org"));
    assertTrue(RecipientIdentity.matches(r, "ada.lovelace@example.org"));
    assertFalse(RecipientIdentity.matches(r, "ada.lovelace@example.com"));
  }

  @Test
  void anIssuerThatHashedWithoutNormalisingStillMatchesTheRawCandidate() {
    String hash = IdentityHash.compute(HashAlgorithm.SHA256, "Ada@Example.org", "x").toString();
    IdentityObject r = IdentityObject.builder().identityType("email").hashed(true).identity(hash).salt("x").build();
    assertTrue(RecipientIdentity.matches(r, "Ada@Example.org"));
    assertFalse(RecipientIdentity.matches(r, "ada@example.org"));
  }

  @Test
  void plaintextEmailsCompareCaseInsensitively() {
    IdentityObject r = IdentityObject.builder().identityType("email").hashed(false).identity("Ada@Example.org").build();
    assertTrue(RecipientIdentity.matches(r, "ada@example.ORG"));
    IdentityObject url = IdentityObject.builder().identityType("url").hashed(false).identity("https://ada.example/Me").build();
    assertFalse(RecipientIdentity.matches(url, "https://ada.example/me"), "URLs compare exactly");
    assertTrue(RecipientIdentity.matches(url, "https://ada.example/Me"));
  }

  @Test
  void withoutSaltTheIdentityIsHashedAlone() {
    IdentityObject r = RecipientIdentity.ob2HashedEmail("ada@example.org", null);
    assertTrue(r.salt().isEmpty());
    assertEquals(IdentityHash.compute(HashAlgorithm.SHA256, "ada@example.org", null).toString(), r.identity().orElseThrow());
    assertTrue(RecipientIdentity.matches(r, "ada@example.org"));
  }

  @Test
  void aHashedFlagWithAMalformedHashNeverMatches() {
    IdentityObject r = IdentityObject.builder().identityType("email").hashed(true).identity("ada@example.org").build();
    assertFalse(RecipientIdentity.matches(r, "ada@example.org"));
    assertTrue(r.identityHash().isEmpty());
  }

  @Test
  void ob3IdentityObject() {
    var id = RecipientIdentity.ob3HashedEmail("Ada.Lovelace@example.org");
    assertEquals("IdentityObject", id.types().get(0));
    assertEquals(Optional.of("emailAddress"), id.identityType());
    assertTrue(id.parsedHash().isPresent());
    assertTrue(RecipientIdentity.matches(id, "ada.lovelace@EXAMPLE.org"));
    assertFalse(RecipientIdentity.matches(id, "charles@example.org"));
    var again = RecipientIdentity.ob3HashedEmail("Ada.Lovelace@example.org");
    assertNotEquals(id.identityHash(), again.identityHash(), "fresh salt");
    var sourced = io.github.insignia.openbadges.model.ob3.IdentityObject.builder()
        .hashed(false).identityHash("S-123").identityType("sourcedId").build();
    assertTrue(RecipientIdentity.matches(sourced, "S-123"));
    assertFalse(RecipientIdentity.matches(sourced, "s-123"));
  }
}
