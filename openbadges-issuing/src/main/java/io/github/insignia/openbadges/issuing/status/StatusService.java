package io.github.insignia.openbadges.issuing.status;

import io.github.insignia.openbadges.issuing.IssuingErrorCode;
import io.github.insignia.openbadges.model.status.BitstringStatusList;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.issuing.CredentialProver;
import io.github.insignia.openbadges.json.SafeJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The issuer's status authority: hands each credential a {@code BitstringStatusListEntry} (or a
 * {@code 1EdTechRevocationList} reference), revokes credentials (one, or every badge of a
 * recipient), and renders what the host publishes: Bitstring Status List credentials, the 1EdTech
 * revocation list, the OB 2.0 {@code RevocationList} and the answers for hosted OB 2.0 assertions.
 *
 * <p>Immutable and thread-safe; all state lives in the {@link StatusListStore}. Publish the
 * rendered documents again after each revocation (or on a timer matching {@link Builder#ttl}).
 */
public final class StatusService {
  /** {@code statusPurpose} of every list this service publishes. */
  public static final String PURPOSE_REVOCATION = "revocation";
  /** The VC Data Model 2.0 context, which defines the Bitstring Status List terms. */
  public static final String VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
  /** The OB 2.0 context. */
  public static final String OB2_CONTEXT = "https://w3id.org/openbadges/v2";
  /** The OB 3.0 type of a 1EdTech revocation list reference. */
  public static final String ONE_EDTECH_REVOCATION_LIST = "1EdTechRevocationList";

  private static final JsonNodeFactory JSON = SafeJson.nodeFactory();

  private final StatusListStore store;
  private final String issuerId;
  private final String statusListBaseUrl;
  private final int listCapacity;
  private final int bitstringLength;
  private final Optional<String> oneEdTechListUrl;
  private final Optional<String> ob2ListUrl;
  private final UnaryOperator<String> ob2AssertionIds;
  private final Optional<Duration> ttl;
  private final Clock clock;

  private StatusService(Builder b) {
    this.store = b.store;
    this.issuerId = b.issuerId;
    this.statusListBaseUrl = b.statusListBaseUrl;
    this.listCapacity = b.listCapacity;
    this.bitstringLength = Math.max(BitstringStatusList.MINIMUM_LENGTH, (b.listCapacity + 7) / 8 * 8);
    this.oneEdTechListUrl = Optional.ofNullable(b.oneEdTechListUrl);
    this.ob2ListUrl = Optional.ofNullable(b.ob2ListUrl);
    this.ob2AssertionIds = b.ob2AssertionIds;
    this.ttl = Optional.ofNullable(b.ttl);
    this.clock = b.clock;
  }

  /**
   * @param issuerId the issuer's id ({@code issuer} of the list credentials)
   * @param statusListBaseUrl list {@code n} is published at this URL followed by {@code n}
   * @param store where slots and revocations are kept
   */
  public static Builder builder(String issuerId, String statusListBaseUrl, StatusListStore store) {
    return new Builder(issuerId, statusListBaseUrl, store);
  }

  /** The issuer whose status this service keeps ({@code issuer} of every list it renders). */
  public String issuerId() {
    return issuerId;
  }

  /** The 1EdTech revocation list URL, when configured. */
  public Optional<String> oneEdTechRevocationListUrl() {
    return oneEdTechListUrl;
  }

  /** The store behind this service. */
  public StatusListStore store() {
    return store;
  }

  /** How many slots one list hands out before a new list opens. */
  public int listCapacity() {
    return listCapacity;
  }

  /** How many entries each published bitstring has (at least {@value BitstringStatusList#MINIMUM_LENGTH}). */
  public int bitstringLength() {
    return bitstringLength;
  }

  /** The URL where list {@code listNumber} is published. */
  public String statusListUrl(long listNumber) {
    return statusListBaseUrl + listNumber;
  }

  /** Assigns (or returns the existing) slot of a credential. Idempotent. */
  public StatusAssignment assign(String credentialId, String recipientKey) {
    return store.assign(credentialId, recipientKey, listCapacity);
  }

  /**
   * The {@code credentialStatus} of a credential as a {@code BitstringStatusListEntry}, assigning
   * its slot when it has none.
   */
  public ObjectNode bitstringEntry(String credentialId, String recipientKey) {
    StatusAssignment a = assign(credentialId, recipientKey);
    String listUrl = statusListUrl(a.slot().listNumber());
    ObjectNode entry = JSON.objectNode();
    entry.put("id", listUrl + "#" + a.slot().index());
    entry.put("type", "BitstringStatusListEntry");
    entry.put("statusPurpose", PURPOSE_REVOCATION);
    entry.put("statusListIndex", Integer.toString(a.slot().index()));
    entry.put("statusListCredential", listUrl);
    return entry;
  }

  /**
   * The {@code credentialStatus} of a credential as a reference to the 1EdTech revocation list; the
   * credential is still recorded under its recipient so that it can be revoked with the others.
   *
   * @throws ConfigurationException {@code STATUS_NOT_CONFIGURED} without a 1EdTech list URL
   */
  public ObjectNode oneEdTechEntry(String credentialId, String recipientKey) {
    String url =
        oneEdTechListUrl.orElseThrow(
            () -> new ConfigurationException(IssuingErrorCode.STATUS_NOT_CONFIGURED, "no 1EdTech revocation list URL configured"));
    assign(credentialId, recipientKey);
    ObjectNode entry = JSON.objectNode();
    entry.put("id", url);
    entry.put("type", ONE_EDTECH_REVOCATION_LIST);
    return entry;
  }

  /**
   * Revokes one credential. Permanent; revoking twice keeps the first reason.
   *
   * @return {@code true} when it was not revoked before
   */
  public boolean revoke(String credentialId, String reason) {
    Objects.requireNonNull(credentialId, "credentialId");
    return store.revoke(new Revocation(credentialId, checkReason(reason), clock.instant()));
  }

  /**
   * Revokes every badge issued to a recipient, for example when the account is deleted.
   *
   * @param recipientIdentifier the e-mail address or other identifier the badges were issued to
   * @param reason the {@code revocationReason} shown to verifiers
   * @return the ids of the credentials newly revoked
   */
  public List<String> revokeRecipient(String recipientIdentifier, String reason) {
    return revokeRecipientKey(RecipientKeys.of(recipientIdentifier), reason);
  }

  /** As {@link #revokeRecipient}, with the recipient's {@link RecipientKeys key}. */
  public List<String> revokeRecipientKey(String recipientKey, String reason) {
    String why = checkReason(reason);
    Instant now = clock.instant();
    List<String> revoked = new ArrayList<>();
    for (StatusAssignment a : store.assignmentsOf(recipientKey)) {
      if (store.revoke(new Revocation(a.credentialId(), why, now))) {
        revoked.add(a.credentialId());
      }
    }
    return List.copyOf(revoked);
  }

  /** The revocation of a credential, when it was revoked. */
  public Optional<Revocation> revocation(String credentialId) {
    return store.revocation(credentialId);
  }

  /** Whether a credential was revoked. */
  public boolean isRevoked(String credentialId) {
    return store.revocation(credentialId).isPresent();
  }

  /** How many lists are open; publish each of {@code 0 .. listCount()-1}. */
  public long listCount() {
    return store.listCount();
  }

  /** The bitstring of list {@code listNumber} as it stands now. */
  public BitstringStatusList bitstring(long listNumber) {
    checkList(listNumber);
    BitstringStatusList bits = new BitstringStatusList(bitstringLength);
    for (Revocation r : store.revocations()) {
      store
          .assignment(r.credentialId())
          .filter(a -> a.slot().listNumber() == listNumber)
          .ifPresent(a -> bits.set(a.slot().index(), true));
    }
    return bits;
  }

  /** The unsigned {@code BitstringStatusListCredential} of list {@code listNumber}. */
  public ObjectNode statusListCredential(long listNumber) {
    String url = statusListUrl(listNumber);
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    ObjectNode vc = JSON.objectNode();
    vc.putArray("@context").add(VC_V2_CONTEXT);
    vc.put("id", url);
    vc.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
    vc.put("issuer", issuerId);
    vc.put("validFrom", now.toString());
    ObjectNode subject = vc.putObject("credentialSubject");
    subject.put("id", url + "#list");
    subject.put("type", "BitstringStatusList");
    subject.put("statusPurpose", PURPOSE_REVOCATION);
    subject.put("encodedList", bitstring(listNumber).encode());
    ttl.ifPresent(t -> subject.put("ttl", t.toMillis()));
    return vc;
  }

  /** The {@code BitstringStatusListCredential} of list {@code listNumber}, signed by {@code prover}. */
  public ObjectNode statusListCredential(long listNumber, CredentialProver prover) {
    return Objects.requireNonNull(prover, "prover").prove(statusListCredential(listNumber));
  }

  /**
   * The 1EdTech revocation list: {@code revokedCredential} entries with {@code id}, {@code revoked}
   * and {@code revocationReason}. Verifiers read {@code revokedCredential} (the 1EdTech validator's
   * code) and some read {@code revokedCredentials} (its comments); this emits the former.
   *
   * @throws ConfigurationException {@code STATUS_NOT_CONFIGURED} without a 1EdTech list URL
   */
  public ObjectNode oneEdTechRevocationList() {
    String url =
        oneEdTechListUrl.orElseThrow(
            () -> new ConfigurationException(IssuingErrorCode.STATUS_NOT_CONFIGURED, "no 1EdTech revocation list URL configured"));
    ObjectNode list = JSON.objectNode();
    list.put("id", url);
    list.put("type", ONE_EDTECH_REVOCATION_LIST);
    list.put("issuer", issuerId);
    ArrayNode entries = list.putArray("revokedCredential");
    for (Revocation r : store.revocations()) {
      entries.addObject().put("id", r.credentialId()).put("revoked", true).put("revocationReason", r.reason());
    }
    return list;
  }

  /**
   * The OB 2.0 {@code RevocationList} for signed OB 2.0 assertions (the issuer Profile links it as
   * {@code revocationList}): each revoked credential by its id and, when {@link
   * Builder#ob2AssertionIds} maps it elsewhere, by its hosted assertion URL too.
   *
   * @throws ConfigurationException {@code STATUS_NOT_CONFIGURED} without an OB 2.0 list URL
   */
  public ObjectNode ob2RevocationList() {
    String url =
        ob2ListUrl.orElseThrow(
            () -> new ConfigurationException(IssuingErrorCode.STATUS_NOT_CONFIGURED, "no OB 2.0 revocation list URL configured"));
    ObjectNode list = JSON.objectNode();
    list.put("@context", OB2_CONTEXT);
    list.put("id", url);
    list.put("type", "RevocationList");
    list.put("issuer", ob2IssuerId());
    ArrayNode entries = list.putArray("revokedAssertions");
    for (Revocation r : store.revocations()) {
      // a signed assertion's id is the credential id; a hosted one's is its URL (also answered 410)
      entries.addObject().put("id", r.credentialId()).put("revocationReason", r.reason());
      String hosted = ob2AssertionIds.apply(r.credentialId());
      if (!hosted.equals(r.credentialId())) {
        entries.addObject().put("id", hosted).put("revocationReason", r.reason());
      }
    }
    return list;
  }

  /** The OB 2.0 revocation list URL, when configured (for the issuer Profile's {@code revocationList}). */
  public Optional<String> ob2RevocationListUrl() {
    return ob2ListUrl;
  }

  /**
   * What to serve at a hosted OB 2.0 assertion's URL: the assertion (200), or once revoked 410 Gone
   * with {@code {"id", "type":"Assertion", "revoked":true, "revocationReason"}}.
   *
   * @param credentialId the credential id the assertion was issued under
   * @param assertion the hosted assertion document
   */
  public HostedAnswer hostedAssertion(String credentialId, ObjectNode assertion) {
    Optional<Revocation> revoked = store.revocation(credentialId);
    if (revoked.isEmpty()) {
      return new HostedAnswer(HostedAnswer.OK, "application/ld+json", SafeJson.write(assertion));
    }
    ObjectNode gone = JSON.objectNode();
    gone.put("@context", OB2_CONTEXT);
    gone.put("id", assertion.path("id").asText(ob2AssertionIds.apply(credentialId)));
    gone.put("type", "Assertion");
    gone.put("revoked", true);
    gone.put("revocationReason", revoked.get().reason());
    return new HostedAnswer(HostedAnswer.GONE, "application/ld+json", SafeJson.write(gone));
  }

  private String ob2IssuerId() {
    return issuerId;
  }

  private void checkList(long listNumber) {
    if (listNumber < 0 || listNumber >= store.listCount()) {
      throw new InvalidInputException(IssuingErrorCode.STATUS_LIST_UNKNOWN, "no status list number " + listNumber);
    }
  }

  private static void checkUrl(String what, String url) {
    java.net.URI uri;
    try {
      uri = new java.net.URI(url);
    } catch (java.net.URISyntaxException e) {
      uri = null;
    }
    if (uri == null || uri.getRawAuthority() == null || uri.getRawFragment() != null
        || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
      throw new ConfigurationException(IssuingErrorCode.STATUS_URL_INVALID,
          "the " + what + " must be an absolute http(s) URL without a fragment, where verifiers fetch it: " + url);
    }
  }

  private static String checkReason(String reason) {
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank() || reason.length() > 1_000) {
      throw new ConfigurationException(IssuingErrorCode.STATUS_REASON_INVALID, "a revocation reason must be 1 to 1000 characters");
    }
    return reason.strip();
  }

  /** Builds a {@link StatusService}. */
  public static final class Builder {
    private final String issuerId;
    private final String statusListBaseUrl;
    private final StatusListStore store;
    private int listCapacity = BitstringStatusList.MINIMUM_LENGTH;
    private String oneEdTechListUrl;
    private String ob2ListUrl;
    private UnaryOperator<String> ob2AssertionIds = UnaryOperator.identity();
    private Duration ttl;
    private Clock clock = Clock.systemUTC();

    private Builder(String issuerId, String statusListBaseUrl, StatusListStore store) {
      this.issuerId = Objects.requireNonNull(issuerId, "issuerId");
      this.statusListBaseUrl = Objects.requireNonNull(statusListBaseUrl, "statusListBaseUrl");
      this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * How many slots one list hands out before the next list opens (default and maximum useful
     * value: the list length). Lower values make lists smaller groups (herd privacy shrinks); the
     * published bitstring always has at least {@value BitstringStatusList#MINIMUM_LENGTH} entries.
     */
    public Builder listCapacity(int capacity) {
      if (capacity < 1 || capacity > 16 * BitstringStatusList.MINIMUM_LENGTH) {
        throw new ConfigurationException(IssuingErrorCode.STATUS_CAPACITY_INVALID, "list capacity must be 1.." + 16 * BitstringStatusList.MINIMUM_LENGTH);
      }
      this.listCapacity = capacity;
      return this;
    }

    /** Where the 1EdTech revocation list is published (enables {@link #oneEdTechEntry}). */
    public Builder oneEdTechRevocationListUrl(String url) {
      this.oneEdTechListUrl = Objects.requireNonNull(url, "url");
      return this;
    }

    /** Where the OB 2.0 {@code RevocationList} is published. */
    public Builder ob2RevocationListUrl(String url) {
      this.ob2ListUrl = Objects.requireNonNull(url, "url");
      return this;
    }

    /** Maps a credential id to its OB 2.0 assertion id (default: the same id). */
    public Builder ob2AssertionIds(UnaryOperator<String> mapping) {
      this.ob2AssertionIds = Objects.requireNonNull(mapping, "mapping");
      return this;
    }

    /** How long verifiers may cache a list ({@code ttl} in the list, in milliseconds). */
    public Builder ttl(Duration ttl) {
      this.ttl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /** The time source (tests). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The service.
     *
     * @throws ConfigurationException {@code STATUS_URL_INVALID} when a list URL is not an absolute
     *     http(s) URL (verifiers could never fetch the list, so no badge could be checked)
     */
    public StatusService build() {
      checkUrl("status list base URL", statusListBaseUrl);
      if (oneEdTechListUrl != null) {
        checkUrl("1EdTech revocation list URL", oneEdTechListUrl);
      }
      if (ob2ListUrl != null) {
        checkUrl("OB 2.0 revocation list URL", ob2ListUrl);
      }
      return new StatusService(this);
    }
  }
}
