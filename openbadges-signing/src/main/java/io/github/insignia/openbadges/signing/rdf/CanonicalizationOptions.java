package io.github.insignia.openbadges.signing.rdf;

import io.github.insignia.openbadges.ModelErrorCode;
import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.documents.DocumentLoader;
import io.github.insignia.openbadges.documents.PinnedDocuments;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link RdfCanonicalizer} works: where contexts come from, safe mode and work limits.
 * Immutable; build with {@link #builder()} or take {@link #defaults()}.
 */
public final class CanonicalizationOptions {
  /** Hash algorithm of RDFC-1.0 (SHA-256 is what every Data Integrity cryptosuite here uses). */
  public enum HashAlgorithm {
    /** SHA-256, the RDFC-1.0 default. */
    SHA_256("SHA-256"),
    /** SHA-384, allowed by RDFC-1.0 (ECDSA P-384 suites). */
    SHA_384("SHA-384");

    private final String jcaName;

    HashAlgorithm(String jcaName) {
      this.jcaName = jcaName;
    }

    /** The JCA name of the algorithm. */
    public String jcaName() {
      return jcaName;
    }
  }

  private static final CanonicalizationOptions DEFAULTS = builder().build();

  private final DocumentLoader documentLoader;
  private final boolean safeMode;
  private final boolean fastPath;
  private final int maxQuads;
  private final long maxRdfcWork;
  private final Duration jsonLdTimeout;
  private final HashAlgorithm hashAlgorithm;

  private CanonicalizationOptions(Builder b) {
    this.documentLoader = b.documentLoader;
    this.safeMode = b.safeMode;
    this.fastPath = b.fastPath;
    this.maxQuads = b.maxQuads;
    this.maxRdfcWork = b.maxRdfcWork;
    this.jsonLdTimeout = b.jsonLdTimeout;
    this.hashAlgorithm = b.hashAlgorithm;
  }

  /** Pinned contexts only, safe mode on, default limits. */
  public static CanonicalizationOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.documentLoader = documentLoader;
    b.safeMode = safeMode;
    b.fastPath = fastPath;
    b.maxQuads = maxQuads;
    b.maxRdfcWork = maxRdfcWork;
    b.jsonLdTimeout = jsonLdTimeout;
    b.hashAlgorithm = hashAlgorithm;
    return b;
  }

  /** Where {@code @context} URLs are resolved; never the network unless the host's loader does. */
  public DocumentLoader documentLoader() {
    return documentLoader;
  }

  /** Whether data that JSON-LD would drop silently is an error (default {@code true}). */
  public boolean safeMode() {
    return safeMode;
  }

  /**
   * Whether documents that use only pinned contexts go through the precompiled fast path (default
   * {@code true}); it gives the same output as the general processor, only faster.
   */
  public boolean fastPath() {
    return fastPath;
  }

  /** Most quads a document or dataset may have (default 20,000). */
  public int maxQuads() {
    return maxQuads;
  }

  /**
   * Most RDFC-1.0 work units (hash computations and permutation steps) per dataset (default
   * 100,000): a credential needs a few dozen; a poison graph needs billions.
   */
  public long maxRdfcWork() {
    return maxRdfcWork;
  }

  /** Time limit of the general JSON-LD processor per document (default 10 s). */
  public Duration jsonLdTimeout() {
    return jsonLdTimeout;
  }

  /** RDFC-1.0 hash algorithm (default SHA-256). */
  public HashAlgorithm hashAlgorithm() {
    return hashAlgorithm;
  }

  @Override
  public String toString() {
    return "CanonicalizationOptions[safeMode="
        + safeMode
        + ", fastPath="
        + fastPath
        + ", maxQuads="
        + maxQuads
        + ", maxRdfcWork="
        + maxRdfcWork
        + ", jsonLdTimeout="
        + jsonLdTimeout
        + ", hashAlgorithm="
        + hashAlgorithm
        + "]";
  }

  /** Builds {@link CanonicalizationOptions}; not thread-safe. */
  public static final class Builder {
    private DocumentLoader documentLoader = PinnedDocuments.loader();
    private boolean safeMode = true;
    private boolean fastPath = true;
    private int maxQuads = 20_000;
    private long maxRdfcWork = 100_000;
    private Duration jsonLdTimeout = Duration.ofSeconds(10);
    private HashAlgorithm hashAlgorithm = HashAlgorithm.SHA_256;

    private Builder() {}

    /**
     * Where contexts come from. The loader is asked once per URL per canonicalizer and its answer
     * is kept, so it must give the same document every time.
     */
    public Builder documentLoader(DocumentLoader loader) {
      this.documentLoader = Objects.requireNonNull(loader, "loader");
      return this;
    }

    /** Turns safe mode off (not recommended: dropped data would then verify). */
    public Builder safeMode(boolean safeMode) {
      this.safeMode = safeMode;
      return this;
    }

    /** Turns the pinned-context fast path on or off (on by default). */
    public Builder fastPath(boolean fastPath) {
      this.fastPath = fastPath;
      return this;
    }

    /** Most quads per document or dataset. */
    public Builder maxQuads(int maxQuads) {
      if (maxQuads < 1) {
        throw new ConfigurationException(ModelErrorCode.LIMIT_INVALID, "maxQuads must be positive");
      }
      this.maxQuads = maxQuads;
      return this;
    }

    /** Most RDFC-1.0 work units per dataset. */
    public Builder maxRdfcWork(long maxRdfcWork) {
      if (maxRdfcWork < 1) {
        throw new ConfigurationException(ModelErrorCode.LIMIT_INVALID, "maxRdfcWork must be positive");
      }
      this.maxRdfcWork = maxRdfcWork;
      return this;
    }

    /** Time limit of the general JSON-LD processor per document. */
    public Builder jsonLdTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new ConfigurationException(ModelErrorCode.LIMIT_INVALID, "jsonLdTimeout must be positive");
      }
      this.jsonLdTimeout = timeout;
      return this;
    }

    /** RDFC-1.0 hash algorithm. */
    public Builder hashAlgorithm(HashAlgorithm algorithm) {
      this.hashAlgorithm = Objects.requireNonNull(algorithm, "algorithm");
      return this;
    }

    /** The options. */
    public CanonicalizationOptions build() {
      return new CanonicalizationOptions(this);
    }
  }
}
