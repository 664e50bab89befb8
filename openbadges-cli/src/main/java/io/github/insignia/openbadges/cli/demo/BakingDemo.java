package io.github.insignia.openbadges.cli.demo;

/** Demo step: Baking: the badge inside its PNG and SVG. */
public final class BakingDemo implements DemoStep {
  @Override
  public String title() {
    return "Baking: the badge inside its PNG and SVG";
  }

  @Override
  public void run(DemoContext context) {
    context.say("  (not built yet)");
  }
}
