package io.github.insignia.openbadges.model;

import io.github.insignia.openbadges.model.ob2.IdentityObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates and checks recipient identities (OB 2.0 {@code recipient}, OB 3.0 {@code
 * credentialSubject.identifier}).
 *
 * <p>Issuing: emails are normalised (trimmed, lower-cased) and hashed with SHA-256 and a fresh
 * random salt per recipient, so equal emails in two badges do not give equal hashes. Checking: a
 * candidate is tried exactly as given and then normalised (issuers in the wild hash without
 * normalising); emails compare case-insensitively; every comparison runs in constant time.
 * Stateless and thread-safe.
 */
public final class RecipientIdentity {
  /** OB 2.0 identity type for emails. */
  public static final String OB2_EMAIL = "email";
  /** OB 3.0 {@code identityType} for emails. */
  public static final String OB3_EMAIL = "emailAddress";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int SALT_BYTES = 16;

  private RecipientIdentity() {}

  /** A fresh random salt: 16 bytes from {@link SecureRandom}, in hex. */
  public static String newSalt() {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return HexFormat.of().formatHex(salt);
  }

  /** An email as it is hashed and compared: trimmed and lower-cased (root locale). */
  public static String normaliseEmail(String email) {
    return Objects.requireNonNull(email, "email").strip().toLowerCase(Locale.ROOT);
  }

  /** An OB 2.0 hashed email recipient with a fresh salt: {@code {type:"email", hashed:true, identity:"sha256$…", salt}}. */
  public static IdentityObject ob2HashedEmail(String email) {
    return ob2HashedEmail(email, newSalt());
  }

  /** An OB 2.0 hashed email recipient with the given salt ({@code null} for none). */
  public static IdentityObject ob2HashedEmail(String email, String salt) {
    IdentityHash hash = IdentityHash.compute(HashAlgorithm.SHA256, normaliseEmail(email), salt);
    return IdentityObject.builder().identityType(OB2_EMAIL).hashed(true).identity(hash.toString()).salt(salt).build();
  }

  /** An OB 3.0 hashed email {@code identifier} with a fresh salt. */
  public static io.github.insignia.openbadges.model.ob3.IdentityObject ob3HashedEmail(String email) {
    return ob3HashedEmail(email, newSalt());
  }

  /** An OB 3.0 hashed email {@code identifier} with the given salt ({@code null} for none). */
  public static io.github.insignia.openbadges.model.ob3.IdentityObject ob3HashedEmail(String email, String salt) {
    IdentityHash hash = IdentityHash.compute(HashAlgorithm.SHA256, normaliseEmail(email), salt);
    return io.github.insignia.openbadges.model.ob3.IdentityObject.builder()
        .hashed(true)
        .identityHash(hash.toString())
        .identityType(OB3_EMAIL)
        .salt(salt)
        .build();
  }

  /**
   * Whether an OB 2.0 recipient names the candidate identity. The caller picks candidates of the
   * recipient's {@code type} (only verified ones when importing).
   */
  public static boolean matches(IdentityObject recipient, String candidate) {
    boolean email = recipient.identityType().map(OB2_EMAIL::equalsIgnoreCase).orElse(true);
    return check(recipient.hashed().orElse(false), recipient.identity(), recipient.salt(), candidate, email);
  }

  /**
   * Whether an OB 3.0 IdentityObject names the candidate identity. The caller picks candidates of
   * its {@code identityType}.
   */
  public static boolean matches(io.github.insignia.openbadges.model.ob3.IdentityObject identifier, String candidate) {
    boolean email = identifier.identityType().map(OB3_EMAIL::equals).orElse(false);
    return check(identifier.hashed().orElse(false), identifier.identityHash(), identifier.salt(), candidate, email);
  }

  /**
   * Checks a stored identity (plaintext or hash) against a candidate.
   *
   * @param hashed whether {@code stored} is a hash
   * @param email whether to compare as an email (normalised, case-insensitive)
   */
  public static boolean check(boolean hashed, Optional<String> stored, Optional<String> salt, String candidate, boolean email) {
    Objects.requireNonNull(candidate, "candidate");
    if (stored.isEmpty()) {
      return false;
    }
    if (hashed) {
      Optional<IdentityHash> hash = IdentityHash.tryParse(stored.get());
      if (hash.isEmpty()) {
        return false;
      }
      String s = salt.orElse(null);
      // Evaluate both to keep the time independent of which form matched.
      boolean raw = hash.get().matches(candidate, s);
      boolean normalised = hash.get().matches(email ? normaliseEmail(candidate) : candidate.strip(), s);
      return raw | normalised;
    }
    String a = email ? normaliseEmail(stored.get()) : stored.get();
    String b = email ? normaliseEmail(candidate) : candidate;
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
