package io.github.insignia.openbadges.cli.demo;

/** Demo step: Signing: keys, Data Integrity proof, VC-JWT and OB 2.0 JWS. */
public final class SigningDemo implements DemoStep {
  @Override
  public String title() {
    return "Signing: keys, Data Integrity proof, VC-JWT and OB 2.0 JWS";
  }

  @Override
  public void run(DemoContext context) {
    context.say("  (not built yet)");
  }
}
