package io.github.insignia.openbadges.validation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** Formats report messages from the {@code messages} bundles (English, Spanish). */
public final class Messages {
  /*
   * Loaded by hand rather than through ResourceBundle: a ResourceBundle.Control (needed to avoid
   * falling back to the JVM's default locale) is refused inside a named module. English is the
   * base; Spanish the one translation. Both are read once, so the cache is bounded by design.
   */
  private static final Properties ENGLISH = load("messages.properties", null);
  private static final Properties SPANISH = load("messages_es.properties", ENGLISH);

  private Messages() {}

  /** An argument that is itself a message key, translated in the target language. */
  public record Key(String key, List<Object> arguments) {
    /** A key with positional arguments. */
    public Key(String key, Object... arguments) {
      this(key, java.util.Arrays.asList(arguments));
    }
  }

  /** Formats {@code key} with {@code arguments} in {@code locale}. */
  public static String format(Locale locale, String key, List<Object> arguments) {
    String pattern = bundle(locale).getProperty(key, key);
    Object[] args = new Object[arguments.size()];
    for (int i = 0; i < args.length; i++) {
      Object a = arguments.get(i);
      args[i] = a instanceof Key k ? format(locale, k.key(), k.arguments()) : String.valueOf(a);
    }
    return new MessageFormat(pattern, locale).format(args);
  }

  /** The plain text for a key. */
  public static String text(Locale locale, String key) {
    return format(locale, key, List.of());
  }

  private static Properties bundle(Locale locale) {
    return "es".equals(locale.getLanguage()) ? SPANISH : ENGLISH;
  }

  private static Properties load(String name, Properties defaults) {
    Properties p = new Properties(defaults);
    try (InputStream in = Messages.class.getResourceAsStream("/io/github/insignia/openbadges/validation/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing message bundle " + name);
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
