package io.github.insignia.openbadges.signing.internal;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.signing.JsonText;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** JSON Canonicalization Scheme (RFC 8785), for the {@code eddsa-jcs-2022} cryptosuite. */
public final class Jcs {
  private Jcs() {}

  /**
   * The canonical text of a JSON tree.
   *
   * @throws InvalidInputException {@code JCS_INVALID} for a lone surrogate or a non-finite number
   */
  public static String canonicalize(JsonNode node) {
    StringBuilder sb = new StringBuilder();
    write(node, sb);
    return sb.toString();
  }

  private static void write(JsonNode node, StringBuilder sb) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null); // String order is UTF-16 code unit order, as RFC 8785 requires
      sb.append('{');
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        string(names.get(i), sb);
        sb.append(':');
        write(node.get(names.get(i)), sb);
      }
      sb.append('}');
    } else if (node.isArray()) {
      sb.append('[');
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        write(it.next(), sb);
        if (it.hasNext()) {
          sb.append(',');
        }
      }
      sb.append(']');
    } else if (node.isTextual()) {
      string(node.asText(), sb);
    } else if (node.isNumber()) {
      sb.append(number(node.doubleValue()));
    } else if (node.isBoolean()) {
      sb.append(node.booleanValue());
    } else if (node.isNull()) {
      sb.append("null");
    } else {
      throw new InvalidInputException(SigningErrorCode.JCS_INVALID, "not a JSON value: " + node.getNodeType());
    }
  }

  private static void string(String s, StringBuilder sb) {
    JsonText.quote(s, sb, true);
  }

  /** ECMAScript Number.prototype.toString for a double (the shortest digits that read back). */
  static String number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new InvalidInputException(SigningErrorCode.JCS_INVALID, "JSON numbers must be finite");
    }
    if (d == 0) {
      return "0";
    }
    if (d < 0) {
      return "-" + number(-d);
    }
    BigDecimal exact = new BigDecimal(d);
    BigDecimal shortest = exact;
    for (int p = 1; p <= 17; p++) {
      BigDecimal candidate = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == d) {
        shortest = candidate;
        break;
      }
    }
    String digits = shortest.unscaledValue().toString().replaceAll("0+$", "");
    if (digits.isEmpty()) {
      digits = "0";
    }
    int k = digits.length();
    // value = 0.digits × 10^n
    int n = shortest.precision() - shortest.scale();
    if (k <= n && n <= 21) {
      return digits + "0".repeat(n - k);
    }
    if (0 < n && n <= 21) {
      return digits.substring(0, n) + "." + digits.substring(n);
    }
    if (-6 < n && n <= 0) {
      return "0." + "0".repeat(-n) + digits;
    }
    int e = n - 1;
    String exponent = (e < 0 ? "e-" : "e+") + Math.abs(e);
    return k == 1 ? digits + exponent : digits.charAt(0) + "." + digits.substring(1) + exponent;
  }
}
