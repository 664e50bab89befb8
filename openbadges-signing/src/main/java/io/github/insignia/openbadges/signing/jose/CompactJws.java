package io.github.insignia.openbadges.signing.jose;

import io.github.insignia.openbadges.ErrorCode;
import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.BoundedCache;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.signing.verify.ProofFailure;
import io.github.insignia.openbadges.signing.verify.ProofVerificationException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.json.JsonLimits;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.InvalidSignatureException;
import io.github.insignia.openbadges.signing.Signer;
import io.github.insignia.openbadges.signing.internal.Crypto;
import io.github.insignia.openbadges.signing.keys.Keys;
import io.github.insignia.openbadges.signing.keys.VerificationKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A parsed compact JWS whose header passed the checks every Insignia verifier applies. {@link
 * Ob2Jws} and {@link VcJwt} are the complete verifiers; this is for hosts (the validation module)
 * that apply their own rules around the signature check: parse, read the header and the exact
 * payload bytes, then {@link #verify(VerificationKey)} with the algorithm pinned to the key.
 * Immutable and thread-safe.
 */
public final class CompactJws {
  /**
   * Three base64url segments separated by dots (the payload may be empty, and so may the
   * signature: an unsecured {@code alg: none} token is a JWS to refuse, not unrecognised input).
   */
  private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*$");

  /** Header members that point at a key from inside the token: never trusted implicitly. */
  private static final Set<String> KEY_POINTERS = Set.of("jku", "x5u", "x5c", "x5t", "x5t#S256");

  /** Headers longer than this are checked every time rather than remembered. */
  private static final int MAX_REMEMBERED_HEADER_CHARS = 1024;
  private static final int MAX_REMEMBERED_HEADERS = 256;
  private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

  /**
   * Encoded headers that passed {@link #checkHeader}, by their exact base64url text: an issuer
   * signs a whole course with one header, so its checks (and Nimbus's parse) need not run again.
   * Only accepted headers are remembered; acceptance depends on the text alone. The trees are
   * never changed nor handed out ({@link #header()} copies).
   */
  private static final BoundedCache<String, CheckedHeader> ACCEPTED = new BoundedCache<>(MAX_REMEMBERED_HEADERS);

  private record CheckedHeader(JsonNode json, JwsAlgorithm algorithm, VerificationKey headerKey) {}

  /** Shared with {@link #ACCEPTED}: read it, never change it. */
  final JsonNode header;
  final JwsAlgorithm algorithm;
  /** The header {@code jwk} as a key (checked and remembered with the header), or null. */
  final VerificationKey headerKey;
  final byte[] payload;
  final byte[] signingInput;
  private final String signature;

  private CompactJws(CheckedHeader header, byte[] payload, byte[] signingInput, String signature) {
    this.header = header.json();
    this.algorithm = header.algorithm();
    this.headerKey = header.headerKey();
    this.payload = payload;
    this.signingInput = signingInput;
    this.signature = signature;
  }

  /** Encoded headers by (key type, kid, typ): an issuer signs a whole course with one header. */
  private static final BoundedCache<String, EncodedHeader> HEADERS = new BoundedCache<>(256);

  private record EncodedHeader(JWSHeader header, byte[] base64) {}

  static String sign(Signer signer, Optional<String> kid, Optional<String> typ, byte[] payload) {
    return sign(signer, kid, typ, Optional.empty(), payload);
  }

  static String sign(Signer signer, Optional<String> kid, Optional<String> typ, Optional<String> cty, byte[] payload) {
    String cacheKey = signer.keyType() + "\0" + kid.orElse("") + "\0" + typ.orElse("") + "\0" + cty.orElse("");
    EncodedHeader encoded = HEADERS.getIfPresent(cacheKey);
    if (encoded == null) {
      JWSHeader.Builder builder = new JWSHeader.Builder(JWSAlgorithm.parse(JwsAlgorithm.forKeyType(signer.keyType()).name()));
      kid.ifPresent(builder::keyID);
      typ.ifPresent(t -> builder.type(new JOSEObjectType(t)));
      cty.ifPresent(builder::contentType);
      JWSHeader header = builder.build();
      encoded = new EncodedHeader(header, header.toBase64URL().toString().getBytes(StandardCharsets.US_ASCII));
      HEADERS.put(cacheKey, encoded);
    }
    // Nimbus models the header; the kilobytes of payload are encoded straight into the signing
    // input with the JDK's codec, so a token costs little more than its signature.
    byte[] body = Base64.getUrlEncoder().withoutPadding().encode(payload);
    byte[] input = new byte[encoded.base64().length + 1 + body.length];
    System.arraycopy(encoded.base64(), 0, input, 0, encoded.base64().length);
    input[encoded.base64().length] = '.';
    System.arraycopy(body, 0, input, encoded.base64().length + 1, body.length);
    try {
      String signature = new SignerJwsAdapter(signer).sign(encoded.header(), input).toString();
      return new String(input, StandardCharsets.ISO_8859_1) + "." + signature;
    } catch (JOSEException e) {
      throw new IllegalStateException("JWS signing failed", e);
    }
  }

  /**
   * Whether the text (without surrounding white space) has the compact JWS shape: three base64url
   * parts separated by dots. Cheap; for telling a JWS from other input before parsing it.
   */
  public static boolean looksLike(String text) {
    return text != null && text.length() < 64 * 1024 * 1024 && SHAPE.matcher(text).matches();
  }

  /**
   * What a compact JWS says, read without judging it: its header and payload as JSON, whatever the
   * header names ({@code alg: none}, HMAC, {@code jku}, {@code x5c}…) and whether or not it is
   * signed. For a host that must know what the token claims to be (which issuer, which kind of
   * document) before a verifier ({@link VcJwt}, {@link Ob2Jws}) judges it and refuses it with a
   * typed {@link ProofFailure}. Nothing read here is evidence of anything.
   *
   * @param compact the compact serialisation
   * @param limits the payload's limits
   * @return the unverified header and payload
   * @throws InvalidInputException {@code JWS_MALFORMED} when it does not have three base64url
   *     parts, {@code JWS_TOO_LARGE}, or the {@link SafeJson} code when a part is not acceptable JSON
   */
  public static Unverified readUnverified(String compact, JsonLimits limits) {
    String text = compact == null ? "" : compact.strip();
    if (text.length() > limits.maxDocumentBytes() * 4 / 3 + 1024) {
      throw new InvalidInputException(SigningErrorCode.JWS_TOO_LARGE, "the JWS is larger than the configured limit");
    }
    if (!SHAPE.matcher(text).matches()) {
      throw new InvalidInputException(SigningErrorCode.JWS_MALFORMED, "a compact JWS has exactly three dot-separated base64url parts");
    }
    int first = text.indexOf('.');
    int second = text.indexOf('.', first + 1);
    JsonNode header = SafeJson.read(Crypto.b64uDecode(text.substring(0, first), SigningErrorCode.JWS_MALFORMED, "the JWS header"),
        JsonLimits.builder().maxDepth(8).maxDocumentBytes(64 * 1024).build());
    JsonNode payload = SafeJson.read(Crypto.b64uDecode(text.substring(first + 1, second), SigningErrorCode.JWS_MALFORMED, "the JWS payload"), limits);
    if (!header.isObject()) {
      throw new InvalidInputException(SigningErrorCode.JWS_MALFORMED, "the JWS header is not a JSON object");
    }
    return new Unverified(header, payload);
  }

  /**
   * A compact JWS's header and payload, not verified (see {@link #readUnverified}).
   *
   * @param header the protected header
   * @param payload the payload
   */
  public record Unverified(JsonNode header, JsonNode payload) {}

  /**
   * Parses and checks the header: {@code alg} one of EdDSA/ES256/RS256 ({@code none} and every
   * other algorithm refused), no {@code crit}/{@code b64}, no {@code jku}/{@code x5u}/{@code
   * x5c}/{@code x5t}; a header {@code jwk} must be a usable public key and is left for the caller
   * to trust or refuse. The signature is not checked.
   *
   * @param compact the compact serialisation
   * @param limits the payload's size limit ({@link JsonLimits#maxDocumentBytes()})
   * @throws InvalidSignatureException {@code JWS_MALFORMED}, {@code JWS_TOO_LARGE}, {@code
   *     JWS_ALG_NONE}, {@code JWS_ALG_UNSUPPORTED}, {@code JWS_CRIT_UNSUPPORTED}, {@code
   *     JWS_HEADER_KEY_UNTRUSTED} or a key code for a bad header {@code jwk}
   */
  public static CompactJws parse(String compact, JsonLimits limits) {
    if (compact == null) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.JWS_MALFORMED, "no JWS given");
    }
    String text = compact.strip();
    if (text.length() > limits.maxDocumentBytes() * 4 / 3 + 1024) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.JWS_TOO_LARGE, "the JWS is larger than the configured limit");
    }
    int first = text.indexOf('.');
    int second = first < 0 ? -1 : text.indexOf('.', first + 1);
    if (first <= 0 || second < 0 || text.indexOf('.', second + 1) >= 0) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.JWS_MALFORMED, "a compact JWS has exactly three dot-separated parts");
    }
    String encodedHeader = text.substring(0, first);
    CheckedHeader header = first <= MAX_REMEMBERED_HEADER_CHARS ? ACCEPTED.getIfPresent(encodedHeader) : null;
    if (header == null) {
      header = checkHeader(encodedHeader);
      if (first <= MAX_REMEMBERED_HEADER_CHARS) {
        ACCEPTED.put(encodedHeader, header);
      }
    }
    // One copy of the signing input; the payload is decoded in place from it.
    byte[] signingInput = text.substring(0, second).getBytes(StandardCharsets.ISO_8859_1);
    byte[] payload = decode(signingInput, first + 1, second, ProofFailure.MALFORMED, SigningErrorCode.JWS_MALFORMED, "the JWS payload");
    if (payload.length > limits.maxDocumentBytes()) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.JWS_TOO_LARGE, "the JWS payload is too large");
    }
    if (second + 1 == text.length()) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.JWS_MALFORMED, "the JWS has no signature");
    }
    return new CompactJws(header, payload, signingInput, text.substring(second + 1));
  }

  /**
   * The header checks of {@link #parse}, on the encoded header alone (so their outcome may be
   * remembered by that text).
   */
  private static CheckedHeader checkHeader(String encodedHeader) {
    JsonNode header;
    try {
      header = SafeJson.read(Crypto.b64uDecode(encodedHeader, SigningErrorCode.JWS_MALFORMED, "the JWS header"),
          JsonLimits.builder().maxDepth(8).maxDocumentBytes(64 * 1024).build());
    } catch (InvalidInputException e) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.JWS_MALFORMED, "the JWS header is not a JSON object: " + e.getMessage(), e);
    }
    if (!header.isObject()) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.JWS_MALFORMED, "the JWS header is not a JSON object");
    }
    JsonNode alg = header.get("alg");
    if (alg == null || !alg.isTextual()) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.JWS_MALFORMED, "the JWS header has no alg");
    }
    if ("none".equals(alg.asText().toLowerCase(Locale.ROOT))) {
      throw new ProofVerificationException(ProofFailure.ALGORITHM_REFUSED, SigningErrorCode.JWS_ALG_NONE, "unsecured JWS (alg none) is never accepted");
    }
    JwsAlgorithm algorithm = JwsAlgorithm.fromName(alg.asText()).orElseThrow(() -> new ProofVerificationException(ProofFailure.ALGORITHM_REFUSED, SigningErrorCode.JWS_ALG_UNSUPPORTED, "JWS algorithm " + alg.asText() + " is not accepted (only EdDSA, ES256, RS256)"));
    if (header.has("crit") || header.has("b64")) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.JWS_CRIT_UNSUPPORTED, "JWS headers with crit or b64 are not supported");
    }
    for (String pointer : KEY_POINTERS) {
      if (header.has(pointer)) {
        throw new ProofVerificationException(ProofFailure.KEY_NOT_BOUND, SigningErrorCode.JWS_HEADER_KEY_UNTRUSTED, "the JWS header names a key with '" + pointer + "', which is never trusted");
      }
    }
    JsonNode jwk = header.get("jwk");
    VerificationKey headerKey = null;
    if (jwk != null) {
      // Checked before Nimbus parses the header, so a bad or private key gets its own code.
      if (!jwk.isObject() || jwk.has("d") || jwk.has("p") || jwk.has("k")) {
        throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.JWS_HEADER_KEY_UNTRUSTED, "the header jwk is not a public key");
      }
      try {
        headerKey = Keys.publicKeyFromJwk(jwk);
      } catch (InvalidInputException e) {
        throw new ProofVerificationException(ProofFailure.KEY_UNUSABLE, e.errorCode(), "the header jwk is not usable: " + e.getMessage(), e);
      }
    }
    try {
      // Only as a check: a header the JOSE library would refuse is refused here as well.
      JWSHeader.parse(new Base64URL(encodedHeader));
    } catch (ParseException | RuntimeException e) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.JWS_MALFORMED, "the JWS header could not be parsed: " + e.getMessage(), e);
    }
    return new CheckedHeader(header, algorithm, headerKey);
  }

  private static byte[] decode(byte[] ascii, int from, int to, ProofFailure failure, ErrorCode code, String what) {
    try {
      ByteBuffer decoded = BASE64URL.decode(ByteBuffer.wrap(ascii, from, to - from));
      byte[] array = decoded.array();
      return decoded.remaining() == array.length ? array : Arrays.copyOf(array, decoded.remaining());
    } catch (IllegalArgumentException e) {
      throw new ProofVerificationException(failure, code, what + " is not base64url", e);
    }
  }

  /** The compact serialisation (as parsed, whitespace stripped). */
  public String compact() {
    return new String(signingInput, StandardCharsets.ISO_8859_1) + "." + signature;
  }

  /** The protected header (a copy). */
  public JsonNode header() {
    return header.deepCopy();
  }

  /** The header's algorithm. */
  public JwsAlgorithm algorithm() {
    return algorithm;
  }

  /** The exact payload bytes (verify these, never a re-serialisation). */
  public byte[] payload() {
    return payload.clone();
  }

  /**
   * The payload as JSON under the host's limits.
   *
   * @throws InvalidInputException with the {@link SafeJson} code when it is not acceptable JSON
   */
  public JsonNode payloadJson(JsonLimits limits) {
    return SafeJson.read(payload, limits);
  }

  Optional<String> kid() {
    JsonNode kid = header.get("kid");
    return kid != null && kid.isTextual() ? Optional.of(kid.asText()) : Optional.empty();
  }

  Optional<String> typ() {
    JsonNode typ = header.get("typ");
    return typ != null && typ.isTextual() ? Optional.of(typ.asText()) : Optional.empty();
  }

  /**
   * Verifies with {@code key}: the header algorithm must be the one pinned to the key's type.
   *
   * @throws InvalidSignatureException {@code JWS_ALG_MISMATCH} or {@code SIGNATURE_INVALID}
   */
  public void verify(VerificationKey key) {
    if (algorithm.keyType() != key.keyType()) {
      throw new ProofVerificationException(ProofFailure.ALGORITHM_MISMATCH, SigningErrorCode.JWS_ALG_MISMATCH,
          "JWS algorithm " + algorithm + " does not match the " + key.keyType() + " key (expected "
              + JwsAlgorithm.forKeyType(key.keyType()) + ")");
    }
    key.verify(signingInput, signatureBytes());
  }

  /** The decoded signature; {@code SIGNATURE_INVALID} when it is not strict base64url. */
  private byte[] signatureBytes() {
    byte[] ascii = signature.getBytes(StandardCharsets.ISO_8859_1);
    return decode(ascii, 0, ascii.length, ProofFailure.SIGNATURE_INVALID, SigningErrorCode.SIGNATURE_INVALID, "the JWS signature");
  }

  /** The payload as JSON (duplicate members and excess depth refused). */
  JsonNode payloadJson(JsonLimits limits, ErrorCode code) {
    try {
      return SafeJson.read(payload, limits);
    } catch (InvalidInputException e) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, code, "the JWS payload is not valid JSON: " + e.getMessage(), e);
    }
  }

  static void requireSamePayload(JsonNode payload, JsonNode expected) {
    if (expected != null && !payload.equals(expected)) {
      throw new ProofVerificationException(ProofFailure.PAYLOAD_MISMATCH, SigningErrorCode.JWS_PAYLOAD_MISMATCH, "the signed payload differs from the document");
    }
  }
}
