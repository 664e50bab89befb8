package io.github.insignia.openbadges.validation.internal;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Formats report messages from the {@code messages} bundles (English, Spanish). */
public final class Messages {
  private static final String BUNDLE = "io.github.insignia.openbadges.validation.messages";

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
    ResourceBundle bundle = bundle(locale);
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      pattern = key;
    }
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

  private static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }
}
