package io.github.insignia.openbadges.cli;

import io.github.insignia.openbadges.ConfigurationException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code insignia unbake}: Print the badge stored in a PNG or SVG image. */
@Command(name = "unbake", mixinStandardHelpOptions = true, description = "Print the badge stored in a PNG or SVG image.")
final class UnbakeCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", hidden = true)
  List<String> args;

  @Override
  public Integer call() {
    throw new ConfigurationException("NOT_IMPLEMENTED", "insignia unbake is not implemented yet");
  }
}
