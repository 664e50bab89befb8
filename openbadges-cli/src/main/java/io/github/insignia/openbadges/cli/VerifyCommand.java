package io.github.insignia.openbadges.cli;

import io.github.insignia.openbadges.ConfigurationException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code insignia verify}: Verify a badge as a platform does on import. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Verify a badge as a platform does on import.")
final class VerifyCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", hidden = true)
  List<String> args;

  @Override
  public Integer call() {
    throw new ConfigurationException("NOT_IMPLEMENTED", "insignia verify is not implemented yet");
  }
}
