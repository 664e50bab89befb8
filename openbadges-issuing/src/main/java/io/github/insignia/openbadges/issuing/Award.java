package io.github.insignia.openbadges.issuing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one award: its deterministic id, the badge in every format the issuer enabled, and
 * the learner's {@link DownloadPack}. Immutable (JSON accessors return copies).
 */
public final class Award {
  private final String credentialId;
  private final String recipientKey;
  private final ObjectNode credential;
  private final Optional<String> jwt;
  private final Optional<Ob2Documents> ob2Hosted;
  private final Optional<String> ob2Jws;
  private final DownloadPack pack;

  Award(String credentialId, String recipientKey, ObjectNode credential, String jwt, Ob2Documents ob2Hosted, String ob2Jws, DownloadPack pack) {
    this.credentialId = Objects.requireNonNull(credentialId, "credentialId");
    this.recipientKey = Objects.requireNonNull(recipientKey, "recipientKey");
    this.credential = credential;
    this.jwt = Optional.ofNullable(jwt);
    this.ob2Hosted = Optional.ofNullable(ob2Hosted);
    this.ob2Jws = Optional.ofNullable(ob2Jws);
    this.pack = Objects.requireNonNull(pack, "pack");
  }

  /** The credential id, {@code urn:uuid:<v5 UUID>}: the same issuer, achievement and recipient always give the same id. */
  public String credentialId() {
    return credentialId;
  }

  /** The key the status store files the recipient under. */
  public String recipientKey() {
    return recipientKey;
  }

  /**
   * The OB 3.0 credential (a copy): with its Data Integrity proof when {@link
   * BadgeFormat#OB3_DATA_INTEGRITY} is enabled, otherwise the unsigned credential the JWT carries.
   */
  public Optional<ObjectNode> credential() {
    return Optional.ofNullable(credential).map(ObjectNode::deepCopy);
  }

  /** The compact VC-JWT, when {@link BadgeFormat#OB3_JWT} is enabled. */
  public Optional<String> jwt() {
    return jwt;
  }

  /**
   * The OB 2.0 documents to serve, when an OB 2.0 format is enabled: {@link Ob2Documents#documents()}
   * maps each URL under the {@link Ob2Hosting} base to its JSON (the hosted assertion with {@link
   * BadgeFormat#OB2_HOSTED}, the BadgeClass, the issuer and, with {@link BadgeFormat#OB2_SIGNED},
   * the {@code CryptographicKey}). A verifier fetches them, so serve each at its URL.
   */
  public Optional<Ob2Documents> ob2Hosted() {
    return ob2Hosted;
  }

  /** The signed OB 2.0 assertion (compact JWS), when {@link BadgeFormat#OB2_SIGNED} is enabled. */
  public Optional<String> ob2Jws() {
    return ob2Jws;
  }

  /** The learner's download pack. */
  public DownloadPack pack() {
    return pack;
  }
}
