package io.github.insignia.openbadges.cli;

import io.github.insignia.openbadges.ConfigurationException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code insignia keygen}: Generate an issuer key. */
@Command(name = "keygen", mixinStandardHelpOptions = true, description = "Generate an issuer key.")
final class KeygenCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", hidden = true)
  List<String> args;

  @Override
  public Integer call() {
    throw new ConfigurationException("NOT_IMPLEMENTED", "insignia keygen is not implemented yet");
  }
}
