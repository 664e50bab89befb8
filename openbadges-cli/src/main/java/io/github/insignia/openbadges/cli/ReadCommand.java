package io.github.insignia.openbadges.cli;

import io.github.insignia.openbadges.ConfigurationException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code insignia read}: Parse a badge into the model and write it back as JSON. */
@Command(name = "read", mixinStandardHelpOptions = true, description = "Parse a badge into the model and write it back as JSON.")
final class ReadCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", hidden = true)
  List<String> args;

  @Override
  public Integer call() {
    throw new ConfigurationException("NOT_IMPLEMENTED", "insignia read is not implemented yet");
  }
}
