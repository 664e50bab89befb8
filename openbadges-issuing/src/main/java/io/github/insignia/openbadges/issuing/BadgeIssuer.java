package io.github.insignia.openbadges.issuing;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.baking.BadgeBaker;
import io.github.insignia.openbadges.baking.BadgePayload;
import io.github.insignia.openbadges.baking.BadgeVersion;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.export.BadgeSummary;
import io.github.insignia.openbadges.export.ExportException;
import io.github.insignia.openbadges.export.LinkedInAddToProfile;
import io.github.insignia.openbadges.export.ShareLinks;
import io.github.insignia.openbadges.export.ShareNetwork;
import io.github.insignia.openbadges.export.VerificationStatus;
import io.github.insignia.openbadges.issuing.claim.ClaimDecision;
import io.github.insignia.openbadges.issuing.claim.ClaimFacts;
import io.github.insignia.openbadges.issuing.claim.ClaimRequirements;
import io.github.insignia.openbadges.issuing.internal.NameUuid;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.HashAlgorithm;
import io.github.insignia.openbadges.model.IdentityHash;
import io.github.insignia.openbadges.model.RecipientIdentity;
import io.github.insignia.openbadges.signing.Signer;
import io.github.insignia.openbadges.signing.jose.Ob2Jws;
import io.github.insignia.openbadges.signing.jose.VcJwt;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Awards badges: from an OB 3.0 Achievement and a recipient, produces the badge in every format
 * the host enabled (OB 3.0 with a Data Integrity proof and/or as a VC-JWT, OB 2.0 hosted and/or
 * signed) with the learner's {@link DownloadPack}.
 *
 * <p>Credential ids are deterministic: {@code urn:uuid:} + the version 5 UUID of the issuer id,
 * the achievement id and the normalised recipient identifier, so a retried claim gives the same id
 * and, with a {@link StatusService}, the same status slot.
 *
 * <p>Immutable, stateless and thread-safe (the signer, prover, baker and status store it is given
 * must be thread-safe too): one instance serves a whole platform, from any number of threads.
 *
 * <pre>{@code
 * BadgeIssuer issuer = BadgeIssuer.builder(profile, signer, verificationMethodId)
 *     .formats(BadgeFormat.OB3_DATA_INTEGRITY, BadgeFormat.OB3_JWT)
 *     .prover(dataIntegrityProver)
 *     .status(statusService)
 *     .build();
 * Award award = issuer.award(AwardRequest.builder(achievement, Recipient.email("ana@example.org")).build());
 * }</pre>
 */
public final class BadgeIssuer {
  /** {@code @context[0]} of OB 3.0 credentials. */
  public static final String VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
  /** {@code @context[1]} of OB 3.0 credentials (the current OB context). */
  public static final String OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
  /** The OB 3.0 extensions context (defines {@code 1EdTechRevocationList}). */
  public static final String OB3_EXTENSIONS_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";
  /** The OB 3.0 AchievementCredential JSON Schema. */
  public static final String OB3_SCHEMA =
      "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";
  /** The OB 2.0 context. */
  public static final String OB2_CONTEXT = "https://w3id.org/openbadges/v2";

  private static final JsonNodeFactory JSON = SafeJson.nodeFactory();

  /** How a credential points at its status. */
  public enum StatusMethod {
    /** A W3C {@code BitstringStatusListEntry} (the default). */
    BITSTRING_STATUS_LIST,
    /** A reference to the 1EdTech revocation list ({@code 1EdTechRevocationList}). */
    ONE_EDTECH_REVOCATION_LIST
  }

  private final ObjectNode profile;
  private final String issuerId;
  private final Signer jwtSigner;
  private final String jwtKid;
  private final Signer ob2Signer;
  private final ObjectNode publishedProfile;
  private final Signer signer;
  private final String verificationMethod;
  private final io.github.insignia.openbadges.signing.keys.VerificationKey declaredPublicKey;
  private final Set<BadgeFormat> formats;
  private final Optional<CredentialProver> prover;
  private final Optional<StatusService> status;
  private final StatusMethod statusMethod;
  private final Optional<Ob2Hosting> ob2;
  private final ExpiryPolicy defaultExpiry;
  private final Optional<BadgeImage> defaultImage;
  private final BadgeBaker baker;
  private final Optional<String> publicPageBase;
  private final Clock clock;

  private BadgeIssuer(Builder b) {
    this.profile = embeddable(b.profile);
    this.issuerId = profile.get("id").asText();
    this.jwtSigner = b.jwtSigner != null ? b.jwtSigner : b.signer;
    this.jwtKid = b.jwtKid != null ? b.jwtKid : b.verificationMethod;
    this.ob2Signer = b.ob2Signer != null ? b.ob2Signer : b.signer;
    this.publishedProfile = b.profile.deepCopy();
    this.signer = b.signer;
    this.verificationMethod = b.verificationMethod;
    this.declaredPublicKey = b.publicKey;
    this.formats = Set.copyOf(b.formats);
    this.prover = Optional.ofNullable(b.prover);
    this.status = Optional.ofNullable(b.status);
    this.statusMethod = b.statusMethod;
    this.ob2 = Optional.ofNullable(b.ob2);
    this.defaultExpiry = b.defaultExpiry;
    this.defaultImage = Optional.ofNullable(b.defaultImage);
    this.baker = b.baker;
    this.publicPageBase = Optional.ofNullable(b.publicPageBase);
    this.clock = b.clock;
  }

  /**
   * @param issuerProfile the OB 3.0 issuer Profile ({@code id}, {@code type} with {@code Profile},
   *     {@code name})
   * @param signer signs JWTs (and, through the prover, proofs)
   * @param verificationMethod the key id proofs and the JWT {@code kid} name (controlled by the
   *     issuer id)
   */
  public static Builder builder(ObjectNode issuerProfile, Signer signer, String verificationMethod) {
    return new Builder(issuerProfile, signer, verificationMethod);
  }

  /**
   * As {@link #builder(ObjectNode, Signer, String)}, from the typed model (built with {@code
   * Profile.builder()} or read with {@code Profile.of(json)}).
   *
   * @param issuerProfile the OB 3.0 issuer Profile
   * @param signer signs JWTs (and, through the prover, proofs)
   * @param verificationMethod the key id proofs and the JWT {@code kid} name
   */
  public static Builder builder(
      io.github.insignia.openbadges.model.ob3.Profile issuerProfile, Signer signer, String verificationMethod) {
    return new Builder(Objects.requireNonNull(issuerProfile, "issuerProfile").json(), signer, verificationMethod);
  }

  /** The issuer id. */
  public String issuerId() {
    return issuerId;
  }

  /** The enabled formats. */
  public Set<BadgeFormat> formats() {
    return formats;
  }

  /** The status service, when status is enabled. */
  public Optional<StatusService> status() {
    return status;
  }

  /** The OB 2.0 hosting, when OB 2.0 is enabled. */
  public Optional<Ob2Hosting> ob2Hosting() {
    return ob2;
  }

  /**
   * The deterministic credential id of an award: {@code urn:uuid:} + UUIDv5(issuer id, achievement
   * id, recipient identity type and normalised identifier).
   */
  public String credentialIdFor(String achievementId, Recipient recipient) {
    String name = issuerId + "\n" + achievementId + "\n" + recipient.identityType() + ":" + recipient.identifier();
    return "urn:uuid:" + NameUuid.v5(NameUuid.URL_NAMESPACE, name);
  }

  /**
   * Checks the claim and awards when every requisite holds.
   *
   * @param facts what the host knows about the learner
   * @param request the award to make when granted (only built when granted)
   */
  public ClaimResult claim(ClaimFacts facts, Supplier<AwardRequest> request) {
    ClaimDecision decision = ClaimRequirements.evaluate(facts);
    if (!decision.granted()) {
      return new ClaimResult(decision, Optional.empty());
    }
    return new ClaimResult(decision, Optional.of(award(request.get())));
  }

  /**
   * Makes one award.
   *
   * @throws InvalidInputException {@code ACHIEVEMENT_INVALID} when the achievement lacks a required member
   * @throws IssuingException {@code SIGNER_FAILED} when signing fails
   */
  public Award award(AwardRequest request) {
    Objects.requireNonNull(request, "request");
    ObjectNode achievement = request.achievementShared();
    checkAchievement(achievement);
    String achievementId = achievement.get("id").asText();
    Recipient recipient = request.recipient();
    String credentialId = credentialIdFor(achievementId, recipient);
    Instant issuedAt = request.issuedAt().orElseGet(clock::instant).truncatedTo(ChronoUnit.SECONDS);
    Optional<Instant> expires =
        request.expiry().orElse(defaultExpiry).expiryFor(issuedAt).map(i -> i.truncatedTo(ChronoUnit.SECONDS));
    String salt = recipient.hashed() ? recipient.salt().orElseGet(RecipientIdentity::newSalt) : null;

    ObjectNode credential = null;
    String jwt = null;
    boolean ob3 = formats.contains(BadgeFormat.OB3_DATA_INTEGRITY) || formats.contains(BadgeFormat.OB3_JWT);
    if (ob3) {
      credential = ob3Credential(request, credentialId, issuedAt, expires, salt);
      if (formats.contains(BadgeFormat.OB3_DATA_INTEGRITY)) {
        credential = prover.orElseThrow().prove(credential);
      }
      if (formats.contains(BadgeFormat.OB3_JWT)) {
        jwt = vcJwt(credential);
      }
    } else {
      status.ifPresent(s -> s.assign(credentialId, recipient.key()));
    }
    Ob2Documents hosted = null;
    String ob2Jws = null;
    if (formats.contains(BadgeFormat.OB2_HOSTED)) {
      hosted = ob2Documents(request, credentialId, issuedAt, expires, salt, false);
    }
    if (formats.contains(BadgeFormat.OB2_SIGNED)) {
      Ob2Documents signedDocs = ob2Documents(request, credentialId, issuedAt, expires, salt, true);
      ob2Jws = Ob2Jws.sign(signedDocs.assertion(), ob2Signer, ob2.orElseThrow().keyUrl());
      if (hosted == null) {
        hosted = signedDocs;
      }
    }
    BadgePayload toBake = bakedPayload(credential, jwt, ob2Jws, hosted);
    DownloadPack pack = pack(request, achievement, credentialId, issuedAt, expires, credential, jwt, toBake);
    return new Award(credentialId, recipient.key(), credential, jwt, hosted, ob2Jws, pack);
  }

  private ObjectNode ob3Credential(AwardRequest request, String credentialId, Instant issuedAt, Optional<Instant> expires, String salt) {
    Recipient recipient = request.recipient();
    ObjectNode vc = JSON.objectNode();
    // the extensions context defines 1EdTechJsonSchemaValidator2019 and 1EdTechRevocationList:
    // without it those types are relative IRIs that safe-mode canonicalization refuses
    vc.putArray("@context").add(VC_V2_CONTEXT).add(OB3_CONTEXT).add(OB3_EXTENSIONS_CONTEXT);
    vc.put("id", credentialId);
    vc.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
    vc.set("issuer", profile.deepCopy());
    vc.put("validFrom", issuedAt.toString());
    expires.ifPresent(e -> vc.put("validUntil", e.toString()));
    vc.put("awardedDate", issuedAt.toString());
    vc.put("name", request.achievementShared().get("name").asText());
    ObjectNode subject = vc.putObject("credentialSubject");
    subject.putArray("type").add("AchievementSubject");
    if (recipient.isSubjectId()) {
      subject.put("id", recipient.identifier());
    } else {
      ObjectNode identity = subject.putArray("identifier").addObject();
      identity.put("type", "IdentityObject");
      identity.put("hashed", recipient.hashed());
      identity.put(
          "identityHash",
          recipient.hashed()
              ? IdentityHash.compute(HashAlgorithm.SHA256, recipient.identifier(), salt).toString()
              : recipient.identifier());
      identity.put("identityType", recipient.identityType());
      if (salt != null) {
        identity.put("salt", salt);
      }
    }
    subject.set("achievement", embeddable(request.achievementShared()));
    request.narrative().ifPresent(n -> subject.put("narrative", n));
    if (!request.results().isEmpty()) {
      ArrayNode results = subject.putArray("result");
      request.results().forEach(results::add);
    }
    if (!request.evidence().isEmpty()) {
      ArrayNode evidence = vc.putArray("evidence");
      for (AwardEvidence e : request.evidence()) {
        ObjectNode node = evidence.addObject();
        e.url().ifPresent(u -> node.put("id", u));
        node.putArray("type").add("Evidence");
        e.name().ifPresent(n -> node.put("name", n));
        e.narrative().ifPresent(n -> node.put("narrative", n));
      }
    }
    ObjectNode schema = vc.putArray("credentialSchema").addObject();
    schema.put("id", OB3_SCHEMA);
    schema.put("type", "1EdTechJsonSchemaValidator2019");
    status.ifPresent(
        s -> {
          if (statusMethod == StatusMethod.ONE_EDTECH_REVOCATION_LIST) {
            vc.set("credentialStatus", s.oneEdTechEntry(credentialId, recipient.key()));
          } else {
            vc.set("credentialStatus", s.bitstringEntry(credentialId, recipient.key()));
          }
        });
    return vc;
  }

  private String vcJwt(ObjectNode credential) {
    try {
      return VcJwt.sign(credential, jwtSigner, jwtKid);
    } catch (OpenBadgesException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IssuingException(SigningErrorCode.SIGNER_FAILED, "signing the VC-JWT failed: " + e.getMessage(), e);
    }
  }

  private Ob2Documents ob2Documents(
      AwardRequest request, String credentialId, Instant issuedAt, Optional<Instant> expires, String salt, boolean signed) {
    Ob2Hosting host = ob2.orElseThrow();
    ObjectNode achievement = request.achievementShared();
    Recipient recipient = request.recipient();
    Map<String, ObjectNode> docs = new LinkedHashMap<>();

    ObjectNode issuer = JSON.objectNode();
    issuer.put("@context", OB2_CONTEXT);
    issuer.put("id", host.issuerUrl());
    issuer.put("type", "Issuer");
    issuer.put("name", profile.path("name").asText(issuerId));
    issuer.put("url", profile.path("url").isTextual() ? profile.get("url").asText() : host.baseUrl());
    String email = host.issuerEmail().orElseGet(() -> profile.path("email").asText(""));
    if (!email.isEmpty()) {
      issuer.put("email", email);
    }
    copyText(profile, "description", issuer, "description");
    status.flatMap(StatusService::ob2RevocationListUrl).ifPresent(u -> issuer.put("revocationList", u));

    String badgeClassUrl = host.badgeClassUrl(achievement.get("id").asText());
    ObjectNode badgeClass = JSON.objectNode();
    badgeClass.put("@context", OB2_CONTEXT);
    badgeClass.put("id", badgeClassUrl);
    badgeClass.put("type", "BadgeClass");
    badgeClass.put("name", achievement.get("name").asText());
    badgeClass.put("description", achievement.get("description").asText());
    JsonNode image = achievement.path("image");
    String imageId = image.isTextual() ? image.asText() : image.path("id").asText("");
    if (!imageId.isEmpty()) {
      badgeClass.put("image", imageId);
    }
    ObjectNode criteria = badgeClass.putObject("criteria");
    copyText(achievement.path("criteria"), "id", criteria, "id");
    copyText(achievement.path("criteria"), "narrative", criteria, "narrative");
    if (criteria.isEmpty()) {
      criteria.put("narrative", achievement.get("description").asText());
    }
    badgeClass.put("issuer", host.issuerUrl());
    if (achievement.path("tag").isArray()) {
      badgeClass.set("tags", achievement.get("tag").deepCopy());
    }

    String assertionId = signed ? credentialId : host.assertionUrl(credentialId);
    ObjectNode assertion = JSON.objectNode();
    assertion.put("@context", OB2_CONTEXT);
    assertion.put("id", assertionId);
    assertion.put("type", "Assertion");
    ObjectNode ob2Recipient = assertion.putObject("recipient");
    boolean email2 = recipient.identityType().equals(Recipient.EMAIL_ADDRESS);
    ob2Recipient.put("type", email2 ? "email" : recipient.isSubjectId() ? "url" : "id");
    ob2Recipient.put("hashed", recipient.hashed());
    ob2Recipient.put(
        "identity",
        recipient.hashed()
            ? IdentityHash.compute(HashAlgorithm.SHA256, recipient.identifier(), salt).toString()
            : recipient.identifier());
    if (salt != null) {
      ob2Recipient.put("salt", salt);
    }
    assertion.put("badge", badgeClassUrl);
    ObjectNode verification = assertion.putObject("verification");
    if (signed) {
      verification.put("type", "SignedBadge");
      verification.put("creator", host.keyUrl());
    } else {
      verification.put("type", "HostedBadge");
    }
    assertion.put("issuedOn", issuedAt.toString());
    expires.ifPresent(e -> assertion.put("expires", e.toString()));
    request.narrative().ifPresent(n -> assertion.put("narrative", n));
    if (!request.evidence().isEmpty()) {
      ArrayNode evidence = assertion.putArray("evidence");
      for (AwardEvidence e : request.evidence()) {
        ObjectNode node = evidence.addObject();
        node.put("type", "Evidence");
        e.url().ifPresent(u -> node.put("id", u));
        e.name().ifPresent(n -> node.put("name", n));
        e.narrative().ifPresent(n -> node.put("narrative", n));
      }
    }
    if (!signed) {
      docs.put(assertionId, assertion);
    }
    docs.put(badgeClassUrl, badgeClass);
    docs.put(host.issuerUrl(), issuer);
    if (formats.contains(BadgeFormat.OB2_SIGNED)) {
      // verifiers of signed assertions find the key through the issuer's publicKey
      issuer.putArray("publicKey").add(host.keyUrl());
      host.publicKeyPem()
          .ifPresent(
              pem -> {
                ObjectNode key = JSON.objectNode();
                key.put("@context", OB2_CONTEXT);
                key.put("id", host.keyUrl());
                key.put("type", "CryptographicKey");
                key.put("owner", host.issuerUrl());
                key.put("publicKeyPem", pem);
                docs.put(host.keyUrl(), key);
              });
    }
    return new Ob2Documents(assertionId, assertion, docs);
  }

  /**
   * What the artwork carries, best first: the OB 3.0 JSON when it has an embedded proof, the
   * VC-JWT, the signed OB 2.0 assertion, the hosted OB 2.0 assertion URL.
   */
  private BadgePayload bakedPayload(ObjectNode credential, String jwt, String ob2Jws, Ob2Documents hosted) {
    if (formats.contains(BadgeFormat.OB3_DATA_INTEGRITY)) {
      return BadgePayload.of(SafeJson.write(credential), BadgeVersion.OB_3_0);
    }
    if (jwt != null) {
      return BadgePayload.of(jwt, BadgeVersion.OB_3_0);
    }
    if (ob2Jws != null) {
      return BadgePayload.of(ob2Jws, BadgeVersion.OB_2_0);
    }
    return hosted == null ? null : BadgePayload.of(hosted.assertionId(), BadgeVersion.OB_2_0);
  }

  private DownloadPack pack(
      AwardRequest request,
      ObjectNode achievement,
      String credentialId,
      Instant issuedAt,
      Optional<Instant> expires,
      ObjectNode credential,
      String jwt,
      BadgePayload toBake) {
    String json = credential == null ? null : SafeJson.writePretty(credential);
    byte[] png = null;
    String svg = null;
    Optional<BadgeImage> image = request.image().or(() -> defaultImage).or(() -> BadgeImage.fromAchievement(achievement));
    if (toBake != null && image.isPresent()) {
      png = baker.bake(image.get().pngShared(), toBake);
      svg = new String(baker.bake(image.get().svg().getBytes(java.nio.charset.StandardCharsets.UTF_8), toBake), java.nio.charset.StandardCharsets.UTF_8);
    }
    URI page = publicPageBase.map(base -> URI.create(base + credentialId.replaceFirst("^urn:uuid:", ""))).orElse(null);
    BadgeSummary.Builder summary =
        BadgeSummary.builder(achievement.get("name").asText())
            .issuerId(issuerId)
            .issuedOn(issuedAt)
            .credentialId(credentialId)
            .status(VerificationStatus.VERIFIED);
    if (profile.path("name").isTextual()) {
      summary.issuerName(profile.get("name").asText());
    }
    expires.ifPresent(summary::expires);
    if (page != null) {
      summary.publicUrl(page);
    }
    URI linkedIn = null;
    Map<String, URI> share = new LinkedHashMap<>();
    try {
      BadgeSummary badge = summary.build();
      linkedIn = LinkedInAddToProfile.builder(badge).clock(clock).build();
      if (page != null) {
        ShareLinks links = ShareLinks.builder(badge).clock(clock).build();
        for (ShareNetwork network : ShareNetwork.values()) {
          if (network != ShareNetwork.MASTODON) { // needs the learner's own instance
            share.put(network.id(), links.link(network));
          }
        }
      }
    } catch (ExportException e) {
      // an award that cannot be exported (already expired, no issuer name) simply has no links
    }
    return new DownloadPack(json, jwt, png, svg, linkedIn, page, share);
  }

  private static void checkAchievement(ObjectNode achievement) {
    for (String member : new String[] {"id", "name", "description"}) {
      if (!achievement.path(member).isTextual() || achievement.get(member).asText().isBlank()) {
        throw new InvalidInputException(IssuingErrorCode.ACHIEVEMENT_INVALID, "the achievement has no '" + member + "'");
      }
    }
    if (!hasType(achievement, "Achievement")) {
      throw new InvalidInputException(IssuingErrorCode.ACHIEVEMENT_INVALID, "the achievement's type does not contain 'Achievement'");
    }
    if (!achievement.path("criteria").isObject()) {
      throw new InvalidInputException(IssuingErrorCode.ACHIEVEMENT_INVALID, "the achievement has no 'criteria' object");
    }
  }

  /**
   * A standalone Profile or Achievement document as it is embedded in a credential: without its own
   * {@code @context}, which the credential's contexts already cover (a nested context would be
   * processed again for every credential and could redefine terms under the proof).
   */
  static ObjectNode embeddable(ObjectNode document) {
    ObjectNode copy = document.deepCopy();
    copy.remove("@context");
    return copy;
  }

  static boolean hasType(JsonNode node, String type) {
    JsonNode t = node.path("type");
    if (t.isTextual()) {
      return t.asText().equals(type);
    }
    for (JsonNode e : t) {
      if (e.asText().equals(type)) {
        return true;
      }
    }
    return false;
  }

  private static void copyText(JsonNode from, String member, ObjectNode to, String as) {
    if (from.path(member).isTextual()) {
      to.put(as, from.get(member).asText());
    }
  }

  /**
   * The documents a host must serve, at the URL each is keyed by, for verifiers to bind this
   * issuer's signing keys to the issuer (docs/issuing.md, "Publishing the issuer's keys"): none for a
   * {@code did:key}/{@code did:jwk} issuer; the {@code did.json} for {@code did:web}; for an http(s)
   * issuer its profile listing the keys under {@code verificationMethod}/{@code assertionMethod},
   * any key document on its origin the verification method names, and with {@link
   * BadgeFormat#OB3_JWT} the JWKS at {@code /.well-known/jwks.json}. OB 2.0 documents come with
   * each award ({@link Award#ob2Hosted()}: {@link Ob2Documents#documents()}).
   *
   * @return URL to JSON document, in a stable order
   * @throws ConfigurationException {@code ISSUER_KEY_UNBOUND} when the key ids cannot be bound to
   *     the issuer by any document it could serve, or {@code ISSUER_PUBLIC_KEY_UNKNOWN} when a
   *     signer is not a {@link io.github.insignia.openbadges.signing.keys.SigningKey} and no
   *     {@link Builder#publicKey} was given
   */
  public Map<URI, ObjectNode> publishedDocuments() {
    Optional<IssuerDocuments.Named> proofKey = formats.contains(BadgeFormat.OB3_DATA_INTEGRITY)
        ? Optional.of(new IssuerDocuments.Named(verificationMethod, publicKey(signer)))
        : Optional.empty();
    Optional<IssuerDocuments.Named> jwtKey = formats.contains(BadgeFormat.OB3_JWT)
        ? Optional.of(new IssuerDocuments.Named(jwtKid, publicKey(jwtSigner)))
        : Optional.empty();
    return IssuerDocuments.of(publishedProfile, proofKey, jwtKey);
  }

  /**
   * The signed {@code BitstringStatusListCredential} of every status list in use, at its URL: a
   * snapshot of today's revocations that a host serves beside {@link #publishedDocuments()} (and
   * publishes again after revoking, or serves live from {@link StatusService}). Verifiers refuse a
   * list its issuer did not sign, so the lists are signed with this issuer's prover. Empty without a
   * status service.
   *
   * @throws ConfigurationException {@code STATUS_LIST_UNSIGNED} with a status service but no
   *     Data Integrity prover to sign the lists with
   */
  public Map<URI, ObjectNode> publishedStatusLists() {
    if (status.isEmpty()) {
      return Map.of();
    }
    CredentialProver listProver = prover.orElseThrow(() -> new ConfigurationException(IssuingErrorCode.STATUS_LIST_UNSIGNED,
        "status lists must be signed by the issuer: give BadgeIssuer.Builder.prover(..) to publish them"));
    Map<URI, ObjectNode> lists = new java.util.LinkedHashMap<>();
    for (long n = 0; n < status.get().listCount(); n++) {
      lists.put(URI.create(status.get().statusListUrl(n)), status.get().statusListCredential(n, listProver));
    }
    return lists;
  }

  /**
   * Writes {@link #publishedDocuments()} and {@link #publishedStatusLists()} under {@code dir}
   * ({@code <host>/<path>} per document) with {@code dir/resources.json}, a resources map from each
   * URL to its file (for {@code insignia verify --resources}, {@code PreloadedResources.fromMapFile}
   * and {@code insignia serve}). Call it again after issuing or revoking to refresh the lists.
   *
   * @return the resources map file
   * @throws ConfigurationException as {@link #publishedDocuments()} and {@link #publishedStatusLists()}
   * @throws java.io.UncheckedIOException when a file cannot be written
   */
  public java.nio.file.Path writePublishedDocuments(java.nio.file.Path dir) {
    Map<URI, ObjectNode> all = new java.util.LinkedHashMap<>(publishedDocuments());
    all.putAll(publishedStatusLists());
    return IssuerDocuments.write(all, Objects.requireNonNull(dir, "dir"));
  }

  /**
   * Writes, as {@link #writePublishedDocuments(java.nio.file.Path)} does, {@link
   * #publishedDocuments()}, {@link #publishedStatusLists()} and also the OB 2.0 documents of awards
   * ({@link Ob2Documents#documents()}, merged; {@code FolderSink} keeps each award's in its folder),
   * so that one resources map lists everything the host serves.
   *
   * @param ob2Documents OB 2.0 documents by URL
   * @return the resources map file
   * @throws ConfigurationException as {@link #writePublishedDocuments(java.nio.file.Path)}
   * @throws java.io.UncheckedIOException when a file cannot be written
   */
  public java.nio.file.Path writePublishedDocuments(java.nio.file.Path dir, Map<URI, ObjectNode> ob2Documents) {
    Map<URI, ObjectNode> all = new java.util.LinkedHashMap<>(ob2Documents);
    // the issuer's own documents win over a stale copy among the awards'
    all.putAll(publishedDocuments());
    all.putAll(publishedStatusLists());
    return IssuerDocuments.write(all, Objects.requireNonNull(dir, "dir"));
  }

  private io.github.insignia.openbadges.signing.keys.VerificationKey publicKey(Signer s) {
    return IssuerDocuments.publicKeyOf(s, s == signer ? declaredPublicKey : null)
        .orElseThrow(() -> new ConfigurationException(IssuingErrorCode.ISSUER_PUBLIC_KEY_UNKNOWN,
            "the signer holds its key elsewhere: give BadgeIssuer.Builder.publicKey(..) so its documents can be published"));
  }

  /** Builds a {@link BadgeIssuer}. */
  public static final class Builder {
    private io.github.insignia.openbadges.signing.keys.VerificationKey publicKey;
    private final ObjectNode profile;
    private final Signer signer;
    private final String verificationMethod;
    private Signer jwtSigner;
    private String jwtKid;
    private Signer ob2Signer;
    private Set<BadgeFormat> formats = EnumSet.of(BadgeFormat.OB3_JWT);
    private CredentialProver prover;
    private StatusService status;
    private StatusMethod statusMethod = StatusMethod.BITSTRING_STATUS_LIST;
    private Ob2Hosting ob2;
    private ExpiryPolicy defaultExpiry = ExpiryPolicy.never();
    private BadgeImage defaultImage;
    private BadgeBaker baker = BadgeBaker.create();
    private String publicPageBase;
    private Clock clock = Clock.systemUTC();

    private Builder(ObjectNode profile, Signer signer, String verificationMethod) {
      this.profile = Objects.requireNonNull(profile, "issuerProfile");
      this.signer = Objects.requireNonNull(signer, "signer");
      this.verificationMethod = Objects.requireNonNull(verificationMethod, "verificationMethod");
    }

    /**
     * The main signer's public key, for a signer that keeps its private key elsewhere (HSM, KMS):
     * {@link BadgeIssuer#publishedDocuments()} lists it. Not needed for a {@link
     * io.github.insignia.openbadges.signing.keys.SigningKey}.
     */
    public Builder publicKey(io.github.insignia.openbadges.signing.keys.VerificationKey value) {
      this.publicKey = Objects.requireNonNull(value, "value");
      return this;
    }

    /** The formats to produce (default: {@link BadgeFormat#OB3_JWT}). */
    public Builder formats(BadgeFormat first, BadgeFormat... more) {
      this.formats = EnumSet.of(first, more);
      return this;
    }

    /**
     * Signs the VC-JWT with another key than the main one (default: the main signer and
     * verification method). For example RS256 or ES256, the algorithms the 1EdTech validator
     * accepts for JWTs, next to an Ed25519 key for {@code eddsa-rdfc-2022} proofs.
     */
    public Builder jwtSigner(Signer value, String kid) {
      this.jwtSigner = Objects.requireNonNull(value, "value");
      this.jwtKid = Objects.requireNonNull(kid, "kid");
      return this;
    }

    /**
     * Signs OB 2.0 assertions with another key (default: the main signer). OB 2.0 verifiers mostly
     * expect RS256, so an RSA key is the interoperable choice; publish it with {@link
     * Ob2Hosting#withPublicKeyPem}.
     */
    public Builder ob2Signer(Signer value) {
      this.ob2Signer = Objects.requireNonNull(value, "value");
      return this;
    }

    /** Adds an embedded proof for {@link BadgeFormat#OB3_DATA_INTEGRITY} (from the signing module). */
    public Builder prover(CredentialProver value) {
      this.prover = Objects.requireNonNull(value, "value");
      return this;
    }

    /** Gives every credential a status entry and files it under its recipient. */
    public Builder status(StatusService value) {
      this.status = Objects.requireNonNull(value, "value");
      return this;
    }

    /** How credentials point at their status (default: Bitstring Status List). */
    public Builder statusMethod(StatusMethod value) {
      this.statusMethod = Objects.requireNonNull(value, "value");
      return this;
    }

    /** Where OB 2.0 documents are served (required for the OB 2.0 formats). */
    public Builder ob2Hosting(Ob2Hosting value) {
      this.ob2 = Objects.requireNonNull(value, "value");
      return this;
    }

    /** The expiry of awards whose request sets none (default: never). */
    public Builder defaultExpiry(ExpiryPolicy value) {
      this.defaultExpiry = Objects.requireNonNull(value, "value");
      return this;
    }

    /** The artwork of awards whose request and achievement give none. */
    public Builder defaultImage(BadgeImage value) {
      this.defaultImage = Objects.requireNonNull(value, "value");
      return this;
    }

    /** The baker and its limits (default: {@link BadgeBaker#create()}). */
    public Builder baker(BadgeBaker value) {
      this.baker = Objects.requireNonNull(value, "value");
      return this;
    }

    /** The public badge page of an award is this prefix followed by the credential's UUID. */
    public Builder publicPageBase(String value) {
      this.publicPageBase = Objects.requireNonNull(value, "value");
      return this;
    }

    /** The time source (tests). */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "value");
      return this;
    }

    /**
     * The issuer. A configuration whose badges no verifier could accept is refused here, with what
     * is missing, rather than discovered when the first badge fails online.
     *
     * @throws InvalidInputException {@code PROFILE_INVALID} when the profile has no id or no Profile type
     * @throws ConfigurationException {@code ISSUER_MISCONFIGURED} when an enabled format lacks what it
     *     needs: {@code OB3_DATA_INTEGRITY} without a prover; OB 2.0 without an {@link Ob2Hosting};
     *     {@code OB2_SIGNED} without a public key to publish, or with a PEM that is not the OB 2.0
     *     signer's key; a status service kept for another issuer; the 1EdTech status method without
     *     a status service that has its list URL; {@code OB2_SIGNED} with status but no OB 2.0
     *     revocation list URL (signed OB 2.0 badges could not be revoked)
     * @throws ConfigurationException {@code ISSUER_KEY_UNBOUND} when the proof's verification
     *     method or the JWT {@code kid} is not one verifiers could bind to the issuer id (see
     *     {@link BadgeIssuer#publishedDocuments()})
     */
    public BadgeIssuer build() {
      if (!profile.path("id").isTextual() || !profile.get("id").asText().contains(":")) {
        throw new InvalidInputException(IssuingErrorCode.PROFILE_INVALID, "the issuer profile has no URI 'id'");
      }
      if (!hasType(profile, "Profile")) {
        throw new InvalidInputException(IssuingErrorCode.PROFILE_INVALID, "the issuer profile's type does not contain 'Profile'");
      }
      String issuerId = profile.get("id").asText();
      if (formats.contains(BadgeFormat.OB3_DATA_INTEGRITY) && prover == null) {
        throw misconfigured("OB3_DATA_INTEGRITY needs a prover: .prover(Issuers.dataIntegrity(key, verificationMethod).orElseThrow())");
      }
      IssuerDocuments.checkBound(issuerId,
          formats.contains(BadgeFormat.OB3_DATA_INTEGRITY) ? Optional.of(verificationMethod) : Optional.empty(),
          formats.contains(BadgeFormat.OB3_JWT) ? Optional.of(jwtKid != null ? jwtKid : verificationMethod) : Optional.empty());
      checkStatus(issuerId);
      if ((formats.contains(BadgeFormat.OB2_HOSTED) || formats.contains(BadgeFormat.OB2_SIGNED)) && ob2 == null) {
        throw misconfigured("the OB 2.0 formats need an Ob2Hosting: .ob2Hosting(Ob2Hosting.at(\"https://…/ob2/\"))");
      }
      if (formats.contains(BadgeFormat.OB2_SIGNED)) {
        checkOb2Key();
      }
      return new BadgeIssuer(this);
    }

    private void checkStatus(String issuerId) {
      if (status != null && !status.issuerId().equals(issuerId)) {
        // verifiers accept a status list only when the badge's issuer issued it
        throw misconfigured("the StatusService keeps the status of " + status.issuerId() + ", not of this issuer "
            + issuerId + ": build it with StatusService.builder(\"" + issuerId + "\", …)");
      }
      if (statusMethod == StatusMethod.ONE_EDTECH_REVOCATION_LIST
          && (status == null || status.oneEdTechRevocationListUrl().isEmpty())) {
        throw misconfigured("StatusMethod.ONE_EDTECH_REVOCATION_LIST needs .status(..) with a StatusService built with"
            + " StatusService.Builder.oneEdTechRevocationListUrl(..)");
      }
      if (formats.contains(BadgeFormat.OB2_SIGNED) && status != null && status.ob2RevocationListUrl().isEmpty()) {
        // a signed OB 2.0 assertion is revoked only through the issuer's revocationList
        throw misconfigured("OB2_SIGNED with a status service needs StatusService.Builder.ob2RevocationListUrl(..):"
            + " without it signed OB 2.0 badges could never be revoked");
      }
    }

    /** The OB 2.0 key must be published as a CryptographicKey: derive its PEM, or check the one given. */
    private void checkOb2Key() {
      Signer ob2Key = ob2Signer != null ? ob2Signer : signer;
      Optional<io.github.insignia.openbadges.signing.keys.VerificationKey> known =
          IssuerDocuments.publicKeyOf(ob2Key, ob2Key == signer ? publicKey : null);
      if (ob2.publicKeyPem().isEmpty()) {
        // without the CryptographicKey (owned by and listed by the issuer) no verifier can bind the key
        ob2 = ob2.withPublicKeyPem(known.orElseThrow(() -> misconfigured(
            "OB2_SIGNED needs the signing key's public key published: Ob2Hosting.withPublicKeyPem(..)"
                + " (or BadgeIssuer.Builder.publicKey(..) for a signer that keeps its key elsewhere)")).toSpkiPem());
      } else if (known.isPresent()
          && !io.github.insignia.openbadges.signing.keys.Keys.publicKeyFromPem(ob2.publicKeyPem().get()).equals(known.get())) {
        throw misconfigured("the PEM given to Ob2Hosting.withPublicKeyPem(..) is not the public key of the OB 2.0 signer:"
            + " verifiers would reject every signed OB 2.0 badge");
      }
    }

    private static ConfigurationException misconfigured(String what) {
      return new ConfigurationException(IssuingErrorCode.ISSUER_MISCONFIGURED, what);
    }
  }

  @Override
  public String toString() {
    return "BadgeIssuer[" + issuerId + ", " + formats + "]";
  }

}
