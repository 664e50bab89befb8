package io.github.insignia.openbadges.signing.verify;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.json.JsonLimits;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.VerificationKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a proof verifier accepts. Immutable and thread-safe; {@link #defaults()} is the safe choice:
 * system clock, 60 s skew, every key type (EdDSA, ES256, RS256; never {@code none} or HMAC), no
 * trusted keys, an unbound VC-JWT header {@code jwk} refused, missing OB 3.0 claims as warnings.
 */
public final class VerificationPolicy {
  private static final VerificationPolicy DEFAULTS = builder().build();

  private final Clock clock;
  private final Duration skew;
  private final Set<KeyType> acceptedKeyTypes;
  private final Map<String, List<VerificationKey>> trustedKeys;
  private final boolean acceptUnboundHeaderJwk;
  private final boolean strictClaims;
  private final String proofPurpose;
  private final JsonLimits limits;

  private VerificationPolicy(Builder b) {
    this.clock = b.clock;
    this.skew = b.skew;
    this.acceptedKeyTypes = Set.copyOf(b.acceptedKeyTypes);
    Map<String, List<VerificationKey>> copy = new HashMap<>();
    b.trustedKeys.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.trustedKeys = Map.copyOf(copy);
    this.acceptUnboundHeaderJwk = b.acceptUnboundHeaderJwk;
    this.strictClaims = b.strictClaims;
    this.proofPurpose = b.proofPurpose;
    this.limits = b.limits;
  }

  /** The defaults. */
  public static VerificationPolicy defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The clock for dates ({@code nbf}, {@code exp}, proof {@code created}/{@code expires}). */
  public Clock clock() {
    return clock;
  }

  /** The tolerance for dates. */
  public Duration skew() {
    return skew;
  }

  /** The key types (and so algorithms) accepted. */
  public Set<KeyType> acceptedKeyTypes() {
    return acceptedKeyTypes;
  }

  /** Keys the host trusts for an issuer id, bound without fetching anything. */
  public List<VerificationKey> trustedKeys(String issuerId) {
    return trustedKeys.getOrDefault(issuerId, List.of());
  }

  /**
   * Whether a VC-JWT header {@code jwk} that is not bound to the issuer is taken at its word (OB 3.0
   * allows it). Off by default: the issuer is then not authenticated, which the result says
   * ({@link Provenance#UNBOUND_HEADER_JWK}).
   */
  public boolean acceptUnboundHeaderJwk() {
    return acceptUnboundHeaderJwk;
  }

  /** Whether missing OB 3.0 JWT claims are failures rather than warnings. */
  public boolean strictClaims() {
    return strictClaims;
  }

  /** The required Data Integrity proof purpose ({@code assertionMethod}). */
  public String proofPurpose() {
    return proofPurpose;
  }

  /** Limits for token payloads. */
  public JsonLimits limits() {
    return limits;
  }

  /** A builder with this policy's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.clock = clock;
    b.skew = skew;
    b.acceptedKeyTypes = EnumSet.copyOf(acceptedKeyTypes);
    trustedKeys.forEach((k, v) -> b.trustedKeys.put(k, new ArrayList<>(v)));
    b.acceptUnboundHeaderJwk = acceptUnboundHeaderJwk;
    b.strictClaims = strictClaims;
    b.proofPurpose = proofPurpose;
    b.limits = limits;
    return b;
  }

  /** Builds a {@link VerificationPolicy}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Duration skew = Duration.ofSeconds(60);
    private Set<KeyType> acceptedKeyTypes = EnumSet.allOf(KeyType.class);
    private final Map<String, List<VerificationKey>> trustedKeys = new HashMap<>();
    private boolean acceptUnboundHeaderJwk;
    private boolean strictClaims;
    private String proofPurpose = "assertionMethod";
    private JsonLimits limits = JsonLimits.defaults();

    private Builder() {}

    /** The clock. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** The date tolerance; default 60 s. */
    public Builder skew(Duration value) {
      if (value.isNegative()) {
        throw new ConfigurationException(SigningErrorCode.CLOCK_SKEW_INVALID, "clock skew must not be negative");
      }
      this.skew = value;
      return this;
    }

    /** The key types accepted (at least one). */
    public Builder acceptedKeyTypes(Set<KeyType> value) {
      if (value.isEmpty()) {
        throw new ConfigurationException(SigningErrorCode.KEY_TYPES_EMPTY, "at least one key type must be accepted");
      }
      this.acceptedKeyTypes = EnumSet.copyOf(value);
      return this;
    }

    /** Trusts {@code key} as a key of {@code issuerId} (closed systems, tests). */
    public Builder trustedKey(String issuerId, VerificationKey key) {
      trustedKeys.computeIfAbsent(Objects.requireNonNull(issuerId, "issuerId"), k -> new ArrayList<>())
          .add(Objects.requireNonNull(key, "key"));
      return this;
    }

    /** Take an unbound VC-JWT header {@code jwk} at its word (off by default; see the getter). */
    public Builder acceptUnboundHeaderJwk(boolean value) {
      this.acceptUnboundHeaderJwk = value;
      return this;
    }

    /** Missing OB 3.0 JWT claims are failures; default false. */
    public Builder strictClaims(boolean value) {
      this.strictClaims = value;
      return this;
    }

    /** The Data Integrity proof purpose; default {@code assertionMethod}. */
    public Builder proofPurpose(String value) {
      this.proofPurpose = Objects.requireNonNull(value, "proofPurpose");
      return this;
    }

    /** Payload limits. */
    public Builder limits(JsonLimits value) {
      this.limits = Objects.requireNonNull(value, "limits");
      return this;
    }

    /** The immutable policy. */
    public VerificationPolicy build() {
      return new VerificationPolicy(this);
    }
  }
}
