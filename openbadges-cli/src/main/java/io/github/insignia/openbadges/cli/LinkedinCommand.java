package io.github.insignia.openbadges.cli;

import io.github.insignia.openbadges.export.ExportErrorCode;
import io.github.insignia.openbadges.ModelErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.NotABadgeException;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.baking.BadgeBaker;
import io.github.insignia.openbadges.baking.ImageInspector;
import io.github.insignia.openbadges.baking.PayloadKind;
import io.github.insignia.openbadges.baking.UnbakedBadge;
import io.github.insignia.openbadges.export.BadgeSummary;
import io.github.insignia.openbadges.export.ExportRefusedException;
import io.github.insignia.openbadges.export.LinkedInAddToProfile;
import io.github.insignia.openbadges.export.VerificationStatus;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.CheckCode;
import io.github.insignia.openbadges.validation.Outcome;
import io.github.insignia.openbadges.validation.VerificationOptions;
import io.github.insignia.openbadges.validation.VerificationReport;
import io.github.insignia.openbadges.validation.fetch.HttpResourceFetcher;
import io.github.insignia.openbadges.validation.fetch.PreloadedResources;
import io.github.insignia.openbadges.validation.fetch.ResourceFetcher;
import io.github.insignia.openbadges.validation.fetch.ResourceFetchers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code insignia linkedin}: verifies the badge, then prints LinkedIn's "Add to profile" link. A
 * badge that does not verify, is revoked or expired is refused: {@code error: BADGE_…: reason} on
 * stderr, exit 1.
 */
@Command(name = "linkedin", mixinStandardHelpOptions = true,
    description = {"Print the LinkedIn Add-to-profile link for a badge.",
        "The badge is verified first (same options as 'insignia verify'); a badge that is not valid, "
            + "revoked or expired is refused with exit code 1."})
final class LinkedinCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The badge: JSON, a compact JWS/JWT, or a baked PNG/SVG.")
  Path file;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Organization organization = new Organization();

  /** {@code --org-id N | --org-name S}. */
  static final class Organization {
    @Option(names = "--org-id", paramLabel = "N", description = "LinkedIn organization id (shows the logo); wins over the issuer's.")
    String orgId;

    @Option(names = "--org-name", paramLabel = "S", description = "Organization name, when there is no id (default: the issuer's name).")
    String orgName;
  }

  @Option(names = "--cert-url", paramLabel = "URL", description = "The recipient's public badge page.")
  URI certUrl;

  @Option(names = "--cert-id", paramLabel = "ID", description = "The credential id shown on the profile (default: the badge's id).")
  String certId;

  @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC", converter = ZoneConverter.class,
      description = "Time zone in which the issue and expiry months are counted (default ${DEFAULT-VALUE}).")
  ZoneId zone;

  @Mixin VerifyFlags verify;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Optional<BadgeSummary> badge = verify.load(file, err);
    if (badge.isEmpty()) {
      return InsigniaCommand.EXIT_INVALID;
    }
    LinkedInAddToProfile.Builder link = LinkedInAddToProfile.builder(badge.get())
        .zone(zone).clock(verify.clock()).organizationId(organization.orgId).organizationName(organization.orgName).certUrl(certUrl).certId(certId);
    try {
      spec.commandLine().getOut().println(link.build());
    } catch (ExportRefusedException e) {
      err.println(InsigniaCommand.errorLine(e));
      return InsigniaCommand.EXIT_INVALID;
    }
    spec.commandLine().getOut().flush();
    return InsigniaCommand.EXIT_OK;
  }

  /** Parses a time zone id into a typed usage error. */
  static final class ZoneConverter implements ITypeConverter<ZoneId> {
    @Override
    public ZoneId convert(String value) {
      try {
        return ZoneId.of(value);
      } catch (DateTimeException e) {
        throw new picocli.CommandLine.TypeConversionException("not a time zone: " + value);
      }
    }
  }

  /**
   * The verification options of {@code insignia verify} ({@code --offline}, {@code --resources},
   * {@code --at}) and the loading of a badge file into a verified {@link BadgeSummary}; shared by
   * {@code linkedin} and {@code share}.
   */
  static final class VerifyFlags {
    private static final long MAX_FILE_BYTES = 32L * 1024 * 1024;

    @Option(names = "--offline", description = "Never touch the network: only pinned contexts and --resources.")
    boolean offline;

    @Option(names = "--resources", paramLabel = "MAP", description = "JSON map from URL to local file, answered before the network.")
    Path resources;

    @Option(names = "--at", paramLabel = "INSTANT", description = "Verify as of this instant (ISO 8601, e.g. 2026-01-01T00:00:00Z).")
    Instant at;

    @Option(names = "--recipient", paramLabel = "ID", description = "One of the learner's identifiers the badge must be for (repeatable).")
    java.util.List<String> recipients = new java.util.ArrayList<>();

    @Option(names = "--allow-private-network", description = "Allow fetching from loopback and private addresses (tests only).")
    boolean allowPrivateNetwork;

    Clock clock() {
      return at == null ? Clock.systemUTC() : Clock.fixed(at, ZoneOffset.UTC);
    }

    VerificationOptions options() {
      VerificationOptions.Builder b = VerificationOptions.builder().offline(offline)
          .allowPrivateNetwork(allowPrivateNetwork).recipients(recipients);
      if (resources != null) {
        b.resources(PreloadedResources.fromMapFile(resources));
      }
      if (at != null) {
        b.at(at);
      }
      return b.build();
    }

    /**
     * Verifies the file and reads its summary. Empty (after explaining on {@code err}) when the badge
     * did not verify and is neither revoked nor expired; revoked and expired badges come back with
     * that status so the caller states the refusal.
     */
    Optional<BadgeSummary> load(Path file, PrintWriter err) {
      byte[] bytes;
      try {
        if (Files.size(file) > MAX_FILE_BYTES) {
          throw new InvalidInputException(CliErrorCode.INPUT_TOO_LARGE, file + " is larger than " + MAX_FILE_BYTES + " bytes");
        }
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      VerificationOptions options = options();
      VerificationReport report = BadgeVerifier.create(options).verify(bytes);
      VerificationStatus status = status(report);
      if (status == VerificationStatus.NOT_VERIFIED) {
        err.println("error: " + ExportErrorCode.BADGE_NOT_VERIFIED.name() + ": " + InsigniaCommand.oneLine(report.summary()));
        err.flush();
        return Optional.empty();
      }
      return Optional.of(BadgeSummary.fromJson(badgeJson(bytes, options), status));
    }

    static VerificationStatus status(VerificationReport report) {
      if (report.valid()) {
        return VerificationStatus.VERIFIED;
      }
      if (report.checks(Outcome.FAIL).stream().anyMatch(c -> c.code() == CheckCode.REVOKED)) {
        return VerificationStatus.REVOKED;
      }
      var failures = report.checks(Outcome.FAIL);
      if (!failures.isEmpty() && failures.stream().allMatch(c -> c.code() == CheckCode.EXPIRED)) {
        return VerificationStatus.EXPIRED;
      }
      return VerificationStatus.NOT_VERIFIED;
    }

    /** The badge JSON in a file (JSON, JWS, baked image); a hosted OB 2.0 badge class is fetched as the verifier would. */
    static JsonNode badgeJson(byte[] bytes, VerificationOptions options) {
      String text;
      Optional<UnbakedBadge> baked = ImageInspector.sniff(bytes).isPresent() ? BadgeBaker.create().find(bytes) : Optional.empty();
      if (baked.isPresent()) {
        if (baked.get().kind() == PayloadKind.URL) {
          text = fetchText(URI.create(baked.get().payload().strip()), options);
        } else {
          text = baked.get().payload();
        }
      } else {
        text = new String(bytes, StandardCharsets.UTF_8).strip();
      }
      JsonNode json = text.startsWith("{") ? SafeJson.read(text, options.jsonLimits())
          : SafeJson.read(io.github.insignia.openbadges.export.internal.Tokens.jwsPayload(text)
              .orElseThrow(() -> new NotABadgeException(ModelErrorCode.NOT_A_BADGE, "the file holds no badge JSON or JWS")),
              options.jsonLimits());
      if (json.path("badge").isTextual() && json.has("recipient")) {
        ObjectNode copy = json.deepCopy();
        JsonNode badgeClass = SafeJson.read(fetchText(URI.create(json.get("badge").asText().strip()), options),
            options.jsonLimits());
        if (badgeClass.isObject()) {
          embedIssuer((ObjectNode) badgeClass, options);
        }
        copy.set("badge", badgeClass);
        return copy;
      }
      if (json.has("credentialSubject") && json.isObject()) {
        ObjectNode copy = json.deepCopy();
        embedIssuer(copy, options);
        return copy;
      }
      return json;
    }

    /** Replaces an issuer given as a URL by its profile, when it can be fetched; otherwise leaves it. */
    private static void embedIssuer(ObjectNode holder, VerificationOptions options) {
      String issuer = holder.path("issuer").asText("").strip();
      if (!holder.path("issuer").isTextual() || !(issuer.startsWith("https://") || issuer.startsWith("http://"))) {
        return;
      }
      try {
        JsonNode profile = SafeJson.read(fetchText(URI.create(issuer), options), options.jsonLimits());
        if (profile.isObject()) {
          holder.set("issuer", profile);
        }
      } catch (OpenBadgesException | IllegalArgumentException e) {
        // Without the profile the link falls back to --org-id / --org-name.
      }
    }


    private static String fetchText(URI url, VerificationOptions options) {
      ResourceFetcher network = options.offline() ? ResourceFetchers.offline() : HttpResourceFetcher.create();
      ResourceFetcher fetcher = options.resources().urls().isEmpty() ? network : options.resources().orElse(network);
      try {
        return new String(fetcher.fetch(url).requireSuccess().body(), StandardCharsets.UTF_8);
      } catch (OpenBadgesException | IllegalArgumentException e) {
        throw new NotABadgeException(CliErrorCode.BADGE_FETCH_FAILED, "could not fetch " + url + " to read the badge: " + e.getMessage());
      }
    }
  }
}
