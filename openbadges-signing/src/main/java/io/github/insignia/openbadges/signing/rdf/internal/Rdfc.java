package io.github.insignia.openbadges.signing.rdf.internal;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.signing.rdf.CanonicalDataset;
import io.github.insignia.openbadges.signing.rdf.CanonicalizationException;
import io.github.insignia.openbadges.signing.rdf.CanonicalizationOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * RDFC-1.0 for the common case, straight from the specification: when every blank node has a
 * first-degree hash of its own (a credential has a handful of blank nodes, each described by
 * different data), the canonical labels are issued in hash order and nothing else is needed. Only
 * when two blank nodes share a first-degree hash does the N-degree algorithm run, and that is left
 * to titanium-rdfc ({@link TitaniumRdfc}) under the work limit.
 *
 * <p>Quads are written as canonical N-Quads exactly as titanium's writer does (same escaping), so
 * both branches give the same bytes.
 */
public final class Rdfc {
  private static final String XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
  private static final String I18N = "https://www.w3.org/ns/i18n#";
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

  private Rdfc() {}

  /** Canonicalizes {@code quads} (duplicates removed, as a dataset is a set). */
  public static CanonicalDataset canonicalize(List<Quad> quads, CanonicalizationOptions options) {
    Quad[] unique = new LinkedHashSet<>(quads).toArray(new Quad[0]);
    Map<String, List<Quad>> byBlank = new LinkedHashMap<>();
    for (Quad q : unique) {
      index(byBlank, q.subject(), q);
      if (!q.literal()) {
        index(byBlank, q.object(), q);
      }
      index(byBlank, q.graph(), q);
    }
    if (byBlank.isEmpty()) {
      return new CanonicalDataset(write(unique, Map.of()), Map.of());
    }
    MessageDigest digest = digest(options);
    // Hash first degree quads; labels issued in code point order of the hashes.
    Map<String, String> blankByHash = new HashMap<>();
    String[] hashes = new String[byBlank.size()];
    int i = 0;
    for (Map.Entry<String, List<Quad>> entry : byBlank.entrySet()) {
      String hash = firstDegreeHash(entry.getKey(), entry.getValue(), digest);
      if (blankByHash.putIfAbsent(hash, entry.getKey()) != null) {
        // Two blank nodes look alike from one hop: the N-degree algorithm decides.
        for (Quad q : unique) {
          checkUnicode(q.subject());
          checkUnicode(q.predicate());
          checkUnicode(q.object());
          if (q.graph() != null) {
            checkUnicode(q.graph());
          }
        }
        return TitaniumRdfc.canonicalize(Arrays.asList(unique), options);
      }
      hashes[i++] = hash;
    }
    Arrays.sort(hashes);
    Map<String, String> issued = new LinkedHashMap<>();
    for (String hash : hashes) {
      issued.put(blankByHash.get(hash), "_:c14n" + issued.size());
    }
    Map<String, String> map = new LinkedHashMap<>();
    issued.forEach((k, v) -> map.put(k.substring(2), v.substring(2)));
    return new CanonicalDataset(write(unique, issued), map);
  }

  private static void index(Map<String, List<Quad>> byBlank, String term, Quad q) {
    if (term != null && term.startsWith("_:")) {
      List<Quad> list = byBlank.computeIfAbsent(term, k -> new ArrayList<>(4));
      // a quad naming the same blank node twice is listed once
      if (list.isEmpty() || list.get(list.size() - 1) != q) {
        list.add(q);
      }
    }
  }

  private static String firstDegreeHash(String blank, List<Quad> quads, MessageDigest digest) {
    String[] lines = new String[quads.size()];
    StringBuilder sb = new StringBuilder(128);
    for (int i = 0; i < lines.length; i++) {
      sb.setLength(0);
      Quad q = quads.get(i);
      lines[i] = line(sb, q, firstDegree(blank, q.subject()), firstDegree(blank, q.object()), firstDegree(blank, q.graph()));
    }
    Arrays.sort(lines);
    digest.reset();
    for (String line : lines) {
      digest.update(line.getBytes(StandardCharsets.UTF_8));
    }
    return hex(digest.digest());
  }

  private static String firstDegree(String blank, String term) {
    if (term == null || !term.startsWith("_:")) {
      return term;
    }
    return term.equals(blank) ? "_:a" : "_:z";
  }

  private static String write(Quad[] quads, Map<String, String> issued) {
    String[] lines = new String[quads.length];
    StringBuilder sb = new StringBuilder(160);
    for (int i = 0; i < quads.length; i++) {
      Quad q = quads[i];
      sb.setLength(0);
      lines[i] =
          line(sb, q, relabel(issued, q.subject()), q.literal() ? q.object() : relabel(issued, q.object()), relabel(issued, q.graph()));
    }
    Arrays.sort(lines);
    StringBuilder out = new StringBuilder(lines.length * 120);
    String previous = null;
    for (String line : lines) {
      if (!line.equals(previous)) {
        out.append(line);
      }
      previous = line;
    }
    return out.toString();
  }

  private static String relabel(Map<String, String> issued, String term) {
    if (term == null || !term.startsWith("_:")) {
      return term;
    }
    return issued.get(term);
  }

  /** One canonical N-Quads line, {@code \n} included, with the given subject, object and graph. */
  private static String line(StringBuilder sb, Quad q, String subject, String object, String graph) {
    resource(sb, subject).append(' ');
    resource(sb, q.predicate()).append(' ');
    if (q.literal()) {
      escape(sb.append('"'), q.object()).append('"');
      if (q.direction() != null) {
        sb.append("^^<").append(I18N);
        if (q.language() != null) {
          sb.append(q.language());
        }
        sb.append('_').append(q.direction()).append('>');
      } else if (q.language() != null) {
        sb.append('@').append(q.language());
      } else if (!XSD_STRING.equals(q.datatype())) {
        sb.append("^^<").append(q.datatype()).append('>');
      }
    } else {
      resource(sb, object);
    }
    sb.append(' ');
    if (graph != null) {
      resource(sb, graph).append(' ');
    }
    return sb.append(".\n").toString();
  }

  /**
   * Escapes a literal as titanium's N-Quads writer does ({@code \t \b \n \r \f \" \\}, other
   * controls as {@code \}{@code uXXXX}), without its per-call code point array.
   */
  public static StringBuilder escape(StringBuilder sb, String value) {
    int n = value.length();
    int start = 0;
    while (start < n && !needsEscape(value.charAt(start))) {
      start++;
    }
    if (start == n) {
      return sb.append(value);
    }
    sb.append(value, 0, start);
    for (int i = start; i < n; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\f' -> sb.append("\\f");
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (Character.isSurrogate(c)) {
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
              sb.append(c).append(value.charAt(++i));
            } else {
              checkUnicode(value.substring(i));
            }
          } else if (c <= 31 || c == 127) {
            sb.append("\\u00").append(UPPER_HEX[c >> 4]).append(UPPER_HEX[c & 0xf]);
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb;
  }

  private static boolean needsEscape(char c) {
    return c <= 31 || c == '"' || c == '\\' || c == 127 || Character.isSurrogate(c);
  }

  /**
   * Refuses text that is not Unicode: UTF-8 turns an unpaired surrogate into {@code ?} (or U+FFFD
   * in JavaScript), so two different documents would hash alike and share a signature.
   */
  static void checkUnicode(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          throw new CanonicalizationException(
              SigningErrorCode.RDF_INVALID_UNICODE,
              "the data holds an unpaired surrogate (U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + "), which is not Unicode text");
        }
      }
    }
  }

  private static StringBuilder resource(StringBuilder sb, String term) {
    if (term.startsWith("_:")) {
      return sb.append(term);
    }
    for (int i = 0, n = term.length(); i < n; i++) {
      if (Character.isSurrogate(term.charAt(i))) {
        checkUnicode(term);
        break;
      }
    }
    return sb.append('<').append(term).append('>');
  }

  private static final Map<CanonicalizationOptions.HashAlgorithm, MessageDigest> PROTOTYPES =
      prototypes();

  private static Map<CanonicalizationOptions.HashAlgorithm, MessageDigest> prototypes() {
    Map<CanonicalizationOptions.HashAlgorithm, MessageDigest> map =
        new java.util.EnumMap<>(CanonicalizationOptions.HashAlgorithm.class);
    for (CanonicalizationOptions.HashAlgorithm a : CanonicalizationOptions.HashAlgorithm.values()) {
      try {
        map.put(a, MessageDigest.getInstance(a.jcaName()));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JDK lacks " + a.jcaName(), e);
      }
    }
    return map;
  }

  /** A fresh digest: cloning a prototype skips the provider lookup of {@code getInstance}. */
  private static MessageDigest digest(CanonicalizationOptions options) {
    MessageDigest prototype = PROTOTYPES.get(options.hashAlgorithm());
    try {
      return (MessageDigest) prototype.clone();
    } catch (CloneNotSupportedException e) {
      try {
        return MessageDigest.getInstance(prototype.getAlgorithm());
      } catch (NoSuchAlgorithmException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
  }

  private static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }
}
