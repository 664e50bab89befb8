package io.github.insignia.openbadges.cli;

import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.json.JsonLimits;
import io.github.insignia.openbadges.model.BadgeDocument;
import io.github.insignia.openbadges.model.BadgeDocuments;
import io.github.insignia.openbadges.model.ReadOptions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code insignia read FILE|-}: parses a badge into the model and writes it back as indented JSON
 * on stdout. Exit 0 when it is a badge, 1 when it is JSON but not a whole badge, 2 for usage, I/O
 * and malformed JSON (truncated, too deep, too large, wrong member types).
 */
@Command(
    name = "read",
    mixinStandardHelpOptions = true,
    description = {
      "Parse a badge into the model and write it back as JSON.",
      "Detects OB 0.5, 1.0, 1.1, 2.0 and 3.0 and tells on stderr what it read."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:a badge, written back", "1:JSON, but not a badge", "2:usage, I/O or malformed JSON"})
final class ReadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE|-", description = "The badge JSON file, or - for stdin.")
  String input;

  @Option(names = "--upgrade", description = "Upgrade OB 0.5/1.0/1.1 documents to OB 2.0.")
  boolean upgrade;

  @Option(names = "--quiet", description = "Do not tell on stderr what was read.")
  boolean quiet;

  @Option(names = "--max-depth", paramLabel = "N", description = "Maximum JSON nesting depth (default ${DEFAULT-VALUE}).")
  int maxDepth = JsonLimits.DEFAULT_MAX_DEPTH;

  @Option(names = "--max-string-length", paramLabel = "CHARS", description = "Maximum length of one JSON string (default ${DEFAULT-VALUE}).")
  int maxStringLength = JsonLimits.DEFAULT_MAX_STRING_LENGTH;

  @Option(names = "--max-bytes", paramLabel = "BYTES", description = "Maximum document size (default ${DEFAULT-VALUE}).")
  long maxBytes = JsonLimits.DEFAULT_MAX_DOCUMENT_BYTES;

  @Override
  public Integer call() {
    JsonLimits limits =
        JsonLimits.builder().maxDepth(maxDepth).maxStringLength(maxStringLength).maxDocumentBytes(maxBytes).build();
    ReadOptions options = ReadOptions.builder().limits(limits).upgrade(upgrade).build();
    BadgeDocument doc = BadgeDocuments.read(readInput(limits), options);
    PrintWriter out = spec.commandLine().getOut();
    out.println(asciiSafe() ? doc.toPrettyJson() : escapedPretty(doc.json()));
    out.flush();
    if (!quiet) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("read: OB " + doc.sourceVersion().label() + " " + doc.kind()
          + (doc.upgraded() ? ", upgraded to OB " + doc.version().label() : ""));
      err.flush();
    }
    return InsigniaCommand.EXIT_OK;
  }

  /**
   * Whether stdout can carry any character. On JDK 17 the console writer uses the locale's charset
   * (US-ASCII under {@code LC_ALL=C}), which would turn non-ASCII text into '?'; then non-ASCII
   * characters are written as JSON escapes, which is the same JSON.
   */
  static boolean asciiSafe() {
    String stdout = System.getProperty("sun.stdout.encoding", System.getProperty("stdout.encoding"));
    Charset charset = Charset.defaultCharset();
    if (stdout != null) {
      try {
        charset = Charset.forName(stdout);
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return StandardCharsets.UTF_8.equals(charset) || "UTF-16".equals(charset.name()) || charset.name().startsWith("UTF-");
  }

  static String escapedPretty(JsonNode json) {
    try {
      return ESCAPING.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final ObjectMapper ESCAPING = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
      .build();

  private byte[] readInput(JsonLimits limits) {
    int cap = (int) Math.min(Integer.MAX_VALUE - 8, limits.maxDocumentBytes() + 1);
    try {
      if ("-".equals(input)) {
        return System.in.readNBytes(cap);
      }
      Path file = Path.of(input);
      if (Files.isDirectory(file)) {
        throw new InvalidInputException(CliErrorCode.IO_ERROR, input + " is a directory, not a file");
      }
      // Read at most one byte past the limit so a huge file fails fast with JSON_TOO_LARGE.
      try (InputStream in = Files.newInputStream(file)) {
        return in.readNBytes(cap);
      }
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(CliErrorCode.IO_ERROR, "no such file: " + input, e);
    } catch (IOException e) {
      throw new InvalidInputException(CliErrorCode.IO_ERROR, "cannot read " + input + ": " + e.getMessage(), e);
    } catch (java.nio.file.InvalidPathException e) {
      throw new InvalidInputException(CliErrorCode.IO_ERROR, "not a file name: " + input, e);
    }
  }
}
