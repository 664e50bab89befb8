package io.github.insignia.openbadges.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata IDEs complete from is generated (spring-boot-configuration-processor),
 * describes every property, and docs/spring-boot.md's table lists exactly those properties.
 */
class ConfigurationMetadataTest {
  @Test
  void everyPropertyIsDescribedAndDocumented() throws Exception {
    JsonNode metadata;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertNotNull(in, "the configuration processor generated no metadata");
      metadata = new ObjectMapper().readTree(in);
    }
    Set<String> names = new TreeSet<>();
    for (JsonNode property : metadata.path("properties")) {
      names.add(property.path("name").asText());
      assertFalse(property.path("description").asText("").isBlank(), property + " has no description");
    }
    Set<String> documented = new TreeSet<>();
    Matcher m = Pattern.compile("`(insignia\\.[a-z.-]+)`").matcher(tableOf(Files.readString(Path.of("../docs/spring-boot.md"))));
    while (m.find()) {
      documented.add(m.group(1));
    }
    assertEquals(names, documented);
  }

  private static String tableOf(String doc) {
    int start = doc.indexOf("## Properties");
    return doc.substring(start, doc.indexOf("\n## ", start + 1));
  }
}
