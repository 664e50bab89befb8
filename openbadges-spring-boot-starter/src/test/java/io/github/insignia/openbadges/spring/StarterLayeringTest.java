package io.github.insignia.openbadges.spring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers above the web module: openbadges-jdbc sits on issuing, export and web (and the wallet
 * module's public API, for its WalletStore) and knows no framework; only the starter knows Spring; no library reaches up to either.
 */
class StarterLayeringTest {
  private static final String BASE = "io.github.insignia.openbadges";
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(BASE);
  }

  @Test
  void jdbcUsesPlainJdbcAndFlywayOnly() {
    // Jackson's tree types only because BackpackStore's signatures name JsonNode (JdbcBackpackStore)
    classes().that().resideInAPackage(BASE + ".jdbc..").should().onlyDependOnClassesThat()
        .resideInAnyPackage(BASE + "", BASE + ".model..", BASE + ".json..", BASE + ".issuing..", BASE + ".export..",
            BASE + ".web..", BASE + ".wallet", BASE + ".jdbc..", "java..", "javax.sql..", "org.flywaydb..",
            "com.fasterxml.jackson.databind")
        .check(classes);
  }

  @Test
  void onlyTheStarterKnowsSpringAndNothingBelowKnowsTheStarterOrJdbc() {
    noClasses().that().resideOutsideOfPackage(BASE + ".spring..").should().dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", BASE + ".spring..")
        .check(classes);
    noClasses().that().resideOutsideOfPackages(BASE + ".spring..", BASE + ".jdbc..").should().dependOnClassesThat()
        .resideInAPackage(BASE + ".jdbc..")
        .check(classes);
  }

  @Test
  void theStarterUsesNoInternalsOfTheLibraries() {
    noClasses().that().resideInAPackage(BASE + ".spring..").should().dependOnClassesThat()
        .resideInAPackage(BASE + "..internal..")
        .check(classes);
  }
}
