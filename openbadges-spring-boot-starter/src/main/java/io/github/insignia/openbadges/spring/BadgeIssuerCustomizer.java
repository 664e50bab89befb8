package io.github.insignia.openbadges.spring;

import io.github.insignia.openbadges.issuing.BadgeIssuer;

/**
 * A host's adjustment of the starter's {@link BadgeIssuer} for what the {@code insignia.*}
 * properties do not express (a default image, a default language, a clock): every bean of this type
 * is applied, in {@code @Order}, to the builder after the properties and before {@code build()}.
 * A host that declares its own {@code BadgeIssuer} bean needs none.
 */
@FunctionalInterface
public interface BadgeIssuerCustomizer {
  /**
   * Adjusts the builder.
   *
   * @param builder the issuer's builder, already configured from the properties
   */
  void customize(BadgeIssuer.Builder builder);
}
