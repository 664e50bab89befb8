package io.github.insignia.openbadges.cli;

import io.github.insignia.openbadges.baking.BadgeBaker;
import io.github.insignia.openbadges.baking.UnbakedBadge;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code insignia unbake IMG}: prints the badge stored in a PNG or SVG image exactly as stored (no
 * newline is added unless the output is a terminal). Exit 0 with a badge, 1 when the image carries
 * none ({@code NO_BADGE}), 2 when the file is not a readable PNG/SVG.
 */
@Command(
    name = "unbake",
    mixinStandardHelpOptions = true,
    description = {
      "Print the badge stored in a PNG or SVG image.",
      "Exit 0: printed; 1: the image carries no badge; 2: not a readable PNG/SVG."
    })
final class UnbakeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "IMG", description = "The PNG or SVG image.")
  Path image;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    UnbakedBadge badge = BadgeBaker.create().unbake(image);
    PrintWriter out = spec.commandLine().getOut();
    out.print(badge.payload());
    if (System.console() != null && !badge.payload().endsWith("\n")) {
      out.println();
    }
    out.flush();
    for (String warning : badge.warnings()) {
      spec.commandLine().getErr().println("warning: " + warning);
    }
    spec.commandLine().getErr().flush();
    return InsigniaCommand.EXIT_OK;
  }
}
