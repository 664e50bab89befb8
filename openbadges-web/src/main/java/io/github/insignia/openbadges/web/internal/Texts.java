package io.github.insignia.openbadges.web.internal;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** The pages' texts in English and Spanish ({@code texts*.properties}, UTF-8). */
public final class Texts {
  /** The languages pages are written in, the first the default. */
  public static final List<String> LANGUAGES = List.of("en", "es");

  private static final String BUNDLE = "io.github.insignia.openbadges.web.texts";

  private final Locale locale;
  private final ResourceBundle bundle;

  private Texts(Locale locale) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
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
    return bundle.getString(key);
  }

  /** A text with {@link MessageFormat} arguments. */
  public String t(String key, Object... args) {
    return new MessageFormat(bundle.getString(key), locale()).format(args);
  }
}
