package io.github.insignia.openbadges.cli.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerificationDemoTest {
  @TempDir Path tmp;

  @Test
  void copesWhenEarlierStepsLeftNothing() throws Exception {
    StringWriter out = new StringWriter();
    new VerificationDemo().run(new DemoContext(tmp, new PrintWriter(out, true)));
    assertTrue(out.toString().contains("OB 3.0 VC-JWT: skipped"), out.toString());
    assertTrue(out.toString().contains("failing imports: skipped"), out.toString());
  }

  @Test
  void verifiesWhatTheEarlierStepsMadeAndShowsAFailureInBothLanguages() throws Exception {
    StringWriter out = new StringWriter();
    DemoContext context = new DemoContext(tmp, new PrintWriter(out, true));
    new ModelDemo().run(context);
    new SigningDemo().run(context);
    new VerificationDemo().run(context);
    String text = out.toString();
    assertTrue(text.contains("✓ OB 3.0 credential, Data Integrity proof"), text);
    assertTrue(text.contains("✓ OB 3.0 VC-JWT"), text);
    assertTrue(text.contains("✓ OB 2.0 signed assertion"), text);
    assertTrue(text.contains("✓ OB 2.0 hosted assertion"), text);
    assertFalse(text.contains("✗ OB"), text);
    assertTrue(text.contains("en: INVALID: The signature does not verify"), text);
    assertTrue(text.contains("es: NO VÁLIDA: La firma no es válida"), text);
    assertTrue(Files.exists(tmp.resolve("verification/resources.json")));
    assertTrue(context.get(DemoContext.RESOURCES_MAP, Path.class).isPresent());
  }
}
