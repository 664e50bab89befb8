package io.github.insignia.openbadges.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Both languages say everything, and every pattern formats. */
class MessagesTest {
  static Properties load(String name) throws Exception {
    Properties p = new Properties();
    try (InputStream in = MessagesTest.class.getResourceAsStream("/io/github/insignia/openbadges/validation/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void englishAndSpanishHaveTheSameKeysAndEveryCodeHasAMessage() throws Exception {
    Properties en = load("messages.properties");
    Properties es = load("messages_es.properties");
    assertEquals(en.stringPropertyNames(), es.stringPropertyNames());
    for (CheckCode code : CheckCode.values()) {
      assertTrue(en.stringPropertyNames().stream().anyMatch(k -> k.equals(code.name()) || k.startsWith(code.name() + ".")),
          "no message for " + code);
    }
    Object[] args = {"a", "b", "c", "d"};
    for (String key : en.stringPropertyNames()) {
      String e = new MessageFormat(en.getProperty(key), Locale.ENGLISH).format(args);
      String s = new MessageFormat(es.getProperty(key), Locale.forLanguageTag("es")).format(args);
      assertFalse(e.isBlank() || s.isBlank(), key);
      assertEquals(placeholders(en.getProperty(key)), placeholders(es.getProperty(key)), "placeholders differ for " + key);
    }
  }

  private static long placeholders(String pattern) {
    return pattern.chars().filter(c -> c == '{').count();
  }
}
