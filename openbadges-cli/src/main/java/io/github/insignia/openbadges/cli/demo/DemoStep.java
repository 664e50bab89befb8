package io.github.insignia.openbadges.cli.demo;

/** One step of {@code insignia demo}. */
public interface DemoStep {
  /** A short heading printed before the step runs. */
  String title();

  /**
   * Runs the step: reads what earlier steps left in the context, writes files to its output folder,
   * prints what it did, and leaves its own results in the context.
   */
  void run(DemoContext context) throws Exception;
}
