package io.github.insignia.openbadges.model.status;

import io.github.insignia.openbadges.ModelErrorCode;
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
 * The issuer side builds and publishes lists with it, the verifier side decodes them.
 * Mutable and not thread-safe while being built; a decoded list that nobody sets bits on may be
 * shared between threads.
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

  /**
   * The status value of {@code index} for lists whose entries are {@code statusSize} bits wide
   * (the W3C {@code statusSize}; 1 for plain revocation lists), most significant bit first.
   *
   * @throws IndexOutOfBoundsException when the entry lies outside the list
   */
  public int value(long index, int statusSize) {
    if (statusSize < 1 || statusSize > 31) {
      throw new IllegalArgumentException("statusSize must be 1..31: " + statusSize);
    }
    if (index < 0 || (index + 1) * statusSize > length) {
      throw new IndexOutOfBoundsException("status entry " + index + " outside a list of " + entries(statusSize) + " entries");
    }
    int value = 0;
    for (int k = 0; k < statusSize; k++) {
      value = (value << 1) | (get((int) (index * statusSize + k)) ? 1 : 0);
    }
    return value;
  }

  /** How many entries of {@code statusSize} bits the list holds. */
  public long entries(int statusSize) {
    return (long) length / statusSize;
  }

  /** Whether {@code encodedList} carries the multibase base64url prefix {@code u} the W3C spec requires. */
  public static boolean hasMultibasePrefix(String encodedList) {
    return encodedList.startsWith(String.valueOf(MULTIBASE_BASE64URL));
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
   * compression bombs). Read tolerantly: a missing multibase prefix (StatusList2021 and lists
   * published before the prefix was added to the spec omit it; GZIP data in base64 always starts
   * with {@code H4sI}, so the prefix cannot be confused with data), padding and the standard base64
   * alphabet are accepted. An empty list decodes to a list of length 0.
   *
   * @throws InvalidInputException {@code STATUS_LIST_MALFORMED} when it is not base64url GZIP data,
   *     {@code STATUS_LIST_TOO_LARGE} when it inflates past {@code maxBytes}
   */
  public static BitstringStatusList decode(String encodedList, int maxBytes) {
    String text = hasMultibasePrefix(encodedList) ? encodedList.substring(1) : encodedList;
    byte[] gz;
    try {
      gz = Base64.getUrlDecoder().decode(text.replace('+', '-').replace('/', '_').replace("=", ""));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(ModelErrorCode.STATUS_LIST_MALFORMED, "encodedList is not base64url: " + e.getMessage(), e);
    }
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      byte[] raw = in.readNBytes(maxBytes + 1);
      if (raw.length > maxBytes) {
        throw new InvalidInputException(ModelErrorCode.STATUS_LIST_TOO_LARGE, "the status list inflates past " + maxBytes + " bytes");
      }
      return new BitstringStatusList(raw);
    } catch (IOException e) {
      throw new InvalidInputException(ModelErrorCode.STATUS_LIST_MALFORMED, "encodedList is not GZIP data: " + e.getMessage(), e);
    }
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("status index " + index + " outside 0.." + (length - 1));
    }
  }
}
