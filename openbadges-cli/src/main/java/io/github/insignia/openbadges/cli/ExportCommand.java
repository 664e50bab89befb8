package io.github.insignia.openbadges.cli;

import io.github.insignia.openbadges.ConfigurationException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code insignia export}: Push a badge to a backpack. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Push a badge to a backpack.")
final class ExportCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", hidden = true)
  List<String> args;

  @Override
  public Integer call() {
    throw new ConfigurationException("NOT_IMPLEMENTED", "insignia export is not implemented yet");
  }
}
