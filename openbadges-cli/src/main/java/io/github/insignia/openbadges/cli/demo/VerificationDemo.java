package io.github.insignia.openbadges.cli.demo;

/** Demo step: Verification: what an importing platform checks. */
public final class VerificationDemo implements DemoStep {
  @Override
  public String title() {
    return "Verification: what an importing platform checks";
  }

  @Override
  public void run(DemoContext context) {
    context.say("  (not built yet)");
  }
}
