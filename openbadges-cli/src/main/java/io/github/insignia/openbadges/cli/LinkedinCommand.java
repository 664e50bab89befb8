package io.github.insignia.openbadges.cli;

import io.github.insignia.openbadges.ConfigurationException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code insignia linkedin}: Print the LinkedIn Add-to-profile link for a badge. */
@Command(name = "linkedin", mixinStandardHelpOptions = true, description = "Print the LinkedIn Add-to-profile link for a badge.")
final class LinkedinCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", hidden = true)
  List<String> args;

  @Override
  public Integer call() {
    throw new ConfigurationException("NOT_IMPLEMENTED", "insignia linkedin is not implemented yet");
  }
}
