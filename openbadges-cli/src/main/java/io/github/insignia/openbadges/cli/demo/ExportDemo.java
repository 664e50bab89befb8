package io.github.insignia.openbadges.cli.demo;

/** Demo step: Export: backpack push, LinkedIn and share links. */
public final class ExportDemo implements DemoStep {
  @Override
  public String title() {
    return "Export: backpack push, LinkedIn and share links";
  }

  @Override
  public void run(DemoContext context) {
    context.say("  (not built yet)");
  }
}
