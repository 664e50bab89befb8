package io.github.insignia.openbadges.documents;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One document (JSON-LD context or JSON Schema) with the URL it is known by.
 *
 * @param url the canonical URL the document was requested by
 * @param kind whether it is a context or a schema
 * @param content the exact published bytes (a defensive copy is returned by {@link #bytes()})
 */
public record PinnedDocument(URI url, Kind kind, byte[] content) {
  /** What the document is. */
  public enum Kind {
    /** A JSON-LD context. */
    CONTEXT,
    /** A JSON Schema. */
    SCHEMA
  }

  /** Validates and copies. */
  public PinnedDocument {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(kind, "kind");
    content = content.clone();
  }

  /** The exact bytes, copied. */
  public byte[] bytes() {
    return content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  /** The document as UTF-8 text. */
  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PinnedDocument other
        && url.equals(other.url)
        && kind == other.kind
        && Arrays.equals(content, other.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(url, kind, Arrays.hashCode(content));
  }

  @Override
  public String toString() {
    return "PinnedDocument[" + kind + " " + url + ", " + content.length + " bytes]";
  }
}
