package io.github.insignia.openbadges.cli;

import io.github.insignia.openbadges.export.ExportErrorCode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.export.BadgeSummary;
import io.github.insignia.openbadges.export.ExportRefusedException;
import io.github.insignia.openbadges.export.ShareLinks;
import io.github.insignia.openbadges.export.ShareNetwork;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code insignia share}: verifies the badge, then prints the share link of one network for the
 * badge's public page. Refusals as for {@code linkedin} (exit 1).
 */
@Command(name = "share", mixinStandardHelpOptions = true,
    description = {"Print a share link for a badge.",
        "Networks: linkedin, x, facebook, whatsapp, telegram, bluesky, mastodon (needs --instance).",
        "The badge is verified first; a badge that is not valid, revoked or expired is refused (exit 1)."})
final class ShareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--network", required = true, paramLabel = "NAME", description = "Where to share: ${COMPLETION-CANDIDATES}.",
      completionCandidates = Networks.class)
  String network;

  @Parameters(index = "0", paramLabel = "FILE", description = "The badge: JSON, a compact JWS/JWT, or a baked PNG/SVG.")
  Path file;

  @Option(names = "--url", paramLabel = "URL", description = "The public badge page to share (default: the badge's id when it is an https URL).")
  URI url;

  @Option(names = "--text", paramLabel = "TEXT", description = "The post text (default: \"I earned NAME from ISSUER\").")
  String text;

  @Option(names = "--instance", paramLabel = "HOST", description = "The Mastodon instance, e.g. mastodon.social.")
  String instance;

  @Mixin LinkedinCommand.VerifyFlags verify;

  @Override
  public Integer call() {
    ShareNetwork target = ShareNetwork.parse(network).orElseThrow(() -> new InvalidInputException(CliErrorCode.USAGE,
        "unknown network '" + network + "'; use one of " + String.join(", ", new Networks())));
    PrintWriter err = spec.commandLine().getErr();
    Optional<BadgeSummary> badge = verify.load(file, err);
    if (badge.isEmpty()) {
      return InsigniaCommand.EXIT_INVALID;
    }
    URI page = url != null ? url : badge.get().credentialId().filter(id -> id.startsWith("https://") || id.startsWith("http://"))
        .map(URI::create).orElseThrow(() -> new InvalidInputException(ExportErrorCode.URL_MISSING,
            "give the public badge page with --url (the badge's id is not a web URL)"));
    try {
      ShareLinks links = ShareLinks.builder(badge.get()).pageUrl(page).text(text).mastodonInstance(instance)
          .clock(verify.clock()).build();
      spec.commandLine().getOut().println(links.link(target));
    } catch (ExportRefusedException e) {
      err.println(InsigniaCommand.errorLine(e));
      return InsigniaCommand.EXIT_INVALID;
    }
    spec.commandLine().getOut().flush();
    return InsigniaCommand.EXIT_OK;
  }

  /** The network names, for help and errors. */
  static final class Networks extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Networks() {
      super(Arrays.stream(ShareNetwork.values()).map(ShareNetwork::id).collect(Collectors.toList()));
    }
  }
}
