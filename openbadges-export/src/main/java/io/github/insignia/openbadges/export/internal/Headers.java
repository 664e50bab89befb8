package io.github.insignia.openbadges.export.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Immutable, case-insensitive header maps for the provider's request and response types. */
public final class Headers {
  private Headers() {}

  /** An unmodifiable, case-insensitive copy (null is empty). */
  public static Map<String, List<String>> copy(Map<String, List<String>> headers) {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    }
    return Collections.unmodifiableMap(copy);
  }

  /** A copy with one more value for {@code name}. */
  public static Map<String, List<String>> with(Map<String, List<String>> headers, String name, String value) {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(headers);
    List<String> values = new ArrayList<>(copy.getOrDefault(name, List.of()));
    values.add(value);
    copy.put(name, values);
    return copy;
  }

  /** The first value of a header. */
  public static Optional<String> first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
