package io.github.insignia.openbadges.cli;

import io.github.insignia.openbadges.baking.BakingErrorCode;
import io.github.insignia.openbadges.baking.BakingException;
import io.github.insignia.openbadges.NotABadgeException;
import io.github.insignia.openbadges.OpenBadgesException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code insignia} command. Exit codes, for every subcommand: 0 success, 1 the input was read
 * but is not a badge or not valid, 2 usage or I/O error, and for {@code insignia verify} 3 when the
 * verdict is INDETERMINATE; on failure one line {@code error: CODE: message} goes to stderr.
 */
@Command(
    name = "insignia",
    mixinStandardHelpOptions = true,
    versionProvider = InsigniaCommand.Version.class,
    description = "Issue, sign, bake, verify, import and export Open Badges 2.0 and 3.0.",
    subcommands = {
      DemoCommand.class,
      ReadCommand.class,
      BakeCommand.class,
      UnbakeCommand.class,
      KeygenCommand.class,
      SignCommand.class,
      VerifyCommand.class,
      LinkedinCommand.class,
      ShareCommand.class,
      ExportCommand.class,
      IssueBatchCommand.class,
      ServeCommand.class,
      RevokeCommand.class,
      OfferCommand.class,
      CommandLine.HelpCommand.class
    })
public final class InsigniaCommand implements Runnable {
  /** Exit code: success. */
  public static final int EXIT_OK = 0;
  /** Exit code: the input was read but is not a badge, or not valid. */
  public static final int EXIT_INVALID = 1;
  /** Exit code: usage or I/O error. */
  public static final int EXIT_ERROR = 2;
  /** Exit code ({@code insignia verify}): the verdict cannot be decided now (INDETERMINATE). */
  public static final int EXIT_INDETERMINATE = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /** Entry point. */
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("verify")) {
      prepareVerification();
    }
    System.exit(execute(args));
  }

  /**
   * Starts {@link BadgeVerifier#prepare()} on a second thread, before the command line is even
   * parsed: the one-off work of a first verification (JSON Schema compilation, JSON-LD context
   * processing) then runs on the second core while this thread builds the command line, instead
   * of after it. The verification waits for (or redoes) whatever is not finished; a daemon thread,
   * so it never delays the exit.
   */
  static void prepareVerification() {
    Thread t = new Preparation();
    t.setDaemon(true);
    t.start();
  }

  /** A plain class rather than a lambda: no bootstrap method to link on the main thread first. */
  private static final class Preparation extends Thread {
    Preparation() {
      super("insignia-prepare");
    }

    @Override
    public void run() {
      BadgeVerifier.prepare();
    }
  }

  /** Runs the command line and returns the exit code, without exiting (for tests and embedding). */
  public static int execute(String... args) {
    return newCommandLine().execute(args);
  }

  /** The configured picocli command line. */
  public static CommandLine newCommandLine() {
    CommandLine cli = new CommandLine(new InsigniaCommand());
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          err.println(errorLine(ex));
          err.flush();
          return exitCodeFor(ex);
        });
    cli.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("error: " + CliErrorCode.USAGE.name() + ": " + oneLine(ex.getMessage()));
          err.flush();
          return EXIT_ERROR;
        });
    return cli;
  }

  /** The one-line {@code error: CODE: message} for an exception. */
  static String errorLine(Throwable ex) {
    if (ex instanceof BakingException b && b.errorCode() == BakingErrorCode.IMAGE_IO
        && b.getCause() instanceof IOException io) {
      // The baker now types a file it cannot read; the command line kept printing IO_ERROR for it.
      return "error: " + CliErrorCode.IO_ERROR.name() + ": " + oneLine(String.valueOf(io));
    }
    if (ex instanceof OpenBadgesException obe) {
      return "error: " + obe.code() + ": " + oneLine(obe.getMessage());
    }
    if (ex instanceof UncheckedIOException || ex instanceof IOException) {
      Throwable io = ex instanceof UncheckedIOException u ? u.getCause() : ex;
      return "error: " + CliErrorCode.IO_ERROR.name() + ": " + oneLine(String.valueOf(io));
    }
    if (ex instanceof OutOfMemoryError) {
      return "error: " + CliErrorCode.OUT_OF_MEMORY.name() + ": the input is too large for the memory available";
    }
    return "error: " + CliErrorCode.INTERNAL_ERROR.name() + ": " + oneLine(ex.toString());
  }

  static int exitCodeFor(Throwable ex) {
    return ex instanceof NotABadgeException ? EXIT_INVALID : EXIT_ERROR;
  }

  static String oneLine(String message) {
    if (message == null) {
      return "";
    }
    return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }

  /** Reads the version that Maven filtered into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = InsigniaCommand.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"insignia " + p.getProperty("version", "unknown")};
    }
  }
}
