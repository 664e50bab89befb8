/**
 * A host application as a named module: it reads only the exported Insignia API (an {@code
 * .internal} package would not compile here) and reaches Jackson through the libraries' {@code
 * requires transitive}.
 */
module io.github.insignia.openbadges.example {
  requires io.github.insignia.openbadges.signing;
  requires io.github.insignia.openbadges.validation;
}
