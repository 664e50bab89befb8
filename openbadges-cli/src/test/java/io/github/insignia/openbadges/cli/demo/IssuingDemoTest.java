package io.github.insignia.openbadges.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.json.SafeJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssuingDemoTest {
  @TempDir Path dir;

  @Test
  void runsAloneAndAfterTheModelStep() throws Exception {
    for (boolean withModel : new boolean[] {false, true}) {
      Path out = Files.createDirectories(dir.resolve("run-" + withModel));
      StringWriter console = new StringWriter();
      DemoContext context = new DemoContext(out, new PrintWriter(console, true));
      if (withModel) {
        new ModelDemo().run(context);
      }
      new IssuingDemo().run(context);
      String said = console.toString();
      assertTrue(said.contains("batch: issued 5, skipped 0, failed 0"), said);
      assertTrue(said.contains("revoked 1 badge(s) of bruno.diaz@example.org"), said);
      // A did:key issuer resolves offline; an https issuer through the profile the demo publishes.
      assertTrue(said.contains("baked badge.png before revocation: VALID"), said);
      assertTrue(said.contains("the same badge.png after revocation: REVOKED"), said);
      assertTrue(said.matches("(?s).*status list 0, index [0-4]: 0 -> 1 .*"), said);
      try (Stream<Path> s = Files.list(out.resolve("issuing/batch"))) {
        assertEquals(5, s.filter(Files::isDirectory).count());
      }
      JsonNode list = SafeJson.read(Files.readAllBytes(out.resolve("issuing/revocation-list-1edtech.json")));
      assertEquals(1, list.get("revokedCredential").size());
    }
  }
}
