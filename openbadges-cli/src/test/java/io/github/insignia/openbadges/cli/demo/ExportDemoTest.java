package io.github.insignia.openbadges.cli.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export demo step copes with an empty context (earlier steps not built) and runs the whole flow. */
class ExportDemoTest {
  @TempDir Path dir;

  @Test
  void runsOnAnEmptyContext() throws Exception {
    StringWriter out = new StringWriter();
    new ExportDemo().run(new DemoContext(dir, new PrintWriter(out, true)));
    String text = out.toString();
    assertTrue(text.contains("built-in sample"), text);
    assertTrue(text.contains("upsertCredential: CREATED"), text);
    assertTrue(text.contains("getCredentials: 1 credential(s)"), text);
    assertTrue(text.contains("LinkedIn: https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME"), text);
    assertTrue(text.contains("share mastodon: https://mastodon.social/share?text="), text);
    assertTrue(Files.readString(dir.resolve("export-embed-snippet.html")).contains("Ciencia &amp; Tecnología"));
  }

  @Test
  void prefersTheUnsignedCredentialOverTheSample() throws Exception {
    StringWriter out = new StringWriter();
    DemoContext context = new DemoContext(dir, new PrintWriter(out, true));
    context.put(DemoContext.OB3_CREDENTIAL, ExportDemo.SAMPLE.replace("Ciencia & Tecnología", "Model Badge"));
    new ExportDemo().run(context);
    assertTrue(out.toString().contains("the model step's unsigned credential"), out.toString());
    assertTrue(out.toString().contains("name=Model%20Badge"), out.toString());
  }
}
