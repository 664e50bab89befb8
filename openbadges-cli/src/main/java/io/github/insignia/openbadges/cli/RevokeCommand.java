package io.github.insignia.openbadges.cli;

import io.github.insignia.openbadges.issuing.status.FileStatusListStore;
import io.github.insignia.openbadges.issuing.status.Revocation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code insignia revoke --status-store DIR [--reason TEXT] CREDENTIAL...}: records revocations in
 * the status journal {@code issue-batch} allocated the badges' status entries in. A running {@code
 * insignia serve --status-store DIR --key KEYFILE} serves the signed status lists from that journal,
 * so verifiers see the revocation at once; without {@code --key}, its pages do. Revocation is
 * permanent (a second revocation keeps the first reason). Exit 0 when every credential is revoked
 * (now or before), 1 when some have no status entry in the journal, 2 on usage or I/O errors.
 */
@Command(
    name = "revoke",
    mixinStandardHelpOptions = true,
    description = {
      "Revoke badges in the status journal issue-batch used (--status-store).",
      "CREDENTIAL is the credential id (urn:uuid:...) or its UUID (the learner's folder name).",
      "insignia serve --status-store DIR --key KEYFILE then serves the updated status lists at once."
    })
final class RevokeCommand implements Callable<Integer> {
  @Option(names = "--status-store", required = true, paramLabel = "DIR", description = "The status journal folder issue-batch used.")
  Path statusStore;

  @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "Revoked by the issuer",
      description = "The revocationReason shown to verifiers (1 to 1000 characters; default: ${DEFAULT-VALUE}).")
  String reason;

  @Parameters(arity = "1..*", paramLabel = "CREDENTIAL", description = "Credential ids (urn:uuid:...) or UUIDs.")
  List<String> credentials;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    String why = reason.strip();
    if (why.isEmpty() || why.length() > 1_000) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--reason must be 1 to 1000 characters");
    }
    if (!Files.isDirectory(statusStore)) {
      // opening would create an empty journal: a typo must not look like "nothing to revoke"
      throw new CommandLine.ParameterException(spec.commandLine(), "--status-store " + statusStore + " is not a folder");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int unknown = 0;
    Clock clock = Clock.systemUTC();
    try (FileStatusListStore store = FileStatusListStore.open(statusStore, clock)) {
      for (String c : credentials) {
        String id = c.contains(":") ? c : "urn:uuid:" + c;
        if (store.assignment(id).isEmpty()) {
          err.println("not found: " + id + " has no status entry in " + statusStore);
          unknown++;
          continue;
        }
        Optional<Revocation> before = store.revocation(id);
        if (store.revoke(new Revocation(id, why, clock.instant()))) {
          out.println("revoked " + id);
        } else {
          out.println("already revoked " + id + " (" + before.map(Revocation::reason).orElse("") + ")");
        }
      }
    }
    out.flush();
    err.flush();
    return unknown == 0 ? InsigniaCommand.EXIT_OK : InsigniaCommand.EXIT_INVALID;
  }
}
