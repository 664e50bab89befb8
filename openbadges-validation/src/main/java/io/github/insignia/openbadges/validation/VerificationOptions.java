package io.github.insignia.openbadges.validation;

import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.documents.DocumentLoader;
import io.github.insignia.openbadges.json.JsonLimits;
import io.github.insignia.openbadges.validation.fetch.PreloadedResources;
import io.github.insignia.openbadges.validation.fetch.ResourceCache;
import io.github.insignia.openbadges.validation.fetch.ResourceFetcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import io.github.insignia.openbadges.model.DocumentKind;

/**
 * How a {@link BadgeVerifier} verifies: the clock and allowed skew, the learner's identifiers, how
 * documents are fetched (network, preloaded resources, offline), the report language, and limits.
 * Immutable; build with {@link #builder()}.
 */
public final class VerificationOptions {
  private final Clock clock;
  private final Duration skew;
  private final List<String> recipients;
  private final Optional<ResourceFetcher> fetcher;
  private final PreloadedResources resources;
  private final Optional<ResourceCache> cache;
  private final boolean offline;
  private final boolean allowPrivateNetwork;
  private final Locale locale;
  private final JsonLimits jsonLimits;
  private final int maxEndorsementDepth;
  private final Duration connectTimeout;
  private final Duration totalTimeout;
  private final long maxFetchBytes;
  private final long maxStatusListBytes;
  private final Optional<DocumentLoader> contexts;
  private final Set<DocumentKind> expectedKinds;
  private final boolean strict;
  private final boolean trustUnboundHeaderJwk;
  private final boolean requireImage;

  private VerificationOptions(Builder b) {
    this.requireImage = b.requireImage;
    this.expectedKinds = Set.copyOf(b.expectedKinds);
    this.strict = b.strict;
    this.trustUnboundHeaderJwk = b.trustUnboundHeaderJwk;
    this.contexts = Optional.ofNullable(b.contexts);
    this.clock = b.clock;
    this.skew = b.skew;
    this.recipients = List.copyOf(b.recipients);
    this.fetcher = Optional.ofNullable(b.fetcher);
    this.resources = b.resources;
    this.cache = Optional.ofNullable(b.cache);
    this.offline = b.offline;
    this.allowPrivateNetwork = b.allowPrivateNetwork;
    this.locale = b.locale;
    this.jsonLimits = b.jsonLimits;
    this.maxEndorsementDepth = b.maxEndorsementDepth;
    this.connectTimeout = b.connectTimeout;
    this.totalTimeout = b.totalTimeout;
    this.maxFetchBytes = b.maxFetchBytes;
    this.maxStatusListBytes = b.maxStatusListBytes;
  }

  /** The defaults: system clock, 60 s skew, network on (public addresses only), English. */
  public static VerificationOptions defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.clock = clock;
    b.skew = skew;
    b.recipients.addAll(recipients);
    b.fetcher = fetcher.orElse(null);
    b.resources = resources;
    b.cache = cache.orElse(null);
    b.offline = offline;
    b.allowPrivateNetwork = allowPrivateNetwork;
    b.locale = locale;
    b.jsonLimits = jsonLimits;
    b.maxEndorsementDepth = maxEndorsementDepth;
    b.connectTimeout = connectTimeout;
    b.totalTimeout = totalTimeout;
    b.maxFetchBytes = maxFetchBytes;
    b.maxStatusListBytes = maxStatusListBytes;
    b.contexts = contexts.orElse(null);
    b.expectedKinds = expectedKinds;
    b.strict = strict;
    b.trustUnboundHeaderJwk = trustUnboundHeaderJwk;
    b.requireImage = requireImage;
    return b;
  }

  /**
   * The kinds of document the caller accepts (empty: any kind, each verified as what it is). A
   * document of another kind is INVALID with {@link CheckCode#INPUT_NOT_AN_AWARD}.
   */
  public Set<DocumentKind> expectedKinds() {
    return expectedKinds;
  }

  /** The clock "now" is read from. */
  public Clock clock() {
    return clock;
  }

  /**
   * Strict mode: conformance warnings (question {@link Question#CONFORMANT}: an open-vocabulary
   * value outside the published list, a missing recommended property, a subject with no
   * identifier, an image that could not be fetched) fail the badge. For issuers linting their own
   * output and certification-style checks; off by default.
   */
  public boolean strict() {
    return strict;
  }

  /**
   * Whether the badge's image is required: for hosts that store and show it (an importing
   * portal). When on, the badge's image (OB 2.0: the BadgeClass image; OB 3.0: the achievement's,
   * else the credential's; either: else the baked image that was the input) must be obtained and be
   * a PNG or SVG, or the badge fails: an image that cannot be fetched fails with the fetch's code
   * ({@code FETCH_ACCESS_RESTRICTED}, …), one that is not PNG or SVG with {@link
   * CheckCode#IMAGE_INVALID}, none at all with {@link CheckCode#IMAGE_MISSING}. The image obtained
   * is {@link VerificationReport#image()}. Off by default: a verifier need not have the image.
   */
  public boolean requireImage() {
    return requireImage;
  }

  /** Tolerance for clocks that disagree, applied to not-yet-valid and expired checks. */
  public Duration skew() {
    return skew;
  }

  /** The learner's identifiers (emails, URLs, telephones, DIDs) the recipient must match; empty = not checked. */
  public List<String> recipients() {
    return recipients;
  }

  /** The host's own fetcher, if it set one (otherwise an {@code HttpResourceFetcher}). */
  public Optional<ResourceFetcher> fetcher() {
    return fetcher;
  }

  /** Resources the host preloaded; asked before the network, and alone when offline. */
  public PreloadedResources resources() {
    return resources;
  }

  /** A cache shared across verifications, if any. */
  public Optional<ResourceCache> cache() {
    return cache;
  }

  /** Offline: only pinned contexts and preloaded resources, never the network. */
  public boolean offline() {
    return offline;
  }

  /** Whether the default HTTP fetcher may reach loopback and private addresses (tests only). */
  public boolean allowPrivateNetwork() {
    return allowPrivateNetwork;
  }

  /** The report language. */
  public Locale locale() {
    return locale;
  }

  /** Limits for every JSON document read. */
  public JsonLimits jsonLimits() {
    return jsonLimits;
  }

  /** How deep endorsements of endorsements are followed. */
  public int maxEndorsementDepth() {
    return maxEndorsementDepth;
  }

  /** Connect timeout of the default fetcher. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Total time per fetch of the default fetcher. */
  public Duration totalTimeout() {
    return totalTimeout;
  }

  /** Body size cap of the default fetcher. */
  public long maxFetchBytes() {
    return maxFetchBytes;
  }

  /** Cap on a status list's decompressed bitstring. */
  public long maxStatusListBytes() {
    return maxStatusListBytes;
  }

  /**
   * JSON-LD contexts the host adds to the pinned ones (its own extension contexts, say); asked only
   * for URLs the pinned set does not hold. Contexts are never fetched from the network.
   */
  public Optional<DocumentLoader> contexts() {
    return contexts;
  }

  /**
   * Whether a VC-JWT whose header {@code jwk} is not bound to the issuer is accepted at its word (OB
   * 3.0 allows it). Off by default; when on, the report carries a WARNING that the issuer was not
   * authenticated.
   */
  public boolean trustUnboundHeaderJwk() {
    return trustUnboundHeaderJwk;
  }

  /** Builds {@link VerificationOptions}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Duration skew = Duration.ofSeconds(60);
    private final List<String> recipients = new ArrayList<>();
    private ResourceFetcher fetcher;
    private PreloadedResources resources = PreloadedResources.empty();
    private ResourceCache cache;
    private boolean offline;
    private boolean allowPrivateNetwork;
    private Locale locale = Locale.ENGLISH;
    private JsonLimits jsonLimits = JsonLimits.defaults();
    private int maxEndorsementDepth = 3;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration totalTimeout = Duration.ofSeconds(15);
    private long maxFetchBytes = 4L * 1024 * 1024;
    private long maxStatusListBytes = 16L * 1024 * 1024;
    private DocumentLoader contexts;
    private Set<DocumentKind> expectedKinds = Set.of();
    private boolean strict;
    private boolean trustUnboundHeaderJwk;
    private boolean requireImage;

    /**
     * Accept only these kinds of document (empty, the default: any). An importing platform that
     * takes awarded badges only uses {@link #expectAward()}.
     */
    public Builder expectedKinds(Set<DocumentKind> kinds) {
      this.expectedKinds = Set.copyOf(Objects.requireNonNull(kinds, "kinds"));
      return this;
    }

    /** Accept only awarded badges: an OB 0.5–2.0 assertion or an OB 3.0 achievement credential. */
    public Builder expectAward() {
      return expectedKinds(Set.of(DocumentKind.ASSERTION, DocumentKind.CREDENTIAL));
    }

    private Builder() {}

    /** Accept a VC-JWT header {@code jwk} not bound to the issuer (off by default; see the getter). */
    public Builder trustUnboundHeaderJwk(boolean value) {
      this.trustUnboundHeaderJwk = value;
      return this;
    }

    /** Extra JSON-LD contexts, asked after the pinned ones (never the network). */
    public Builder contexts(DocumentLoader value) {
      this.contexts = value;
      return this;
    }

    /** The clock (default: system UTC). */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** Verify as of a fixed instant ({@code --at}). */
    public Builder at(Instant instant) {
      return clock(Clock.fixed(Objects.requireNonNull(instant, "instant"), ZoneOffset.UTC));
    }

    /** Allowed clock skew, 0 to 1 day (default 60 s). */
    public Builder skew(Duration value) {
      if (value == null || value.isNegative() || value.compareTo(Duration.ofDays(1)) > 0) {
        throw new ConfigurationException(ValidationErrorCode.OPTION_INVALID, "skew must be between 0 and 1 day");
      }
      this.skew = value;
      return this;
    }

    /** Adds one of the learner's identifiers. */
    public Builder recipient(String identifier) {
      this.recipients.add(Objects.requireNonNull(identifier, "identifier"));
      return this;
    }

    /** Replaces the learner's identifiers. */
    public Builder recipients(List<String> identifiers) {
      this.recipients.clear();
      identifiers.forEach(this::recipient);
      return this;
    }

    /** The host's fetcher (default: {@code HttpResourceFetcher} with these options' limits). */
    public Builder fetcher(ResourceFetcher value) {
      this.fetcher = value;
      return this;
    }

    /** Preloaded resources (answered before the network; alone when offline). */
    public Builder resources(PreloadedResources value) {
      this.resources = Objects.requireNonNull(value, "resources");
      return this;
    }

    /** A cache for fetched documents, shared by every verification of the verifier. */
    public Builder cache(ResourceCache value) {
      this.cache = value;
      return this;
    }

    /** Never touch the network. */
    public Builder offline(boolean value) {
      this.offline = value;
      return this;
    }

    /** Let the default fetcher reach loopback and private addresses (tests only). */
    public Builder allowPrivateNetwork(boolean value) {
      this.allowPrivateNetwork = value;
      return this;
    }

    /** The report language (English default; {@code es} for Spanish). */
    public Builder locale(Locale value) {
      this.locale = Objects.requireNonNull(value, "locale");
      return this;
    }

    /** JSON limits. */
    public Builder jsonLimits(JsonLimits value) {
      this.jsonLimits = Objects.requireNonNull(value, "jsonLimits");
      return this;
    }

    /** Endorsement depth, 0 (do not verify endorsements) to 10 (default 3). */
    public Builder maxEndorsementDepth(int value) {
      if (value < 0 || value > 10) {
        throw new ConfigurationException(ValidationErrorCode.OPTION_INVALID, "maxEndorsementDepth must be between 0 and 10");
      }
      this.maxEndorsementDepth = value;
      return this;
    }

    /** Connect timeout of the default fetcher. */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = Objects.requireNonNull(value, "connectTimeout");
      return this;
    }

    /** Total timeout per fetch of the default fetcher. */
    public Builder totalTimeout(Duration value) {
      this.totalTimeout = Objects.requireNonNull(value, "totalTimeout");
      return this;
    }

    /** Body size cap of the default fetcher. */
    public Builder maxFetchBytes(long value) {
      this.maxFetchBytes = value;
      return this;
    }

    /** Cap on a decompressed status list (default 16 MiB). */
    public Builder maxStatusListBytes(long value) {
      if (value < 1024) {
        throw new ConfigurationException(ValidationErrorCode.OPTION_INVALID, "maxStatusListBytes must be at least 1024");
      }
      this.maxStatusListBytes = value;
      return this;
    }

    /** Require the badge's image (see {@link VerificationOptions#requireImage()}); default off. */
    public Builder requireImage(boolean value) {
      this.requireImage = value;
      return this;
    }

    /** Strict mode (see {@link VerificationOptions#strict()}); default off. */
    public Builder strict(boolean value) {
      this.strict = value;
      return this;
    }

    /** The immutable options. */
    public VerificationOptions build() {
      return new VerificationOptions(this);
    }
  }
}
