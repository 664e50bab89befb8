package io.github.insignia.openbadges.signing.dataintegrity;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.ConfigurationException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of one Data Integrity proof: {@code verificationMethod} (required), {@code
 * proofPurpose} (default {@code assertionMethod}), {@code created} (default: the time of signing,
 * read from {@link Builder#clock(Clock)} in whole seconds, not the time the builder was made),
 * {@code expires}, {@code challenge}, {@code domain}, the proof {@code id} and {@code
 * previousProof} (proof chains), and the cryptosuite (default: the one for the key type).
 * Immutable (one instance may sign many proofs, each with its own signing time).
 */
public final class ProofOptions {
  private final String verificationMethod;
  private final String proofPurpose;
  /** A fixed creation time or none; ignored when {@link #createdAtSigning}. */
  private final Optional<Instant> created;
  private final boolean createdAtSigning;
  private final Clock clock;
  private final Optional<Instant> expires;
  private final Optional<String> challenge;
  private final Optional<String> domain;
  private final Optional<String> id;
  private final List<String> previousProof;
  private final Optional<Cryptosuite> cryptosuite;

  private ProofOptions(Builder b) {
    this.verificationMethod = b.verificationMethod;
    this.proofPurpose = b.proofPurpose;
    this.created = b.created;
    this.createdAtSigning = b.createdAtSigning;
    this.clock = b.clock;
    this.expires = b.expires;
    this.challenge = b.challenge;
    this.domain = b.domain;
    this.id = b.id;
    this.previousProof = List.copyOf(b.previousProof);
    this.cryptosuite = b.cryptosuite;
  }

  /** A builder; {@code verificationMethod} is required. */
  public static Builder builder(String verificationMethod) {
    return new Builder(verificationMethod);
  }

  /** The verification method id. */
  public String verificationMethod() {
    return verificationMethod;
  }

  /** The proof purpose. */
  public String proofPurpose() {
    return proofPurpose;
  }

  /**
   * The {@code created} to write, in whole seconds: the time set on the builder, empty when the
   * builder asked for none, and otherwise the {@link #clock()}'s time at this call, which {@link
   * DataIntegrity#sign} makes at signing time.
   */
  public Optional<Instant> created() {
    return createdAtSigning ? Optional.of(clock.instant().truncatedTo(ChronoUnit.SECONDS)) : created;
  }

  /** Whether {@code created} is read from the clock at signing time (no time was set on the builder). */
  public boolean createdAtSigning() {
    return createdAtSigning;
  }

  /** The signer's clock for {@code created} (default the system UTC clock). */
  public Clock clock() {
    return clock;
  }

  /** When the proof expires. */
  public Optional<Instant> expires() {
    return expires;
  }

  /** The challenge. */
  public Optional<String> challenge() {
    return challenge;
  }

  /** The domain. */
  public Optional<String> domain() {
    return domain;
  }

  /** The proof's own id (needed for proofs that others chain to). */
  public Optional<String> id() {
    return id;
  }

  /** Ids of the proofs this one chains to. */
  public List<String> previousProof() {
    return previousProof;
  }

  /** The suite, when not the key type's default. */
  public Optional<Cryptosuite> cryptosuite() {
    return cryptosuite;
  }

  /** Builds {@link ProofOptions}. */
  public static final class Builder {
    private final String verificationMethod;
    private String proofPurpose = "assertionMethod";
    private Optional<Instant> created = Optional.empty();
    private boolean createdAtSigning = true;
    private Clock clock = Clock.systemUTC();
    private Optional<Instant> expires = Optional.empty();
    private Optional<String> challenge = Optional.empty();
    private Optional<String> domain = Optional.empty();
    private Optional<String> id = Optional.empty();
    private List<String> previousProof = List.of();
    private Optional<Cryptosuite> cryptosuite = Optional.empty();

    private Builder(String verificationMethod) {
      if (verificationMethod == null || verificationMethod.isBlank()) {
        throw new ConfigurationException(SigningErrorCode.PROOF_OPTIONS_INVALID, "a proof needs a verificationMethod");
      }
      this.verificationMethod = verificationMethod;
    }

    /** The proof purpose (default {@code assertionMethod}). */
    public Builder proofPurpose(String value) {
      this.proofPurpose = Objects.requireNonNull(value, "proofPurpose");
      return this;
    }

    /** The creation time, or empty for none (default: the clock's time when the proof is signed). */
    public Builder created(Optional<Instant> value) {
      this.created = value.map(i -> i.truncatedTo(ChronoUnit.SECONDS));
      this.createdAtSigning = false;
      return this;
    }

    /**
     * The clock read for {@code created} at signing time when no creation time is set (default
     * {@link Clock#systemUTC()}).
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** The creation time. */
    public Builder created(Instant value) {
      return created(Optional.of(value));
    }

    /** The expiry time. */
    public Builder expires(Instant value) {
      this.expires = Optional.of(value.truncatedTo(ChronoUnit.SECONDS));
      return this;
    }

    /** The challenge. */
    public Builder challenge(String value) {
      this.challenge = Optional.of(value);
      return this;
    }

    /** The domain. */
    public Builder domain(String value) {
      this.domain = Optional.of(value);
      return this;
    }

    /** The proof id. */
    public Builder id(String value) {
      this.id = Optional.of(value);
      return this;
    }

    /** The ids of the proofs this one chains to. */
    public Builder previousProof(List<String> value) {
      this.previousProof = List.copyOf(value);
      return this;
    }

    /** The suite (must sign with the signer's key type). */
    public Builder cryptosuite(Cryptosuite value) {
      if (!value.canSign()) {
        throw new ConfigurationException(SigningErrorCode.CRYPTOSUITE_UNSUPPORTED, value + " is verify-only");
      }
      this.cryptosuite = Optional.of(value);
      return this;
    }

    /** The immutable options. */
    public ProofOptions build() {
      return new ProofOptions(this);
    }
  }
}
