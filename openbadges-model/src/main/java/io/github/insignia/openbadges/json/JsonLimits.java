package io.github.insignia.openbadges.json;

import io.github.insignia.openbadges.ModelErrorCode;
import io.github.insignia.openbadges.ConfigurationException;

/**
 * Limits applied while reading JSON that came from outside. The defaults are safe for badges found
 * in the wild (an OB 3.0 credential with an embedded data-URI image stays far below them) while
 * stopping hostile documents early: deep nesting, huge strings and huge documents.
 *
 * <p>Immutable and thread-safe; build variants with {@link #builder()} or {@link #toBuilder()}.
 */
public final class JsonLimits {
  /** Default maximum nesting depth of arrays and objects. */
  public static final int DEFAULT_MAX_DEPTH = 64;
  /** Default maximum length in characters of one string value or member name (8 MiB). */
  public static final int DEFAULT_MAX_STRING_LENGTH = 8 * 1024 * 1024;
  /** Default maximum size in bytes of one document (16 MiB). */
  public static final long DEFAULT_MAX_DOCUMENT_BYTES = 16L * 1024 * 1024;

  private static final JsonLimits DEFAULTS = builder().build();

  private final int maxDepth;
  private final int maxStringLength;
  private final long maxDocumentBytes;

  private JsonLimits(Builder builder) {
    this.maxDepth = builder.maxDepth;
    this.maxStringLength = builder.maxStringLength;
    this.maxDocumentBytes = builder.maxDocumentBytes;
  }

  /** The default limits. */
  public static JsonLimits defaults() {
    return DEFAULTS;
  }

  /** A builder that starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these limits. */
  public Builder toBuilder() {
    return new Builder().maxDepth(maxDepth).maxStringLength(maxStringLength).maxDocumentBytes(maxDocumentBytes);
  }

  /** Maximum nesting depth of arrays and objects. */
  public int maxDepth() {
    return maxDepth;
  }

  /** Maximum length in characters of one string value or member name. */
  public int maxStringLength() {
    return maxStringLength;
  }

  /** Maximum size in bytes of one document. */
  public long maxDocumentBytes() {
    return maxDocumentBytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonLimits other
        && maxDepth == other.maxDepth
        && maxStringLength == other.maxStringLength
        && maxDocumentBytes == other.maxDocumentBytes;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(maxDocumentBytes) * 31 * 31 + maxStringLength * 31 + maxDepth;
  }

  @Override
  public String toString() {
    return "JsonLimits[maxDepth=" + maxDepth + ", maxStringLength=" + maxStringLength
        + ", maxDocumentBytes=" + maxDocumentBytes + "]";
  }

  /** Builds {@link JsonLimits}. */
  public static final class Builder {
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private int maxStringLength = DEFAULT_MAX_STRING_LENGTH;
    private long maxDocumentBytes = DEFAULT_MAX_DOCUMENT_BYTES;

    private Builder() {}

    /** Maximum nesting depth, at least 1. */
    public Builder maxDepth(int value) {
      this.maxDepth = positive(value, "maxDepth");
      return this;
    }

    /** Maximum string length in characters, at least 1. */
    public Builder maxStringLength(int value) {
      this.maxStringLength = positive(value, "maxStringLength");
      return this;
    }

    /** Maximum document size in bytes, at least 1. */
    public Builder maxDocumentBytes(long value) {
      if (value < 1) {
        throw new ConfigurationException(ModelErrorCode.LIMIT_INVALID, "maxDocumentBytes must be at least 1");
      }
      this.maxDocumentBytes = value;
      return this;
    }

    /** The immutable limits. */
    public JsonLimits build() {
      return new JsonLimits(this);
    }

    private static int positive(int value, String name) {
      if (value < 1) {
        throw new ConfigurationException(ModelErrorCode.LIMIT_INVALID, name + " must be at least 1");
      }
      return value;
    }
  }
}
