package io.github.insignia.openbadges.signing.jose.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The few pull-parser operations {@link JwtPayloadScan} needs, so that one scan reads through
 * either Jackson (the authority on what is acceptable JSON) or {@link FastPayloadTokens} (which
 * gives up, rather than decide, on anything unusual). Member names are reported as an index into
 * {@link #NAMES}, the only names the scan looks at.
 */
abstract class PayloadTokens {
  static final int END = 0;
  static final int START_OBJECT = 1;
  static final int END_OBJECT = 2;
  static final int START_ARRAY = 3;
  static final int END_ARRAY = 4;
  static final int FIELD_NAME = 5;
  static final int STRING = 6;
  static final int INTEGER = 7;
  static final int DECIMAL = 8;
  /** {@code true}, {@code false} or {@code null}. */
  static final int LITERAL = 9;

  /** The member names the scan looks at; every other name is {@link #OTHER_NAME}. */
  static final String[] NAMES = {
    "@context", "type", "id", "issuer", "credentialSubject", "validFrom", "validUntil", "issuanceDate",
    "expirationDate", "iss", "jti", "sub", "nbf", "exp", "vc",
  };
  static final int CONTEXT = 0;
  static final int TYPE = 1;
  static final int ID = 2;
  static final int ISSUER = 3;
  static final int CREDENTIAL_SUBJECT = 4;
  static final int VALID_FROM = 5;
  static final int VALID_UNTIL = 6;
  static final int ISSUANCE_DATE = 7;
  static final int EXPIRATION_DATE = 8;
  static final int ISS = 9;
  static final int JTI = 10;
  static final int SUB = 11;
  static final int NBF = 12;
  static final int EXP = 13;
  static final int VC = 14;
  static final int OTHER_NAME = -1;

  /** The next token; {@link #END} after the root value. */
  abstract int next() throws IOException;

  /** After {@link #FIELD_NAME}: which of {@link #NAMES} it is, or {@link #OTHER_NAME}. */
  abstract int name() throws IOException;

  /** After {@link #STRING}: the string. */
  abstract String text() throws IOException;

  /**
   * After {@link #INTEGER} or {@link #DECIMAL}: the number as Jackson's tree reads it (an integer
   * type, or an exact {@code BigDecimal}).
   */
  abstract Number number() throws IOException;

  /** After a start token: moves to its matching end token; otherwise does nothing. */
  abstract void skipChildren() throws IOException;

  /** Jackson's streaming parser, with its limits and strict duplicate detection. */
  static final class Jackson extends PayloadTokens {
    private static final Map<String, Integer> IDS = new HashMap<>();

    static {
      for (int i = 0; i < NAMES.length; i++) {
        IDS.put(NAMES[i], i);
      }
    }

    private final JsonParser parser;

    Jackson(JsonParser parser) {
      this.parser = parser;
    }

    @Override
    int next() throws IOException {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return END;
      }
      return switch (token) {
        case START_OBJECT -> START_OBJECT;
        case END_OBJECT -> END_OBJECT;
        case START_ARRAY -> START_ARRAY;
        case END_ARRAY -> END_ARRAY;
        case FIELD_NAME -> FIELD_NAME;
        case VALUE_STRING -> STRING;
        case VALUE_NUMBER_INT -> INTEGER;
        case VALUE_NUMBER_FLOAT -> DECIMAL;
        case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> LITERAL;
        // Embedded objects and "not available" never come from a byte-array JSON parser.
        default -> throw new IOException("unexpected token " + token);
      };
    }

    @Override
    int name() throws IOException {
      return IDS.getOrDefault(parser.currentName(), OTHER_NAME);
    }

    @Override
    String text() throws IOException {
      return parser.getText();
    }

    @Override
    Number number() throws IOException {
      return parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT ? parser.getDecimalValue() : parser.getNumberValue();
    }

    @Override
    void skipChildren() throws IOException {
      parser.skipChildren();
    }
  }
}
