package io.github.insignia.openbadges.cli.demo;

/** Demo step: Issuing: award a small roster at course end. */
public final class IssuingDemo implements DemoStep {
  @Override
  public String title() {
    return "Issuing: award a small roster at course end";
  }

  @Override
  public void run(DemoContext context) {
    context.say("  (not built yet)");
  }
}
