package io.github.insignia.openbadges.issuing.status;

import io.github.insignia.openbadges.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A W3C Bitstring Status List bitstring (status size 1): bit 0 is the most significant bit of byte
 * 0, a set bit means the status applies (for {@code revocation}: revoked). Encoded as the spec's
 * {@code encodedList}: GZIP, then base64url without padding, with the multibase prefix {@code u}.
 * Mutable and not thread-safe: build one per publication.
 */
public final class BitstringStatusList {
  /** The smallest list the spec lets verifiers accept: 131,072 entries (16 KiB). */
  public static final int MINIMUM_LENGTH = 131_072;

  /** Multibase prefix of base64url without padding. */
  static final char MULTIBASE_BASE64URL = 'u';

  private final byte[] bits;
  private final int length;

  /** A list of {@code length} entries, all 0; {@code length} must be a positive multiple of 8. */
  public BitstringStatusList(int length) {
    if (length <= 0 || length % 8 != 0) {
      throw new IllegalArgumentException("the bitstring length must be a positive multiple of 8: " + length);
    }
    this.length = length;
    this.bits = new byte[length / 8];
  }

  private BitstringStatusList(byte[] bits) {
    this.bits = bits;
    this.length = bits.length * 8;
  }

  /** How many entries the list holds. */
  public int length() {
    return length;
  }

  /** Sets (or clears) the status bit at {@code index}. */
  public void set(int index, boolean value) {
    checkIndex(index);
    int mask = 0x80 >>> (index & 7);
    if (value) {
      bits[index >>> 3] |= (byte) mask;
    } else {
      bits[index >>> 3] &= (byte) ~mask;
    }
  }

  /** The status bit at {@code index}. */
  public boolean get(int index) {
    checkIndex(index);
    return (bits[index >>> 3] & (0x80 >>> (index & 7))) != 0;
  }

  /** How many bits are set. */
  public int cardinality() {
    int n = 0;
    for (byte b : bits) {
      n += Integer.bitCount(b & 0xff);
    }
    return n;
  }

  /** The raw bitstring (a copy). */
  public byte[] toBytes() {
    return Arrays.copyOf(bits, bits.length);
  }

  /** The {@code encodedList} value: {@code "u"} + base64url-no-padding(GZIP(bitstring)). */
  public String encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + bits.length / 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return MULTIBASE_BASE64URL + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
  }

  /**
   * Decodes an {@code encodedList}, inflating at most {@code maxBytes} bytes (a defence against
   * compression bombs). A missing multibase prefix is tolerated, since lists published before the
   * prefix was added to the spec omit it.
   *
   * @throws InvalidInputException {@code STATUS_LIST_MALFORMED} when it is not base64url GZIP data,
   *     {@code STATUS_LIST_TOO_LARGE} when it inflates past {@code maxBytes}
   */
  public static BitstringStatusList decode(String encodedList, int maxBytes) {
    String text = encodedList.startsWith(String.valueOf(MULTIBASE_BASE64URL)) ? encodedList.substring(1) : encodedList;
    byte[] gz;
    try {
      gz = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("STATUS_LIST_MALFORMED", "encodedList is not base64url: " + e.getMessage(), e);
    }
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      byte[] raw = in.readNBytes(maxBytes + 1);
      if (raw.length > maxBytes) {
        throw new InvalidInputException("STATUS_LIST_TOO_LARGE", "the status list inflates past " + maxBytes + " bytes");
      }
      if (raw.length == 0) {
        throw new InvalidInputException("STATUS_LIST_MALFORMED", "the status list is empty");
      }
      return new BitstringStatusList(raw);
    } catch (IOException e) {
      throw new InvalidInputException("STATUS_LIST_MALFORMED", "encodedList is not GZIP data: " + e.getMessage(), e);
    }
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("status index " + index + " outside 0.." + (length - 1));
    }
  }
}
