package io.github.insignia.openbadges.cli.demo;

/** Demo step: Model: an issuer, an achievement and an awarded badge. */
public final class ModelDemo implements DemoStep {
  @Override
  public String title() {
    return "Model: an issuer, an achievement and an awarded badge";
  }

  @Override
  public void run(DemoContext context) {
    context.say("  (not built yet)");
  }
}
