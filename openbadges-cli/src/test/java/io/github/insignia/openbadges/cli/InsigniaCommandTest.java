package io.github.insignia.openbadges.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class InsigniaCommandTest {
  @Test
  void versionPrintsTheProjectVersion() {
    Run run = run("--version");
    assertEquals(0, run.exit);
    assertTrue(run.out.startsWith("insignia "), run.out);
  }

  @Test
  void unknownSubcommandIsAUsageErrorOnOneLine() {
    Run run = run("no-such-command");
    assertEquals(2, run.exit);
    assertTrue(run.err.startsWith("error: USAGE: "), run.err);
    assertEquals(1, run.err.strip().lines().count(), run.err);
  }

  @Test
  void noSubcommandIsAUsageError() {
    Run run = run();
    assertEquals(2, run.exit);
    assertTrue(run.err.startsWith("error: USAGE: "), run.err);
  }

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cli = InsigniaCommand.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }
}
