package io.github.insignia.openbadges.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The model depends on Jackson and the JDK alone; OB 2.0 and OB 3.0 types do not mix. */
class LayeringTest {
  static final JavaClasses MODEL = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.github.insignia.openbadges");

  @Test
  void dependsOnJacksonAndTheJdkOnly() {
    classes().should().onlyDependOnClassesThat()
        .resideInAnyPackage("io.github.insignia.openbadges..", "com.fasterxml.jackson..", "java..", "javax..")
        .check(MODEL);
  }

  @Test
  void ob2AndOb3DoNotDependOnEachOther() {
    noClasses().that().resideInAPackage("..model.ob2..").should().dependOnClassesThat().resideInAPackage("..model.ob3..")
        .check(MODEL);
    noClasses().that().resideInAPackage("..model.ob3..").should().dependOnClassesThat().resideInAPackage("..model.ob2..")
        .check(MODEL);
  }
}
