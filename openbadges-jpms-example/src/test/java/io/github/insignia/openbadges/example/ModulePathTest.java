package io.github.insignia.openbadges.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Starts the example as a named module in a fresh JVM ({@code java --module-path ... --module
 * io.github.insignia.openbadges.example/...Main}): every Insignia library resolves as a module, the
 * badge is signed and verified, and nothing is printed on stderr (networknt's SLF4J goes to
 * System.Logger, whose JUL default prints nothing below INFO and nothing is logged at INFO or above).
 */
class ModulePathTest {
  @Test
  void theConsumerModuleSignsAndVerifiesOnTheModulePath() throws IOException, InterruptedException {
    String dependencies = Files.readString(Path.of(System.getProperty("example.modulePathFile"))).strip();
    String modulePath = System.getProperty("example.classes") + File.pathSeparator + dependencies;
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path out = Files.createTempFile("jpms-example", ".out");
    Path err = Files.createTempFile("jpms-example", ".err");
    try {
      Process process = new ProcessBuilder(List.of(java.toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
              "--module-path", modulePath,
              "--module", "io.github.insignia.openbadges.example/io.github.insignia.openbadges.example.Main"))
          .redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .start();
      assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the example finished");
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      assertEquals(0, process.exitValue(), stdout + stderr);
      assertTrue(stdout.contains("module io.github.insignia.openbadges.example"), stdout);
      assertTrue(stdout.contains("data integrity: verified"), stdout);
      assertTrue(stdout.contains("vc-jwt: verified"), stdout);
      assertTrue(stdout.contains("badge verifier: VALID"), stdout);
      assertEquals("", stderr, "nothing on stderr");
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
