package io.github.insignia.openbadges.validation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.json.SafeJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * networknt logs through SLF4J: the library brings a provider (to java.util.logging), so SLF4J
 * neither falls back to its no-operation logger nor prints its "no providers" warning, and a schema
 * validation prints nothing. (The fresh-JVM check of the same, on the module path, is
 * openbadges-jpms-example's ModulePathTest: in this shared test JVM the warning could have been
 * printed before this test starts.)
 */
class QuietLoggingTest {
  @Test
  void schemaValidationPrintsNothingAndSlf4jHasAProvider() {
    PrintStream err = System.err;
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setErr(capture);
    System.setOut(capture);
    try {
      var problems = Schemas.validate(
          "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
          SafeJson.read("{\"type\":[\"VerifiableCredential\"]}"));
      assertTrue(problems.isPresent());
      assertFalse(problems.get().isEmpty());
    } finally {
      System.setErr(err);
      System.setOut(out);
    }
    assertEquals("", captured.toString(StandardCharsets.UTF_8));
    assertFalse(LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory, "SLF4J found a provider");
    assertEquals("org.slf4j.jul.JDK14LoggerFactory", LoggerFactory.getILoggerFactory().getClass().getName());
  }
}
