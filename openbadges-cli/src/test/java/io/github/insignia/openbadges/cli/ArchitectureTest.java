package io.github.insignia.openbadges.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import io.github.insignia.openbadges.signing.keys.KeyDocuments;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering the README promises (model ← signing ← baking/validation/export ← issuing ← web/wallet ← cli),
 * checked on the compiled main classes of every module.
 */
class ArchitectureTest {
  private static final String BASE = "io.github.insignia.openbadges";
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);
  }

  private static String[] modelPackages() {
    return new String[] {BASE, BASE + ".model..", BASE + ".json..", BASE + ".documents.."};
  }

  @Test
  void modelDependsOnJacksonAlone() {
    ArchRule rule =
        classes()
            .that()
            .resideInAnyPackage(modelPackages())
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(concat(modelPackages(), "java..", "com.fasterxml.jackson.."));
    rule.check(classes);
  }

  @Test
  void signingSitsBelowEverythingButTheModel() {
    noClasses()
        .that()
        .resideInAPackage(BASE + ".signing..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            BASE + ".baking..", BASE + ".validation..", BASE + ".export..", BASE + ".issuing..", BASE + ".cli..")
        .check(classes);
  }

  /** Proofs are judged by signing alone: validation never parses keys, chooses them, or reaches JOSE/JSON-LD internals. */
  @Test
  void validationJudgesNoProofItself() {
    noClasses()
        .that()
        .resideInAPackage(BASE + ".validation..")
        .should()
        .dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(
                BASE + ".signing..internal..", BASE + ".signing.keys..",
                "com.nimbusds..", "com.apicatalog..", "org.bouncycastle..")
            // The did:web → document URL mapping (for the resources map) reads no key and judges nothing.
            .and(DescribedPredicate.not(JavaClass.Predicates.type(KeyDocuments.class))))
        .check(classes);
    // One judge: outside signing, proofs are verified through signing.verify (IssuerKeys) only; the
    // resolve package offers nothing but the host's DocumentFetcher.
    noClasses()
        .that()
        .resideOutsideOfPackage(BASE + ".signing..")
        .should()
        .dependOnClassesThat(JavaClass.Predicates.resideInAPackage(BASE + ".signing.resolve..")
            .and(DescribedPredicate.not(JavaClass.Predicates.type(
                io.github.insignia.openbadges.signing.resolve.DocumentFetcher.class))))
        .check(classes);
  }

  @Test
  void bakingValidationAndExportDoNotReachUpwards() {
    noClasses()
        .that()
        .resideInAnyPackage(BASE + ".baking..", BASE + ".validation..", BASE + ".export..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(BASE + ".issuing..", BASE + ".cli..")
        .check(classes);
    noClasses()
        .that()
        .resideInAnyPackage(BASE + ".baking..", BASE + ".export..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(BASE + ".validation..")
        .check(classes);
  }

  @Test
  void onlyTheCommandLineDependsOnTheWebModule() {
    noClasses()
        .that()
        // openbadges-jdbc and the Spring Boot starter sit above the web module (StarterLayeringTest)
        .resideOutsideOfPackages(BASE + ".cli..", BASE + ".web..", BASE + ".benchmarks..", BASE + ".jdbc..",
            BASE + ".spring..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(BASE + ".web..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage(BASE + ".web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(BASE + ".cli..", "org.eclipse.jetty..")
        .check(classes);
  }

  /**
   * The wallet module sits beside web, on issuing: it judges holder proofs through signing.verify, never
   * validation. Besides the command line, only the JDBC store ({@code JdbcWalletStore}) and the starter
   * (its bean) use its public API.
   */
  @Test
  void walletSitsOnIssuingAndOnlyTheCommandLineDependsOnIt() {
    noClasses()
        .that()
        .resideInAPackage(BASE + ".wallet..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(BASE + ".web..", BASE + ".validation..", BASE + ".cli..", "org.eclipse.jetty..",
            BASE + ".signing..internal..", "com.nimbusds..", "com.apicatalog..", "org.bouncycastle..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackages(BASE + ".cli..", BASE + ".wallet..", BASE + ".benchmarks..", BASE + ".jdbc",
            BASE + ".spring")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(BASE + ".wallet..")
        .check(classes);
  }

  @Test
  void onlyTheCommandLineDependsOnTheCommandLine() {
    noClasses()
        .that()
        .resideOutsideOfPackage(BASE + ".cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(BASE + ".cli..")
        .check(classes);
  }

  @Test
  void librariesLogOnlyWithSystemLogger() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.util.logging..", "org.slf4j..", "org.apache.logging..", "org.apache.commons.logging..")
        .check(classes);
  }

  @Test
  void librariesDoNotPrintToStandardStreams() {
    noClasses()
        .that()
        .resideOutsideOfPackages(BASE + ".cli..", BASE + ".benchmarks..")
        .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
        .check(classes);
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = new String[first.length + more.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
