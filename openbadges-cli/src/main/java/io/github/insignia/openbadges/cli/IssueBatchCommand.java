package io.github.insignia.openbadges.cli;

import io.github.insignia.openbadges.ConfigurationException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code insignia issue-batch}: Award a badge to every learner of a roster. */
@Command(name = "issue-batch", mixinStandardHelpOptions = true, description = "Award a badge to every learner of a roster.")
final class IssueBatchCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", hidden = true)
  List<String> args;

  @Override
  public Integer call() {
    throw new ConfigurationException("NOT_IMPLEMENTED", "insignia issue-batch is not implemented yet");
  }
}
