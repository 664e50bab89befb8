package io.github.insignia.openbadges.cli;

import io.github.insignia.openbadges.cli.demo.BakingDemo;
import io.github.insignia.openbadges.cli.demo.DemoContext;
import io.github.insignia.openbadges.cli.demo.DemoStep;
import io.github.insignia.openbadges.cli.demo.ExportDemo;
import io.github.insignia.openbadges.cli.demo.IssuingDemo;
import io.github.insignia.openbadges.cli.demo.ModelDemo;
import io.github.insignia.openbadges.cli.demo.SigningDemo;
import io.github.insignia.openbadges.cli.demo.VerificationDemo;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code insignia demo}: the main job end to end, for a sample learner. Each step lives in its own
 * class under {@code demo/} and hands what it made to the next through the {@link DemoContext}.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Issue, sign, bake, verify and export a sample badge; files go to ./insignia-demo/.")
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("insignia-demo");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter console = spec.commandLine().getOut();
    Files.createDirectories(out);
    DemoContext context = new DemoContext(out.toAbsolutePath().normalize(), console);
    List<DemoStep> steps =
        List.of(
            new ModelDemo(),
            new SigningDemo(),
            new BakingDemo(),
            new VerificationDemo(),
            new ExportDemo(),
            new IssuingDemo());
    console.println("Insignia demo: writing to " + context.outputDirectory());
    for (DemoStep step : steps) {
      console.println();
      console.println("== " + step.title() + " ==");
      step.run(context);
      console.flush();
    }
    console.println();
    console.println("Demo finished. Files are in " + context.outputDirectory());
    return InsigniaCommand.EXIT_OK;
  }
}
