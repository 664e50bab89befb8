package io.github.insignia.openbadges.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.Check;
import io.github.insignia.openbadges.validation.EndorsementVerdict;
import io.github.insignia.openbadges.validation.Question;
import io.github.insignia.openbadges.validation.Verdict;
import io.github.insignia.openbadges.validation.VerificationOptions;
import io.github.insignia.openbadges.validation.VerificationReport;
import io.github.insignia.openbadges.validation.fetch.PreloadedResources;
import io.github.insignia.openbadges.web.CertificatePdf;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code insignia verify}: Verify a badge as a platform does on import. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify a badge as a platform does on import.",
      "INPUT is a URL, a file (baked PNG/SVG, JSON, JWS/JWT, PDF certificate), a data: URI, or - for standard input.",
      "Exit 0 VALID, 1 INVALID, 3 INDETERMINATE (a needed document could not be obtained), 2 could not run.",
      "Several INPUTs: one line each (PATH<TAB>VERDICT<TAB>root cause; with --json one JSON object per line with its",
      "\"source\"); an input that cannot be read is INVALID (INPUT_UNREADABLE) on its line; exit 1 if any INVALID,",
      "else 3 if any INDETERMINATE, else 0."
    })
final class VerifyCommand implements Callable<Integer> {
  private static final long MAX_FILE_BYTES = 32L * 1024 * 1024;

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "URL, file, data: URI, or - for stdin (one or more)")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Option(names = "--lang", paramLabel = "en|es", description = "Report language (default: en).")
  String lang = "en";

  @Option(names = "--recipient", paramLabel = "ID", description = "One of the learner's identifiers (repeatable).")
  List<String> recipients = new ArrayList<>();

  @Option(names = "--expect", paramLabel = "award|KIND[,KIND...]", split = ",",
      description = "Accept only these kinds of document (award = an assertion or an OB 3.0 credential; or kinds "
          + "such as badge_class, profile, achievement, clr_credential); anything else is INVALID (INPUT_NOT_AN_AWARD).")
  List<String> expect = new ArrayList<>();

  @Option(names = "--offline", description = "Never use the network: pinned contexts and --resources only.")
  boolean offline;

  @Option(names = "--resources", paramLabel = "MAP.json", description = "Preload URL -> file answers (offline and archived verification).")
  Path resources;

  @Option(names = "--at", paramLabel = "INSTANT", description = "Verify as of this instant (ISO 8601, e.g. 2026-01-01T00:00:00Z).")
  String at;

  @Option(names = "--strict", description = "Conformance warnings fail the badge (for issuers linting their own output).")
  boolean strict;

  @Option(names = "--allow-private-network", description = "Allow fetching from loopback and private addresses (tests only).")
  boolean allowPrivateNetwork;

  @Override
  public Integer call() {
    VerificationOptions options = options();
    BadgeVerifier verifier = BadgeVerifier.create(options);
    PrintWriter out = spec.commandLine().getOut();
    if (inputs.size() > 1) {
      return verifyMany(verifier, out);
    }
    VerificationReport report = verify(verifier, inputs.get(0));
    if (json) {
      out.println(SafeJson.writePretty(report.toJsonNode()));
    } else {
      printHuman(report, out);
    }
    out.flush();
    return exitCode(report.verdict());
  }

  /**
   * Several inputs, one verifier (immutable and thread-safe): verified on a few threads, one line
   * per input printed in input order and flushed as it is written; at most a few reports wait in
   * memory. An input that cannot be read (no such file, too large, an I/O error, a PDF without a
   * credential) is INVALID with {@code INPUT_UNREADABLE} on its own line, and the run goes on.
   */
  private int verifyMany(BadgeVerifier verifier, PrintWriter out) {
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), inputs.size()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "insignia-verify");
      t.setDaemon(true);
      return t;
    });
    boolean invalid = false;
    boolean indeterminate = false;
    try {
      Deque<Future<VerificationReport>> window = new ArrayDeque<>();
      int next = 0;
      for (String input : inputs) {
        while (next < inputs.size() && window.size() < threads * 4) {
          String in = inputs.get(next++);
          window.add(pool.submit(() -> verifyOrUnreadable(verifier, in)));
        }
        VerificationReport report = result(window.poll());
        invalid |= report.verdict() == Verdict.INVALID;
        indeterminate |= report.verdict() == Verdict.INDETERMINATE;
        if (json) {
          ObjectNode line = SafeJson.nodeFactory().objectNode();
          line.put("source", input);
          line.setAll(report.toJsonNode());
          out.println(SafeJson.write(line));
        } else {
          out.println(batchLine(input, report));
        }
        out.flush();
      }
    } finally {
      pool.shutdownNow();
    }
    return invalid ? InsigniaCommand.EXIT_INVALID : indeterminate ? InsigniaCommand.EXIT_INDETERMINATE : InsigniaCommand.EXIT_OK;
  }

  private static VerificationReport verifyOrUnreadable(BadgeVerifier verifier, String input) {
    try {
      return verify(verifier, input);
    } catch (OpenBadgesException | UncheckedIOException e) {
      return unreadable(verifier, InsigniaCommand.errorLine(e).substring("error: ".length()));
    }
  }

  /** A worker's report; anything else it threw stops the run as it would with one input. */
  private static VerificationReport result(Future<VerificationReport> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** {@code PATH<TAB>VERDICT<TAB>root cause}; tabs and line breaks in the path or message become spaces. */
  static String batchLine(String input, VerificationReport report) {
    String cause = report.rootCause().map(VerifyCommand::line).orElse("");
    return oneField(input) + "\t" + report.verdict().name() + "\t" + oneField(cause);
  }

  private static String oneField(String s) {
    return s.replaceAll("[\\t\\r\\n\\x00-\\x1f]", " ");
  }

  /** The verifier's own report for input that could not be read (INVALID, {@code INPUT_UNREADABLE}). */
  private static VerificationReport unreadable(BadgeVerifier verifier, String why) {
    return verifier.verify(new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException(why);
      }

      @Override
      public byte[] readNBytes(int len) throws IOException {
        throw new IOException(why);
      }
    });
  }

  /** 0 VALID, 1 INVALID, 3 INDETERMINATE. */
  static int exitCode(Verdict verdict) {
    return switch (verdict) {
      case VALID -> InsigniaCommand.EXIT_OK;
      case INVALID -> InsigniaCommand.EXIT_INVALID;
      case INDETERMINATE -> InsigniaCommand.EXIT_INDETERMINATE;
    };
  }

  private VerificationOptions options() {
    Locale locale = switch (lang.toLowerCase(Locale.ROOT)) {
      case "en" -> Locale.ENGLISH;
      case "es" -> Locale.forLanguageTag("es");
      default -> throw new CommandLine.ParameterException(spec.commandLine(), "--lang must be en or es, not '" + lang + "'");
    };
    VerificationOptions.Builder b = VerificationOptions.builder()
        .locale(locale)
        .offline(offline)
        .allowPrivateNetwork(allowPrivateNetwork)
        .strict(strict)
        .recipients(recipients);
    b.expectedKinds(expectedKinds());
    if (at != null) {
      try {
        b.at(Instant.parse(at));
      } catch (DateTimeParseException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--at must be an ISO 8601 instant such as 2026-01-01T00:00:00Z, not '" + at + "'");
      }
    }
    if (resources != null) {
      b.resources(PreloadedResources.fromMapFile(resources));
    }
    return b.build();
  }

  /** --expect award, or document kind names (any case, '-' for '_'). */
  private java.util.Set<io.github.insignia.openbadges.model.DocumentKind> expectedKinds() {
    java.util.Set<io.github.insignia.openbadges.model.DocumentKind> kinds = new java.util.HashSet<>();
    for (String e : expect) {
      String name = e.strip().toUpperCase(Locale.ROOT).replace('-', '_');
      if (name.equals("AWARD")) {
        kinds.add(io.github.insignia.openbadges.model.DocumentKind.ASSERTION);
        kinds.add(io.github.insignia.openbadges.model.DocumentKind.CREDENTIAL);
        continue;
      }
      try {
        kinds.add(io.github.insignia.openbadges.model.DocumentKind.valueOf(name));
      } catch (IllegalArgumentException ex) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--expect takes award or a document kind ("
            + java.util.Arrays.toString(io.github.insignia.openbadges.model.DocumentKind.values()).toLowerCase(Locale.ROOT)
            + "), not '" + e + "'");
      }
    }
    return kinds;
  }

  private static VerificationReport verify(BadgeVerifier verifier, String input) {
    String lower = input.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("data:")) {
      return verifier.verify(input);
    }
    if (input.equals("-")) {
      return verifier.verify(System.in);
    }
    Path file;
    try {
      file = Path.of(input);
    } catch (InvalidPathException e) {
      return verifier.verify(input);
    }
    if (!Files.isRegularFile(file)) {
      String t = input.strip();
      if (t.startsWith("{") || t.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+")) {
        return verifier.verify(t);
      }
      throw new InvalidInputException(CliErrorCode.INPUT_NOT_FOUND, "no such file, and not a URL, JSON or JWS: " + input);
    }
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new InvalidInputException(CliErrorCode.INPUT_TOO_LARGE, input + " is larger than " + MAX_FILE_BYTES + " bytes");
      }
      byte[] bytes = Files.readAllBytes(file);
      // a PDF certificate is verified through the credential it carries (openbadges-web)
      return verifier.verify(CertificatePdf.looksLikePdf(bytes) ? CertificatePdf.embeddedCredential(bytes).orElse(bytes) : bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The human report: the verdict with its root cause, the input, the warnings (each marked
   * {@code !}), the endorsements, then every check grouped by the question it answers.
   */
  static void printHuman(VerificationReport report, PrintWriter out) {
    out.println(verdictMark(report.verdict()) + " " + report.summary());
    out.println("  " + report.input().label() + report.version().map(v -> " · Open Badges " + v).orElse("")
        + report.kind().map(k -> " · " + k.name()).orElse(""));
    for (Check w : report.warnings()) {
      out.println("  ! " + line(w));
    }
    for (EndorsementVerdict e : report.endorsements()) {
      out.println("  " + verdictMark(e.verdict()) + " " + Question.ENDORSEMENT.label(report.locale()) + " " + e.target()
          + ": " + e.report().summary());
    }
    for (Question q : Question.values()) {
      List<Check> group = report.checks(q);
      if (group.isEmpty()) {
        continue;
      }
      out.println("  " + q.label(report.locale()));
      for (Check c : group) {
        String mark = switch (c.outcome()) {
          case PASS -> "✓";
          case FAIL -> "✗";
          case WARNING -> "!";
          case SKIPPED -> "-";
          case INCONCLUSIVE -> "?";
        };
        out.println("    " + mark + " " + line(c));
      }
    }
  }

  private static String line(Check c) {
    return c.code() + (c.target().isEmpty() ? "" : " " + c.target()) + ": " + c.message();
  }

  static String verdictMark(Verdict verdict) {
    return switch (verdict) {
      case VALID -> "✓";
      case INVALID -> "✗";
      case INDETERMINATE -> "?";
    };
  }
}
