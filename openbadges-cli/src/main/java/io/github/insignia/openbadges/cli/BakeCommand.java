package io.github.insignia.openbadges.cli;

import io.github.insignia.openbadges.ConfigurationException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code insignia bake}: Bake a badge into a PNG or SVG image. */
@Command(name = "bake", mixinStandardHelpOptions = true, description = "Bake a badge into a PNG or SVG image.")
final class BakeCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", hidden = true)
  List<String> args;

  @Override
  public Integer call() {
    throw new ConfigurationException("NOT_IMPLEMENTED", "insignia bake is not implemented yet");
  }
}
