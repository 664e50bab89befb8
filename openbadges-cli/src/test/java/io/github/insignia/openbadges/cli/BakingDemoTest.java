package io.github.insignia.openbadges.cli;

import static org.junit.jupiter.api.Assertions.*;

import io.github.insignia.openbadges.baking.BadgeBaker;
import io.github.insignia.openbadges.cli.demo.BakingDemo;
import io.github.insignia.openbadges.cli.demo.DemoContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BakingDemoTest {
  @TempDir Path dir;

  @Test
  void worksAloneWithSamplesAndLeavesTheBakedFiles() throws Exception {
    StringWriter console = new StringWriter();
    DemoContext context = new DemoContext(dir, new PrintWriter(console, true));
    new BakingDemo().run(context);
    Path png = context.require(DemoContext.BAKED_PNG, Path.class);
    Path svg = context.require(DemoContext.BAKED_SVG, Path.class);
    assertTrue(BadgeBaker.create().unbake(png).payload().contains("OpenBadgeCredential"));
    assertTrue(BadgeBaker.create().unbake(svg).payload().contains("OpenBadgeCredential"));
    for (String name : new String[] {"badge.png", "badge.svg", "ob2-baked.png", "ob2-baked.svg"}) {
      assertTrue(Files.exists(dir.resolve(name)), name);
    }
    assertTrue(console.toString().contains("identical"), console.toString());
  }

  @Test
  void usesWhatEarlierStepsLeft() throws Exception {
    StringWriter console = new StringWriter();
    DemoContext context = new DemoContext(dir, new PrintWriter(console, true));
    context.put(DemoContext.OB3_JWT, "eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln");
    context.put(DemoContext.OB2_ASSERTION, "{\"@context\":\"https://w3id.org/openbadges/v2\",\"id\":\"https://example.org/a/1\"}");
    new BakingDemo().run(context);
    assertEquals("eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln",
        BadgeBaker.create().unbake(context.require(DemoContext.BAKED_SVG, Path.class)).payload());
    assertEquals("https://example.org/a/1", BadgeBaker.create().unbake(dir.resolve("ob2-baked.png")).payload());
  }
}
