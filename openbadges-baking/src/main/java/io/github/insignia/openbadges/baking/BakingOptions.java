package io.github.insignia.openbadges.baking;

import io.github.insignia.openbadges.ModelErrorCode;
import io.github.insignia.openbadges.ConfigurationException;
import java.util.Objects;

/**
 * Limits and policies for baking and unbaking. The defaults are safe for badge images found in the
 * wild (a few KB to a few MB) while stopping hostile files early with a {@link BakingException}.
 *
 * <p>Immutable and thread-safe; build variants with {@link #builder()} or {@link #toBuilder()}.
 */
public final class BakingOptions {
  /** Default maximum image size in bytes (64 MiB). */
  public static final long DEFAULT_MAX_IMAGE_BYTES = 64L * 1024 * 1024;
  /** Default maximum number of PNG chunks. */
  public static final int DEFAULT_MAX_CHUNKS = 10_000;
  /** Default maximum size in bytes of the badge text, stored or once inflated (16 MiB). */
  public static final int DEFAULT_MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;
  /** Default maximum element nesting depth of an SVG. */
  public static final int DEFAULT_MAX_XML_DEPTH = 256;

  private static final BakingOptions DEFAULTS = builder().build();

  private final long maxImageBytes;
  private final int maxChunks;
  private final int maxPayloadBytes;
  private final int maxXmlDepth;
  private final CrcPolicy crcPolicy;
  private final boolean checkAllCrcs;

  private BakingOptions(Builder b) {
    this.maxImageBytes = b.maxImageBytes;
    this.maxChunks = b.maxChunks;
    this.maxPayloadBytes = b.maxPayloadBytes;
    this.maxXmlDepth = b.maxXmlDepth;
    this.crcPolicy = b.crcPolicy;
    this.checkAllCrcs = b.checkAllCrcs;
  }

  /** The default options. */
  public static BakingOptions defaults() {
    return DEFAULTS;
  }

  /** A builder that starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these options. */
  public Builder toBuilder() {
    return new Builder()
        .maxImageBytes(maxImageBytes)
        .maxChunks(maxChunks)
        .maxPayloadBytes(maxPayloadBytes)
        .maxXmlDepth(maxXmlDepth)
        .crcPolicy(crcPolicy)
        .checkAllCrcs(checkAllCrcs);
  }

  /** Largest image accepted, in bytes; streams are read no further than this plus one byte. */
  public long maxImageBytes() {
    return maxImageBytes;
  }

  /** Most PNG chunks accepted in one image. */
  public int maxChunks() {
    return maxChunks;
  }

  /**
   * Largest badge text, in bytes, both as stored and after inflating a compressed iTXt chunk (the
   * inflater stops at this many bytes, so a zlib bomb costs no more than this).
   */
  public int maxPayloadBytes() {
    return maxPayloadBytes;
  }

  /** Deepest element nesting accepted in an SVG. */
  public int maxXmlDepth() {
    return maxXmlDepth;
  }

  /** What to do with a PNG chunk whose CRC-32 is wrong. */
  public CrcPolicy crcPolicy() {
    return crcPolicy;
  }

  /**
   * Whether the CRC of every PNG chunk is checked, pixel data included. Off by default: chunks the
   * baker does not read are copied byte for byte, and checking them would cost as much as the copy.
   */
  public boolean checkAllCrcs() {
    return checkAllCrcs;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BakingOptions other
        && maxImageBytes == other.maxImageBytes
        && maxChunks == other.maxChunks
        && maxPayloadBytes == other.maxPayloadBytes
        && maxXmlDepth == other.maxXmlDepth
        && crcPolicy == other.crcPolicy
        && checkAllCrcs == other.checkAllCrcs;
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxImageBytes, maxChunks, maxPayloadBytes, maxXmlDepth, crcPolicy, checkAllCrcs);
  }

  @Override
  public String toString() {
    return "BakingOptions[maxImageBytes=" + maxImageBytes + ", maxChunks=" + maxChunks
        + ", maxPayloadBytes=" + maxPayloadBytes + ", maxXmlDepth=" + maxXmlDepth
        + ", crcPolicy=" + crcPolicy + ", checkAllCrcs=" + checkAllCrcs + "]";
  }

  /** Builds {@link BakingOptions}. */
  public static final class Builder {
    private long maxImageBytes = DEFAULT_MAX_IMAGE_BYTES;
    private int maxChunks = DEFAULT_MAX_CHUNKS;
    private int maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES;
    private int maxXmlDepth = DEFAULT_MAX_XML_DEPTH;
    private CrcPolicy crcPolicy = CrcPolicy.REJECT;
    private boolean checkAllCrcs;

    private Builder() {}

    /** Largest image in bytes, at least 1 and at most {@code Integer.MAX_VALUE - 8}. */
    public Builder maxImageBytes(long value) {
      if (value < 1 || value > Integer.MAX_VALUE - 8) {
        throw new ConfigurationException(ModelErrorCode.LIMIT_INVALID, "maxImageBytes must be between 1 and 2^31-9");
      }
      this.maxImageBytes = value;
      return this;
    }

    /** Most PNG chunks, at least 3 (IHDR, IDAT, IEND). */
    public Builder maxChunks(int value) {
      if (value < 3) {
        throw new ConfigurationException(ModelErrorCode.LIMIT_INVALID, "maxChunks must be at least 3");
      }
      this.maxChunks = value;
      return this;
    }

    /** Largest badge text in bytes, at least 1. */
    public Builder maxPayloadBytes(int value) {
      if (value < 1) {
        throw new ConfigurationException(ModelErrorCode.LIMIT_INVALID, "maxPayloadBytes must be at least 1");
      }
      this.maxPayloadBytes = value;
      return this;
    }

    /** Deepest SVG element nesting, at least 1. */
    public Builder maxXmlDepth(int value) {
      if (value < 1) {
        throw new ConfigurationException(ModelErrorCode.LIMIT_INVALID, "maxXmlDepth must be at least 1");
      }
      this.maxXmlDepth = value;
      return this;
    }

    /** The CRC policy. */
    public Builder crcPolicy(CrcPolicy value) {
      this.crcPolicy = Objects.requireNonNull(value, "crcPolicy");
      return this;
    }

    /** Whether to check the CRC of every chunk, pixel data included. */
    public Builder checkAllCrcs(boolean value) {
      this.checkAllCrcs = value;
      return this;
    }

    /** The immutable options. */
    public BakingOptions build() {
      return new BakingOptions(this);
    }
  }
}
