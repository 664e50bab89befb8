package io.github.insignia.openbadges.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the demo steps share: the output folder, the console, and named results. Keys are the
 * constants below; each step documents which it reads and writes.
 */
public final class DemoContext {
  /** OB 3.0 issuer Profile JSON (String). */
  public static final String ISSUER_PROFILE = "ob3.issuer";
  /** OB 3.0 Achievement JSON (String). */
  public static final String ACHIEVEMENT = "ob3.achievement";
  /** Unsigned OB 3.0 OpenBadgeCredential JSON (String). */
  public static final String OB3_CREDENTIAL = "ob3.credential";
  /** OB 3.0 credential with an eddsa-rdfc-2022 Data Integrity proof (String). */
  public static final String OB3_SIGNED_DI = "ob3.signed.di";
  /** OB 3.0 credential as a compact VC-JWT (String). */
  public static final String OB3_JWT = "ob3.jwt";
  /** OB 2.0 Assertion JSON, with the badge class and issuer embedded or linked (String). */
  public static final String OB2_ASSERTION = "ob2.assertion";
  /** OB 2.0 BadgeClass JSON (String). */
  public static final String OB2_BADGE_CLASS = "ob2.badgeclass";
  /** OB 2.0 issuer Profile JSON (String). */
  public static final String OB2_ISSUER = "ob2.issuer";
  /** OB 2.0 signed assertion as a compact JWS (String). */
  public static final String OB2_JWS = "ob2.jws";
  /** The sample learner's email (String). */
  public static final String LEARNER_EMAIL = "learner.email";
  /** Baked OB 3.0 PNG file (Path). */
  public static final String BAKED_PNG = "baked.png";
  /** Baked OB 3.0 SVG file (Path). */
  public static final String BAKED_SVG = "baked.svg";
  /** Issuer signing key as a private JWK (String). */
  public static final String ISSUER_KEY_JWK = "issuer.key.jwk";
  /** Resources map (URL to local file) for offline verification of hosted documents (Path). */
  public static final String RESOURCES_MAP = "resources.map";

  private final Path outputDirectory;
  private final PrintWriter console;
  private final Map<String, Object> results = new HashMap<>();

  /**
   * @param outputDirectory where the demo writes its files
   * @param console where the demo tells what it did
   */
  public DemoContext(Path outputDirectory, PrintWriter console) {
    this.outputDirectory = outputDirectory;
    this.console = console;
  }

  /** The demo's output folder. */
  public Path outputDirectory() {
    return outputDirectory;
  }

  /** Prints one line to the console. */
  public void say(String line) {
    console.println(line);
  }

  /** Stores a result under a key. */
  public void put(String key, Object value) {
    results.put(key, value);
  }

  /** A result of an earlier step, when it is there and of the given type. */
  public <T> Optional<T> get(String key, Class<T> type) {
    Object value = results.get(key);
    return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
  }

  /** A result that an earlier step must have left; fails clearly when it did not. */
  public <T> T require(String key, Class<T> type) {
    return get(key, type)
        .orElseThrow(() -> new IllegalStateException("demo step ordering: no result '" + key + "'"));
  }

  /** Writes a UTF-8 text file in the output folder, prints its path, and returns it. */
  public Path writeText(String fileName, String text) throws IOException {
    Path file = outputDirectory.resolve(fileName);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    say("  wrote " + outputDirectory.getFileName().resolve(fileName));
    return file;
  }

  /** Writes a binary file in the output folder, prints its path, and returns it. */
  public Path writeBytes(String fileName, byte[] bytes) throws IOException {
    Path file = outputDirectory.resolve(fileName);
    Files.write(file, bytes);
    say("  wrote " + outputDirectory.getFileName().resolve(fileName));
    return file;
  }
}
