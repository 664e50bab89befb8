package io.github.insignia.openbadges.signing.jose.internal;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.BoundedCache;
import com.fasterxml.jackson.core.JsonFactory;
import io.github.insignia.openbadges.signing.verify.ProofFailure;
import io.github.insignia.openbadges.signing.verify.ProofVerificationException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.github.insignia.openbadges.json.JsonLimits;
import io.github.insignia.openbadges.signing.InvalidSignatureException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a VC-JWT verifier needs from a payload, read in one streaming pass: the JWT claims and, for
 * the credential at the top level (VCDM 2.0) and inside a {@code vc} claim (VCDM 1.1), the members
 * the claims must agree with. Every other value is skipped, yet the whole payload is still
 * tokenised under the same limits as {@code SafeJson} (depth, name and number length, size,
 * duplicate member names at every level, trailing tokens), so a payload this accepts is one
 * {@code SafeJson.read} accepts too and the tree can be built later, only when asked for.
 *
 * <p>The pass first runs over {@code FastPayloadTokens}, a tokenizer for the common payload
 * (strict JSON and UTF-8, no escaped names) that gives up instead of deciding anything unusual;
 * then Jackson's streaming parser reads the payload again and decides. The two are held to the
 * same answers by a differential test.
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
  private static final BoundedCache<JsonLimits, JsonFactory> FACTORIES = new BoundedCache<>(64);

  /** The streaming factory for these limits: the constraints {@code SafeJson} reads under. */
  public static JsonFactory factory(JsonLimits limits) {
    return FACTORIES.get(limits, JwtPayloadScan::newFactory);
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
   * Scans a payload under {@code limits}.
   *
   * @throws InvalidSignatureException {@code JWT_PAYLOAD_INVALID} when it is not one well-formed JSON
   *     object within the limits, without duplicate member names
   */
  public static JwtPayloadScan scan(JsonLimits limits, byte[] payload) {
    JwtPayloadScan fast = scanFast(payload, limits);
    // Null: not the common case, or not acceptable; Jackson decides, and says why.
    return fast != null ? fast : scanWithJackson(factory(limits), payload);
  }

  /** {@link #scan} through {@link FastPayloadTokens} alone; null when it gives up. */
  static JwtPayloadScan scanFast(byte[] payload, JsonLimits limits) {
    try {
      JwtPayloadScan scan = new JwtPayloadScan();
      scan.root(new FastPayloadTokens(payload, limits));
      return scan;
    } catch (FastPayloadTokens.GiveUp unusual) {
      return null;
    } catch (IOException e) {
      throw new AssertionError("the fast tokenizer reads memory only", e);
    }
  }

  /** {@link #scan} through Jackson alone: the reference the fast path is tested against. */
  public static JwtPayloadScan scanWithJackson(JsonFactory factory, byte[] payload) {
    JwtPayloadScan scan = new JwtPayloadScan();
    try (JsonParser p = factory.createParser(payload)) {
      scan.root(new PayloadTokens.Jackson(p));
    } catch (JsonProcessingException e) {
      throw invalid("the JWS payload is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      // Jackson signals some abuse (symbol table flooding) with unchecked exceptions.
      throw invalid("the JWS payload could not be read: " + e.getMessage(), e);
    }
    return scan;
  }

  private void root(PayloadTokens p) throws IOException {
    if (p.next() != PayloadTokens.START_OBJECT) {
      throw invalid("the JWT payload is not a JSON object");
    }
    members(p, top, true);
    if (p.next() != PayloadTokens.END) {
      throw invalid("the JWT payload has content after its JSON object");
    }
  }

  /** The members of the object just opened, up to and including its end. */
  private void members(PayloadTokens p, Credential c, boolean top) throws IOException {
    while (p.next() == PayloadTokens.FIELD_NAME) {
      int name = p.name();
      int value = p.next();
      switch (name) {
        case PayloadTokens.CONTEXT -> {
          c.hasContext = true;
          p.skipChildren();
        }
        case PayloadTokens.TYPE -> {
          c.hasType = true;
          p.skipChildren();
        }
        case PayloadTokens.ID -> c.id = text(p, value);
        case PayloadTokens.ISSUER -> c.issuerId = value == PayloadTokens.START_OBJECT ? idOf(p) : text(p, value);
        case PayloadTokens.CREDENTIAL_SUBJECT -> subjects(p, value, c.subjectIds);
        case PayloadTokens.VALID_FROM -> c.validFrom = text(p, value);
        case PayloadTokens.VALID_UNTIL -> c.validUntil = text(p, value);
        case PayloadTokens.ISSUANCE_DATE -> c.issuanceDate = text(p, value);
        case PayloadTokens.EXPIRATION_DATE -> c.expirationDate = text(p, value);
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

  private void claim(PayloadTokens p, int name, int value) throws IOException {
    switch (name) {
      case PayloadTokens.ISS -> iss = textOrOther(p, value);
      case PayloadTokens.JTI -> jti = textOrOther(p, value);
      case PayloadTokens.SUB -> sub = textOrOther(p, value);
      case PayloadTokens.NBF -> nbf = numberOrOther(p, value);
      case PayloadTokens.EXP -> exp = numberOrOther(p, value);
      case PayloadTokens.VC -> {
        if (value == PayloadTokens.START_OBJECT) {
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

  /** The string id of the object the tokens are at (START_OBJECT), which this consumes. */
  private static String idOf(PayloadTokens p) throws IOException {
    String id = null;
    while (p.next() == PayloadTokens.FIELD_NAME) {
      boolean isId = p.name() == PayloadTokens.ID;
      int value = p.next();
      if (isId) {
        id = text(p, value);
      } else {
        p.skipChildren();
      }
    }
    return id;
  }

  private static void subjects(PayloadTokens p, int value, List<String> ids) throws IOException {
    if (value == PayloadTokens.START_OBJECT) {
      addId(idOf(p), ids);
    } else if (value == PayloadTokens.START_ARRAY) {
      int element;
      while ((element = p.next()) != PayloadTokens.END_ARRAY) {
        if (element == PayloadTokens.START_OBJECT) {
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

  private static String text(PayloadTokens p, int value) throws IOException {
    if (value == PayloadTokens.STRING) {
      return p.text();
    }
    p.skipChildren();
    return null;
  }

  private static Object textOrOther(PayloadTokens p, int value) throws IOException {
    String text = text(p, value);
    return text != null ? text : OTHER;
  }

  private static Object numberOrOther(PayloadTokens p, int value) throws IOException {
    if (value == PayloadTokens.INTEGER || value == PayloadTokens.DECIMAL) {
      // As the tree reads it (a decimal as an exact BigDecimal), so the NumericDate check sees the same number.
      return p.number();
    }
    p.skipChildren();
    return OTHER;
  }

  private static ProofVerificationException invalid(String message) {
    return new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.JWT_PAYLOAD_INVALID, message);
  }

  private static ProofVerificationException invalid(String message, Exception cause) {
    return new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.JWT_PAYLOAD_INVALID, message, cause);
  }
}
