package io.github.insignia.openbadges.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Properties;

/** The pages' texts in English and Spanish ({@code texts*.properties}, UTF-8). */
public final class Texts {
  /** The languages pages are written in, the first the default. */
  public static final List<String> LANGUAGES = List.of("en", "es");

  /*
   * Loaded by hand rather than through ResourceBundle: a ResourceBundle.Control (needed so that the
   * JVM's default locale never decides the language) is refused inside a named module. English is
   * the base, Spanish falls back to it key by key; both are read once.
   */
  private static final Properties ENGLISH = load("texts.properties", null);
  private static final Properties SPANISH = load("texts_es.properties", ENGLISH);

  private final Locale locale;
  private final Properties texts;

  private Texts(Locale locale) {
    this.locale = locale;
    this.texts = "es".equals(locale.getLanguage()) ? SPANISH : ENGLISH;
  }

  /** The texts of a language ({@code en} or {@code es}; anything else is English). */
  public static Texts of(String language) {
    return new Texts(language.equals("es") ? Locale.forLanguageTag("es") : Locale.ROOT);
  }

  /** The language tag. */
  public String language() {
    return locale.getLanguage().isEmpty() ? "en" : locale.getLanguage();
  }

  /** The locale for dates and reports. */
  public Locale locale() {
    return locale.getLanguage().isEmpty() ? Locale.ENGLISH : locale;
  }

  /** A text. */
  public String t(String key) {
    String text = texts.getProperty(key);
    if (text == null) {
      throw new MissingResourceException("no page text " + key, Texts.class.getName(), key);
    }
    return text;
  }

  /** A text with {@link MessageFormat} arguments. */
  public String t(String key, Object... args) {
    return new MessageFormat(t(key), locale()).format(args);
  }

  private static Properties load(String name, Properties defaults) {
    Properties p = new Properties(defaults);
    try (InputStream in = Texts.class.getResourceAsStream("/io/github/insignia/openbadges/web/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing page texts " + name);
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
