package io.github.insignia.openbadges.cli.internal;

import io.github.insignia.openbadges.cli.InsigniaCommand;
import java.nio.file.Path;

/**
 * The training run of the {@code ./insignia} launcher's class-data sharing archive (not a command:
 * the launcher runs this class with {@code -XX:ArchiveClassesAtExit}). It runs, in one JVM, the
 * verify paths a user runs most, so every class they load is archived: one baked PNG with the human
 * report and with {@code --json}, then one input of each kind (baked PNG and SVG, a VC-JWT, plain
 * JSON) in one multi-input run. The verdicts and the output do not matter (stdout goes nowhere).
 */
public final class CdsTraining {
  private CdsTraining() {}

  /**
   * Trains on the sample badges in a folder.
   *
   * @param args the folder holding {@code sample-badge.png}, {@code sample-badge.svg}, {@code
   *     sample-credential.jwt} and {@code sample-credential.json}
   */
  public static void main(String[] args) {
    Path dir = Path.of(args.length > 0 ? args[0] : ".");
    String png = dir.resolve("sample-badge.png").toString();
    // what `insignia verify` starts on a second thread, so its classes are in the archive too
    io.github.insignia.openbadges.validation.BadgeVerifier.prepare();
    InsigniaCommand.execute("verify", png, "--offline");
    InsigniaCommand.execute("verify", png, "--offline", "--json");
    InsigniaCommand.execute("verify", png, dir.resolve("sample-badge.svg").toString(),
        dir.resolve("sample-credential.jwt").toString(), dir.resolve("sample-credential.json").toString(), "--offline");
    InsigniaCommand.execute("--version");
  }
}
