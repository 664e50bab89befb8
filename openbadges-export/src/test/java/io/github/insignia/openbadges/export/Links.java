package io.github.insignia.openbadges.export;

import io.github.insignia.openbadges.export.internal.Percent;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Test helper: parse a generated link's query back. */
final class Links {
  private Links() {}

  static Map<String, List<String>> query(URI link) {
    return Percent.parseQuery(link.getRawQuery(), false);
  }

  static String one(URI link, String name) {
    List<String> values = query(link).get(name);
    if (values == null || values.size() != 1) {
      throw new AssertionError(name + " appears " + (values == null ? 0 : values.size()) + " times in " + link);
    }
    return values.get(0);
  }
}
