package io.github.insignia.openbadges.signing.jose.internal;

import io.github.insignia.openbadges.json.JsonLimits;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A tokenizer for the common VC-JWT payload: strict RFC 8259 JSON in strict UTF-8, moderately
 * nested, without escapes in member names or in the strings the scan reads. It never rejects
 * anything: whatever it does not accept with certainty (malformed input, a limit reached, a
 * duplicate name, an escape where a value is read, a long number) makes it {@link GiveUp give up},
 * and the caller reads the payload again with Jackson, which then decides and words the error.
 *
 * <p>So the one rule it must keep is: accept only what Jackson (under the same {@link JsonLimits}
 * and with strict duplicate detection) accepts, and read the same values from it. A differential
 * test holds it to that over generated and mutated payloads. It exists because Jackson's general
 * machinery costs about 4.5 µs for a 3 KB credential (this, about 2.5 µs), a sixth of an RS256
 * verification.
 */
final class FastPayloadTokens extends PayloadTokens {
  /** Thrown (without a stack trace, one shared instance) when the fast path cannot decide. */
  static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final GiveUp INSTANCE = new GiveUp();

    private GiveUp() {
      super("the fast payload tokenizer gave up", null, false, false);
    }
  }

  /** Deeper payloads are left to Jackson (credentials nest about six levels). */
  static final int MAX_DEPTH = 32;
  /** Objects with more members are left to Jackson, whose duplicate check is a hash set. */
  static final int MAX_MEMBERS = 64;
  /** Longer numbers are left to Jackson (its own limit is 1,000 characters). */
  private static final int MAX_NUMBER_CHARS = 64;
  /** Integers the fast path reads as a {@code long}: at most 18 digits, never overflowing. */
  private static final int MAX_INTEGER_DIGITS = 18;

  private static final byte[][] NAME_BYTES = new byte[NAMES.length][];
  private static final int[] NAME_HASHES = new int[NAMES.length];

  /** The index in {@link #NAMES} by a slot of the name's hash, or -1: one probe per member name. */
  private static final int[] KNOWN_BY_HASH = new int[64];

  static {
    Arrays.fill(KNOWN_BY_HASH, -1);
    for (int i = 0; i < NAMES.length; i++) {
      NAME_BYTES[i] = NAMES[i].getBytes(StandardCharsets.US_ASCII);
      int hash = hash(NAME_BYTES[i], 0, NAME_BYTES[i].length);
      NAME_HASHES[i] = hash;
      int slot = knownSlot(hash);
      if (KNOWN_BY_HASH[slot] != -1) {
        throw new ExceptionInInitializerError("two scanned names share a hash slot; widen KNOWN_BY_HASH");
      }
      KNOWN_BY_HASH[slot] = i;
    }
  }

  // What the next token may be.
  private static final int ROOT = 0;
  /** Just after an opening bracket: the closing one, or the first entry. */
  private static final int FIRST_ENTRY_OR_END = 1;
  /** After a comma: a member (in an object) or a value (in an array). */
  private static final int ENTRY = 2;
  private static final int COLON_AND_VALUE = 3;
  private static final int COMMA_OR_END = 4;
  private static final int AFTER_ROOT = 5;

  private final byte[] in;
  private final int maxDepth;
  private final int maxStringBytes;
  private final int maxNameBytes;

  private int pos;
  private int state = ROOT;
  private int token = END;
  private int depth;
  /** Per open container: whether it is an object. */
  private final boolean[] isObject;
  /** Per open container: where its member names start in the name arrays. */
  private final int[] firstName;
  /** The member names of the open objects, innermost last: start, length, hash. */
  private int[] nameStart = new int[32];
  private int[] nameLength = new int[32];
  private int[] nameHash = new int[32];
  private int names;

  /** The current name's index in {@link #NAMES}. */
  private int nameId;
  /** The current string's content (between the quotes) and whether it holds an escape. */
  private int valueStart;
  private int valueEnd;
  private boolean valueEscaped;

  FastPayloadTokens(byte[] payload, JsonLimits limits) {
    if (payload.length > limits.maxDocumentBytes()) {
      throw GiveUp.INSTANCE;
    }
    this.in = payload;
    this.maxDepth = Math.min(limits.maxDepth(), MAX_DEPTH);
    // A string of n bytes of UTF-8 (escapes included) has at most n chars.
    this.maxStringBytes = limits.maxStringLength();
    this.maxNameBytes = Math.min(limits.maxStringLength(), 64 * 1024);
    this.isObject = new boolean[maxDepth + 1];
    this.firstName = new int[maxDepth + 1];
  }

  @Override
  int next() {
    skipWhiteSpace();
    switch (state) {
      case ROOT -> {
        // Only an object starting with an ASCII brace is surely read as UTF-8 JSON by Jackson.
        if (pos != 0 || peek() != '{') {
          throw GiveUp.INSTANCE;
        }
        return token = value();
      }
      case FIRST_ENTRY_OR_END -> {
        if (peek() == closing()) {
          return token = close();
        }
        return token = entry();
      }
      case ENTRY -> {
        return token = entry();
      }
      case COLON_AND_VALUE -> {
        colon();
        return token = value();
      }
      case COMMA_OR_END -> {
        byte c = peek();
        if (c == ',') {
          pos++;
          state = ENTRY;
          return next();
        }
        if (c == closing()) {
          return token = close();
        }
        throw GiveUp.INSTANCE;
      }
      default -> {
        if (pos != in.length) {
          throw GiveUp.INSTANCE;
        }
        return token = END;
      }
    }
  }

  /** The bracket that closes the container open last. */
  private byte closing() {
    return (byte) (isObject[depth] ? '}' : ']');
  }

  /** A member name in an object, a value in an array. */
  private int entry() {
    return isObject[depth] ? member() : value();
  }

  private void colon() {
    skipWhiteSpace();
    if (peek() != ':') {
      throw GiveUp.INSTANCE;
    }
    pos++;
    skipWhiteSpace();
  }

  @Override
  int name() {
    return nameId;
  }

  @Override
  String text() {
    if (token != STRING || valueEscaped) {
      throw GiveUp.INSTANCE;
    }
    // Strictly valid UTF-8 without escapes: Jackson decodes it to the same string.
    return new String(in, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8);
  }

  @Override
  Number number() {
    if (token != INTEGER) {
      throw GiveUp.INSTANCE;
    }
    boolean negative = in[valueStart] == '-';
    int from = negative ? valueStart + 1 : valueStart;
    if (valueEnd - from > MAX_INTEGER_DIGITS) {
      throw GiveUp.INSTANCE;
    }
    long value = 0;
    for (int i = from; i < valueEnd; i++) {
      value = value * 10 + (in[i] - '0');
    }
    value = negative ? -value : value;
    // As Jackson reports it: an Integer when it fits, else a Long.
    return value == (int) value ? (Number) Integer.valueOf((int) value) : (Number) Long.valueOf(value);
  }

  @Override
  void skipChildren() {
    if (token == START_OBJECT || token == START_ARRAY) {
      skipRest();
    }
  }

  /**
   * The rest of the container opened last, through its closing bracket, by recursive descent: what
   * the scan skips is most of a payload, and this avoids the per-token state of {@link #next}. The
   * checks are the same; the recursion is as deep as the nesting, at most {@link #MAX_DEPTH}.
   */
  private void skipRest() {
    boolean object = isObject[depth];
    byte closing = closing();
    skipWhiteSpace();
    if (peek() == closing) {
      close();
      return;
    }
    while (true) {
      if (object) {
        member();
        colon();
      }
      int kind = value();
      if (kind == START_OBJECT || kind == START_ARRAY) {
        skipRest();
      }
      skipWhiteSpace();
      byte c = peek();
      if (c == ',') {
        pos++;
        skipWhiteSpace();
      } else if (c == closing) {
        close();
        return;
      } else {
        throw GiveUp.INSTANCE;
      }
    }
  }

  private byte peek() {
    if (pos >= in.length) {
      throw GiveUp.INSTANCE;
    }
    return in[pos];
  }

  private void skipWhiteSpace() {
    while (pos < in.length) {
      byte c = in[pos];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      pos++;
    }
  }

  /** A value from its first byte: a start token (the container is then open), or a whole scalar. */
  private int value() {
    int kind;
    switch (peek()) {
      case '{' -> {
        open(true);
        return START_OBJECT;
      }
      case '[' -> {
        open(false);
        return START_ARRAY;
      }
      case '"' -> {
        string();
        kind = STRING;
      }
      case 't' -> kind = literal("true");
      case 'f' -> kind = literal("false");
      case 'n' -> kind = literal("null");
      default -> kind = scanNumber();
    }
    afterValue();
    return kind;
  }

  private void afterValue() {
    state = depth == 0 ? AFTER_ROOT : COMMA_OR_END;
  }

  private void open(boolean object) {
    if (depth + 1 > maxDepth) {
      throw GiveUp.INSTANCE;
    }
    pos++;
    depth++;
    isObject[depth] = object;
    firstName[depth] = names;
    state = FIRST_ENTRY_OR_END;
  }

  private int close() {
    pos++;
    boolean object = isObject[depth];
    names = firstName[depth];
    depth--;
    afterValue();
    return object ? END_OBJECT : END_ARRAY;
  }

  private int member() {
    if (peek() != '"') {
      throw GiveUp.INSTANCE;
    }
    int start = pos + 1;
    int end = name(start);
    int length = end - start;
    int hash = hash(in, start, end);
    int first = firstName[depth];
    if (names - first >= MAX_MEMBERS) {
      throw GiveUp.INSTANCE;
    }
    for (int i = first; i < names; i++) {
      if (nameHash[i] == hash && nameLength[i] == length && sameBytes(nameStart[i], in, start, length)) {
        throw GiveUp.INSTANCE;
      }
    }
    if (names == nameStart.length) {
      nameStart = Arrays.copyOf(nameStart, names * 2);
      nameLength = Arrays.copyOf(nameLength, names * 2);
      nameHash = Arrays.copyOf(nameHash, names * 2);
    }
    nameStart[names] = start;
    nameLength[names] = length;
    nameHash[names] = hash;
    names++;
    nameId = OTHER_NAME;
    int known = KNOWN_BY_HASH[knownSlot(hash)];
    if (known >= 0 && NAME_HASHES[known] == hash && NAME_BYTES[known].length == length
        && sameBytes(start, NAME_BYTES[known], 0, length)) {
      nameId = known;
    }
    pos = end + 1;
    state = COLON_AND_VALUE;
    return FIELD_NAME;
  }

  /**
   * A member name from just after its opening quote: the position of its closing quote. An escaped
   * name gives up (it may equal another spelled plainly; Jackson compares decoded names).
   */
  private int name(int start) {
    byte[] b = in;
    int p = start;
    while (true) {
      if (p >= b.length) {
        throw GiveUp.INSTANCE;
      }
      byte c = b[p];
      if (c == '"') {
        break;
      }
      if (c == '\\' || (c >= 0 && c < 0x20)) {
        throw GiveUp.INSTANCE;
      }
      p = c < 0 ? utf8(c & 0xff, p) : p + 1;
    }
    if (p - start > maxNameBytes) {
      throw GiveUp.INSTANCE;
    }
    return p;
  }

  /** A slot of {@link #KNOWN_BY_HASH}; the shift is one that keeps the scanned names apart. */
  private static int knownSlot(int hash) {
    return (hash ^ (hash >>> 7)) & 63;
  }

  /** Whether {@code in[from, from + length)} equals {@code other[otherFrom, otherFrom + length)}. */
  private boolean sameBytes(int from, byte[] other, int otherFrom, int length) {
    for (int i = 0; i < length; i++) {
      if (in[from + i] != other[otherFrom + i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * A hash of a name that costs the same for any length (length, first, middle and last byte): a
   * filter before comparing bytes, not an identity.
   */
  private static int hash(byte[] bytes, int from, int to) {
    int length = to - from;
    if (length == 0) {
      return 0;
    }
    return (length << 24) ^ ((bytes[from] & 0xff) << 16) ^ ((bytes[to - 1] & 0xff) << 8) ^ (bytes[from + (length >> 1)] & 0xff);
  }

  private int literal(String word) {
    int end = pos + word.length();
    if (end > in.length) {
      throw GiveUp.INSTANCE;
    }
    for (int i = 0; i < word.length(); i++) {
      if (in[pos + i] != word.charAt(i)) {
        throw GiveUp.INSTANCE;
      }
    }
    pos = end;
    return LITERAL;
  }

  /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}: the kind, INTEGER or DECIMAL. */
  private int scanNumber() {
    int start = pos;
    if (pos < in.length && in[pos] == '-') {
      pos++;
    }
    byte c = peek();
    if (c == '0') {
      pos++;
    } else if (c >= '1' && c <= '9') {
      digits();
    } else {
      throw GiveUp.INSTANCE;
    }
    int kind = INTEGER;
    if (pos < in.length && in[pos] == '.') {
      pos++;
      requireDigit();
      digits();
      kind = DECIMAL;
    }
    if (pos < in.length && (in[pos] == 'e' || in[pos] == 'E')) {
      pos++;
      if (pos < in.length && (in[pos] == '+' || in[pos] == '-')) {
        pos++;
      }
      requireDigit();
      digits();
      kind = DECIMAL;
    }
    if (pos - start > MAX_NUMBER_CHARS) {
      throw GiveUp.INSTANCE;
    }
    valueStart = start;
    valueEnd = pos;
    return kind;
  }

  private void requireDigit() {
    byte c = peek();
    if (c < '0' || c > '9') {
      throw GiveUp.INSTANCE;
    }
  }

  private void digits() {
    while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
      pos++;
    }
  }

  /**
   * A string from its opening quote: strict UTF-8, no raw control characters, only the escapes of
   * RFC 8259 (a backslash-u escape of a surrogate gives up: Jackson's handling is not ours to guess).
   */
  private void string() {
    int start = ++pos;
    boolean escaped = false;
    byte[] b = in;
    int end = b.length;
    int p = pos;
    while (true) {
      // Printable ASCII other than the quote and the backslash, the common case: eight bytes at a
      // time while none needs a look, then byte by byte up to the one that does.
      while (p + 8 <= end && isPlain((long) LONGS.get(b, p))) {
        p += 8;
      }
      while (p < end && b[p] >= 0x20 && b[p] != '"' && b[p] != '\\') {
        p++;
      }
      if (p >= end) {
        throw GiveUp.INSTANCE;
      }
      int c = b[p] & 0xff;
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        p = escape(p + 1);
        escaped = true;
      } else if (c < 0x20) {
        throw GiveUp.INSTANCE;
      } else {
        p = utf8(c, p);
      }
    }
    if (p - start > maxStringBytes) {
      throw GiveUp.INSTANCE;
    }
    valueStart = start;
    valueEnd = p;
    valueEscaped = escaped;
    pos = p + 1;
  }

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  /**
   * Whether none of the eight bytes is below 0x20, at or above 0x80, a quote or a backslash (the
   * zero-byte tricks of "Bit Twiddling Hacks"; a borrow only ever starts at a byte that matches).
   */
  static boolean isPlain(long v) {
    long quote = v ^ 0x2222222222222222L;
    long backslash = v ^ 0x5C5C5C5C5C5C5C5CL;
    long special = ((v - 0x2020202020202020L) & ~v) | ((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash) | v;
    return (special & HIGH_BITS) == 0;
  }

  /** After a backslash at {@code p - 1}: the position after the escape. */
  private int escape(int p) {
    if (p >= in.length) {
      throw GiveUp.INSTANCE;
    }
    switch (in[p]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
        return p + 1;
      }
      case 'u' -> {
        if (p + 5 > in.length) {
          throw GiveUp.INSTANCE;
        }
        int code = 0;
        for (int i = p + 1; i <= p + 4; i++) {
          code = code * 16 + hexDigit(in[i]);
        }
        if (code >= 0xD800 && code <= 0xDFFF) {
          throw GiveUp.INSTANCE;
        }
        return p + 5;
      }
      default -> throw GiveUp.INSTANCE;
    }
  }

  private static int hexDigit(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    throw GiveUp.INSTANCE;
  }

  /**
   * A multi-byte UTF-8 sequence whose lead byte {@code lead} is at {@code p}: the position after
   * it. Strict (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
   */
  private int utf8(int lead, int p) {
    int length;
    int min = 0x80;
    int max = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) {
        min = 0xA0;
      } else if (lead == 0xED) {
        max = 0x9F;
      }
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) {
        min = 0x90;
      } else if (lead == 0xF4) {
        max = 0x8F;
      }
    } else {
      throw GiveUp.INSTANCE;
    }
    if (p + length > in.length) {
      throw GiveUp.INSTANCE;
    }
    int second = in[p + 1] & 0xff;
    if (second < min || second > max) {
      throw GiveUp.INSTANCE;
    }
    for (int i = p + 2; i < p + length; i++) {
      if ((in[i] & 0xC0) != 0x80) {
        throw GiveUp.INSTANCE;
      }
    }
    return p + length;
  }
}
