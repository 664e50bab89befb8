package io.github.insignia.openbadges.signing.jose.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.github.insignia.openbadges.json.JsonLimits;
import io.github.insignia.openbadges.signing.InvalidSignatureException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a VC-JWT verifier needs from a payload, read in one streaming pass: the JWT claims and, for
 * the credential at the top level (VCDM 2.0) and inside a {@code vc} claim (VCDM 1.1), the members
 * the claims must agree with. Every other value is skipped, yet the whole payload is still
 * tokenised under the same limits as {@code SafeJson} (depth, name and number length, size,
 * duplicate member names at every level, trailing tokens), so a payload this accepts is one
 * {@code SafeJson.read} accepts too and the tree can be built later, only when asked for.
 *
 * <p>String values are only length-checked when read; a payload longer than {@code
 * maxStringLength} may hide an over-long string, so {@link #mayHideLongStrings} tells the caller
 * to build the tree (which checks every string) right away.
 */
public final class JwtPayloadScan {
  /** A claim that is present but is not of the expected JSON type. */
  public static final Object OTHER = new Object();

  /** {@code iss}, {@code jti}, {@code sub}: null (absent), a String, or {@link #OTHER}. */
  public Object iss;
  /** See {@link #iss}. */
  public Object jti;
  /** See {@link #iss}. */
  public Object sub;
  /** {@code nbf}, {@code exp}: null (absent), a Number (Long, BigInteger or BigDecimal), or {@link #OTHER}. */
  public Object nbf;
  /** See {@link #nbf}. */
  public Object exp;
  /** {@code vc}: null (absent), {@link #vc} facts when an object, or {@link #OTHER}. */
  public Object vcClaim;
  /** The payload's own members, the credential of a VCDM 2.0 VC-JWT. */
  public final Credential top = new Credential();
  /** The members of the {@code vc} object claim (VCDM 1.1). */
  public final Credential vc = new Credential();

  /** The credential members the claims are compared with (text members only; others are null). */
  public static final class Credential {
    /** Whether {@code @context} is present (any value). */
    public boolean hasContext;
    /** Whether {@code type} is present (any value). */
    public boolean hasType;
    /** {@code issuer} when a string, or the string {@code id} of an issuer object. */
    public String issuerId;
    /** {@code id} when a string. */
    public String id;
    /** The string {@code id}s of the subject object or of the subject objects of an array. */
    public final List<String> subjectIds = new ArrayList<>(1);
    /** {@code validFrom}, {@code validUntil}, {@code issuanceDate}, {@code expirationDate} when strings. */
    public String validFrom;
    /** See {@link #validFrom}. */
    public String validUntil;
    /** See {@link #validFrom}. */
    public String issuanceDate;
    /** See {@link #validFrom}. */
    public String expirationDate;

    Credential() {}
  }

  private JwtPayloadScan() {}

  /** Factories by limits: a factory is thread-safe, and its name table warms up with use. */
  private static final Map<JsonLimits, JsonFactory> FACTORIES = new ConcurrentHashMap<>();

  /** The streaming factory for these limits: the constraints {@code SafeJson} reads under. */
  public static JsonFactory factory(JsonLimits limits) {
    JsonFactory factory = FACTORIES.get(limits);
    if (factory == null) {
      if (FACTORIES.size() >= 64) {
        FACTORIES.clear();
      }
      factory = FACTORIES.computeIfAbsent(limits, JwtPayloadScan::newFactory);
    }
    return factory;
  }

  private static JsonFactory newFactory(JsonLimits limits) {
    return JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxDepth())
            .maxStringLength(limits.maxStringLength())
            .maxNameLength(Math.min(limits.maxStringLength(), 64 * 1024))
            .maxDocumentLength(limits.maxDocumentBytes())
            .maxNumberLength(1000)
            .build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
  }

  /** Whether some string of {@code payload} may exceed the limit without this scan noticing. */
  public static boolean mayHideLongStrings(byte[] payload, JsonLimits limits) {
    // A string of n chars takes at least n bytes of UTF-8.
    return payload.length > limits.maxStringLength();
  }

  /**
   * Scans a payload.
   *
   * @throws InvalidSignatureException {@code JWT_PAYLOAD_INVALID} when it is not one well-formed JSON
   *     object within the limits, without duplicate member names
   */
  public static JwtPayloadScan scan(JsonFactory factory, byte[] payload) {
    JwtPayloadScan scan = new JwtPayloadScan();
    try (JsonParser p = factory.createParser(payload)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw invalid("the JWT payload is not a JSON object");
      }
      scan.members(p, scan.top, true);
      if (p.nextToken() != null) {
        throw invalid("the JWT payload has content after its JSON object");
      }
    } catch (JsonProcessingException e) {
      throw invalid("the JWS payload is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      // Jackson signals some abuse (symbol table flooding) with unchecked exceptions.
      throw invalid("the JWS payload could not be read: " + e.getMessage(), e);
    }
    return scan;
  }

  /** The members of the object just opened, up to and including its end. */
  private void members(JsonParser p, Credential c, boolean top) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "@context" -> {
          c.hasContext = true;
          p.skipChildren();
        }
        case "type" -> {
          c.hasType = true;
          p.skipChildren();
        }
        case "id" -> c.id = text(p, value);
        case "issuer" -> c.issuerId = value == JsonToken.START_OBJECT ? idOf(p) : text(p, value);
        case "credentialSubject" -> subjects(p, value, c.subjectIds);
        case "validFrom" -> c.validFrom = text(p, value);
        case "validUntil" -> c.validUntil = text(p, value);
        case "issuanceDate" -> c.issuanceDate = text(p, value);
        case "expirationDate" -> c.expirationDate = text(p, value);
        default -> {
          if (top) {
            claim(p, name, value);
          } else {
            p.skipChildren();
          }
        }
      }
    }
  }

  private void claim(JsonParser p, String name, JsonToken value) throws IOException {
    switch (name) {
      case "iss" -> iss = textOrOther(p, value);
      case "jti" -> jti = textOrOther(p, value);
      case "sub" -> sub = textOrOther(p, value);
      case "nbf" -> nbf = numberOrOther(p, value);
      case "exp" -> exp = numberOrOther(p, value);
      case "vc" -> {
        if (value == JsonToken.START_OBJECT) {
          vcClaim = vc;
          members(p, vc, false);
        } else {
          vcClaim = OTHER;
          p.skipChildren();
        }
      }
      default -> p.skipChildren();
    }
  }

  /** The string id of the object the parser is at (START_OBJECT), which it consumes. */
  private static String idOf(JsonParser p) throws IOException {
    String id = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      boolean isId = "id".equals(p.currentName());
      JsonToken value = p.nextToken();
      if (isId) {
        id = text(p, value);
      } else {
        p.skipChildren();
      }
    }
    return id;
  }

  private static void subjects(JsonParser p, JsonToken value, List<String> ids) throws IOException {
    if (value == JsonToken.START_OBJECT) {
      addId(idOf(p), ids);
    } else if (value == JsonToken.START_ARRAY) {
      JsonToken element;
      while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
        if (element == JsonToken.START_OBJECT) {
          addId(idOf(p), ids);
        } else {
          p.skipChildren();
        }
      }
    } else {
      p.skipChildren();
    }
  }

  private static void addId(String id, List<String> ids) {
    if (id != null) {
      ids.add(id);
    }
  }

  private static String text(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    p.skipChildren();
    return null;
  }

  private static Object textOrOther(JsonParser p, JsonToken value) throws IOException {
    String text = text(p, value);
    return text != null ? text : OTHER;
  }

  private static Object numberOrOther(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NUMBER_INT) {
      return p.getNumberValue();
    }
    if (value == JsonToken.VALUE_NUMBER_FLOAT) {
      // As the tree reads it (exact BigDecimal), so the NumericDate check sees the same number.
      return p.getDecimalValue();
    }
    p.skipChildren();
    return OTHER;
  }

  private static InvalidSignatureException invalid(String message) {
    return new InvalidSignatureException("JWT_PAYLOAD_INVALID", message);
  }

  private static InvalidSignatureException invalid(String message, Exception cause) {
    return new InvalidSignatureException("JWT_PAYLOAD_INVALID", message, cause);
  }
}
