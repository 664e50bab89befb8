package io.github.insignia.openbadges.web;

import io.github.insignia.openbadges.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One issued badge as a {@link BadgeStore} holds it: its id (the credential UUID, the last segment
 * of its page URL) and its files by the names {@code issue-batch} writes ({@link #CREDENTIAL},
 * {@link #JWT}, {@link #PNG}, {@link #SVG}, {@link #PDF}, {@link #LINKS}). Immutable.
 */
public final class PublishedBadge {
  /** The credential JSON. */
  public static final String CREDENTIAL = "badge.json";
  /** The compact VC-JWT. */
  public static final String JWT = "badge.jwt";
  /** The baked PNG. */
  public static final String PNG = "badge.png";
  /** The baked SVG. */
  public static final String SVG = "badge.svg";
  /** The PDF certificate. */
  public static final String PDF = "certificate.pdf";
  /** The links file ({@code publicPage}, {@code linkedin}, {@code share}). */
  public static final String LINKS = "links.json";

  /** What a badge id may look like: a UUID or a similar slug; never a path. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");

  private final String id;
  private final Map<String, byte[]> files;

  private PublishedBadge(String id, Map<String, byte[]> files) {
    this.id = id;
    this.files = files;
  }

  /**
   * A badge with files.
   *
   * @throws InvalidInputException {@code WEB_BADGE_ID_INVALID} when the id is not a {@link #ID} slug
   */
  public static PublishedBadge of(String id, Map<String, byte[]> files) {
    if (!ID.matcher(Objects.requireNonNull(id, "id")).matches()) {
      throw new InvalidInputException(WebErrorCode.WEB_BADGE_ID_INVALID, "a badge id is a UUID-like slug of at most 128 characters");
    }
    Map<String, byte[]> copy = new LinkedHashMap<>();
    files.forEach((k, v) -> copy.put(k, v.clone()));
    return new PublishedBadge(id, Collections.unmodifiableMap(copy));
  }

  /** The id. */
  public String id() {
    return id;
  }

  /** A file (a copy). */
  public Optional<byte[]> file(String name) {
    return Optional.ofNullable(files.get(name)).map(byte[]::clone);
  }

  /** Whether a file is present. */
  public boolean has(String name) {
    return files.containsKey(name);
  }

  /** The names of the files present. */
  public Set<String> fileNames() {
    return files.keySet();
  }
}
