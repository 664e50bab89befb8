package io.github.insignia.openbadges.cli;

import io.github.insignia.openbadges.ConfigurationException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code insignia sign}: Sign a badge. */
@Command(name = "sign", mixinStandardHelpOptions = true, description = "Sign a badge.")
final class SignCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", hidden = true)
  List<String> args;

  @Override
  public Integer call() {
    throw new ConfigurationException("NOT_IMPLEMENTED", "insignia sign is not implemented yet");
  }
}
