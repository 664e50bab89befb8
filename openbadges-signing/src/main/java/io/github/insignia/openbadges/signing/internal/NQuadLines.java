package io.github.insignia.openbadges.signing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Statements of canonical N-Quads as lines (each ending in {@code \n}) and the rewriting of their
 * blank-node labels and IRIs term by term, so that text inside a literal that looks like a label
 * ({@code "_:c14n0"}) is never touched.
 */
public final class NQuadLines {
  private NQuadLines() {}

  /** The statements of canonical N-Quads, each with its {@code \n}. */
  public static List<String> split(String nquads) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (start < nquads.length()) {
      int end = nquads.indexOf('\n', start);
      if (end < 0) {
        throw new IllegalArgumentException("N-Quads must end each statement with a newline");
      }
      out.add(nquads.substring(start, end + 1));
      start = end + 1;
    }
    return out;
  }

  /**
   * Rewrites one statement: each blank node label (without {@code _:}) through {@code blankNode},
   * each IRI (without angle brackets) through {@code iri}; a function returns the whole new term
   * (for example {@code _:x} or {@code <urn:x>}).
   */
  public static String rewrite(String line, UnaryOperator<String> blankNode, UnaryOperator<String> iri) {
    StringBuilder out = new StringBuilder(line.length());
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (c == '<') {
        int end = line.indexOf('>', i);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated IRI");
        }
        out.append(iri.apply(line.substring(i + 1, end)));
        i = end + 1;
      } else if (c == '"') {
        int j = i + 1;
        while (j < n && line.charAt(j) != '"') {
          j += line.charAt(j) == '\\' ? 2 : 1;
        }
        if (j >= n) {
          throw new IllegalArgumentException("unterminated literal");
        }
        j++;
        if (j < n && line.charAt(j) == '@') {
          while (j < n && line.charAt(j) != ' ') {
            j++;
          }
          out.append(line, i, j);
          i = j;
        } else if (j + 1 < n && line.charAt(j) == '^' && line.charAt(j + 1) == '^') {
          int end = line.indexOf('>', j);
          if (end < 0) {
            throw new IllegalArgumentException("unterminated datatype IRI");
          }
          out.append(line, i, end + 1);
          i = end + 1;
        } else {
          out.append(line, i, j);
          i = j;
        }
      } else if (c == '_' && i + 1 < n && line.charAt(i + 1) == ':') {
        int j = i + 2;
        while (j < n && line.charAt(j) != ' ') {
          j++;
        }
        out.append(blankNode.apply(line.substring(i + 2, j)));
        i = j;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
