package io.github.insignia.openbadges.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.issuing.BadgeFormat;
import io.github.insignia.openbadges.issuing.BadgeImage;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.CredentialProver;
import io.github.insignia.openbadges.issuing.ExpiryPolicy;
import io.github.insignia.openbadges.issuing.Issuers;
import io.github.insignia.openbadges.issuing.Ob2Hosting;
import io.github.insignia.openbadges.issuing.batch.BatchFailure;
import io.github.insignia.openbadges.issuing.batch.BatchIssuer;
import io.github.insignia.openbadges.issuing.batch.BatchListener;
import io.github.insignia.openbadges.issuing.batch.BatchProgress;
import io.github.insignia.openbadges.issuing.batch.BatchResult;
import io.github.insignia.openbadges.issuing.batch.FolderSink;
import io.github.insignia.openbadges.issuing.status.FileStatusListStore;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.json.JsonLimits;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.keys.Keys;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code insignia issue-batch --roster FILE.csv --achievement FILE --issuer FILE --key KEYFILE
 * [--image PNG|SVG] --out DIR}: awards the achievement to every learner of the roster, one folder
 * per learner ({@code badge.json}, {@code badge.jwt}, {@code badge.png}, {@code badge.svg}, {@code
 * links.json}) and {@code summary.json}. Resumable: a rerun skips learners already done. Progress
 * goes to stderr (a bar on a terminal, plain lines otherwise); the summary to stdout. Exit 0 when
 * every learner has a badge, 1 when some rows failed (listed in summary.json), 2 on errors. Several
 * runs may share one {@code --status-store} at once (each status slot is allocated under the store's
 * lock); a run that cannot get the lock within {@code --status-lock-wait} stops with {@code
 * STATUS_STORE_LOCKED} and exit 2, and a rerun resumes it.
 */
@Command(
    name = "issue-batch",
    mixinStandardHelpOptions = true,
    description = {
      "Award a badge to every learner of a roster.",
      "The roster is CSV with a header: email (or identifier) required; name, evidence, narrative optional.",
      "Writes one folder per learner (badge.json, badge.jwt, badge.png, badge.svg, links.json) and summary.json;"
          + " a rerun skips learners already done."
    })
final class IssueBatchCommand implements Callable<Integer> {
  @Option(names = "--roster", required = true, paramLabel = "FILE.csv", description = "The roster (UTF-8 CSV with a header row).")
  Path roster;

  @Option(names = "--achievement", required = true, paramLabel = "FILE", description = "The OB 3.0 Achievement JSON.")
  Path achievement;

  @Option(names = "--issuer", required = true, paramLabel = "FILE", description = "The OB 3.0 issuer Profile JSON.")
  Path issuer;

  @Option(names = "--key", required = true, paramLabel = "KEYFILE", description = "The issuer's private key (JWK, PEM or Multikey).")
  Path key;

  @Option(names = "--image", paramLabel = "PNG|SVG", description = "The badge artwork (default: the achievement's image).")
  Path image;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The output folder.")
  Path out;

  @Option(names = "--verification-method", paramLabel = "ID",
      description = "The key id proofs name (default: did:key method, or ISSUER_ID#publicKeyMultibase).")
  String verificationMethod;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
  Integer threads;

  @Option(names = "--valid-for", paramLabel = "DURATION",
      description = "Badges expire this long after issue (ISO 8601, e.g. P730D); default: never.")
  Duration validFor;

  @Option(names = "--status-store", paramLabel = "DIR",
      description = "Give each badge a Bitstring Status List entry, allocated in this journal folder (with --status-base).")
  Path statusStore;

  @Option(names = "--status-base", paramLabel = "URL",
      description = "Status list N is published at URL followed by N (with --status-store).")
  String statusBase;

  @Option(names = "--status-lock-wait", paramLabel = "DURATION", defaultValue = "PT10S",
      description = "How long to wait for another writer of the --status-store before failing with STATUS_STORE_LOCKED"
          + " (ISO 8601, default ${DEFAULT-VALUE}). Several runs may share one store at once.")
  Duration statusLockWait;

  @Option(names = "--follow-symlinks",
      description = "Write through --out when it is a symbolic link (refused otherwise).")
  boolean followSymlinks;

  @Option(names = "--base-url", paramLabel = "URL",
      description = "The site that serves the badges (insignia serve): each badge's page is URL/badges/UUID, written to"
          + " links.json as publicPage and used for LinkedIn and share links; http only for loopback addresses.")
  String baseUrl;

  @Option(names = "--format", paramLabel = "ob3|ob2-hosted", defaultValue = "ob3",
      description = "ob3 (default): OB 3.0 credentials (Data Integrity and VC-JWT). ob2-hosted: OB 2.0 hosted assertions"
          + " (needs --base-url; the assertion, BadgeClass and issuer are written under publish/ for insignia serve,"
          + " at URL/ob2/...).")
  String format;

  @Option(names = "--pdf", description = "Also write certificate.pdf (a printable certificate with the credential attached; needs --base-url).")
  boolean pdf;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if ((statusStore == null) != (statusBase == null)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--status-store and --status-base go together");
    }
    if (pdf && baseUrl == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--pdf needs --base-url (the certificate's QR code leads to the badge page)");
    }
    boolean ob2Hosted = switch (format) {
      case "ob3" -> false;
      case "ob2-hosted" -> true;
      default -> throw new CommandLine.ParameterException(spec.commandLine(), "--format must be ob3 or ob2-hosted, not " + format);
    };
    if (ob2Hosted && baseUrl == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--format ob2-hosted needs --base-url (a hosted assertion is verified by fetching it from its URL)");
    }
    if (ob2Hosted && statusStore != null) {
      // a hosted assertion is revoked by answering its URL differently, which a snapshot folder cannot do
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--format ob2-hosted cannot be combined with --status-store: hosted OB 2.0 badges are not revocable through it");
    }
    String site = baseUrl == null ? null : ServeCommand.checkBaseUrl(spec.commandLine(), baseUrl).toString().replaceAll("/+$", "");
    ObjectNode achievementJson = readObject(achievement, "achievement");
    ObjectNode profile = readObject(issuer, "issuer profile");
    SigningKey signingKey = Keys.parsePrivateKey(readText(key, 64 * 1024));
    String issuerId = profile.path("id").asText("");
    String vm = verificationMethod != null ? verificationMethod : Issuers.verificationMethodFor(issuerId, signingKey.publicKey());
    PrintWriter err = spec.commandLine().getErr();

    BadgeIssuer.Builder builder = issuerBuilder(profile, signingKey, vm);
    if (Issuers.dataIntegrity(signingKey, vm).isEmpty()) {
      err.println("note: no Data Integrity prover available; badge.json is the credential the JWT carries");
    }
    if (ob2Hosted) {
      // under /ob2/ so that the OB 2.0 issuer, BadgeClass and assertion never collide with the OB 3.0
      // profile or the badge pages (/badges/<uuid>) of the same site
      builder.formats(BadgeFormat.OB2_HOSTED).ob2Hosting(Ob2Hosting.at(site + "/ob2/"));
    }
    BadgeImage art = artwork(achievementJson, err);
    builder.defaultImage(art);
    if (site != null) {
      builder.publicPageBase(site + "/badges/");
    }
    if (validFor != null) {
      builder.defaultExpiry(ExpiryPolicy.after(validFor));
    }
    if (statusLockWait.isNegative()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--status-lock-wait must not be negative");
    }
    FolderSink sink = new FolderSink(out, followSymlinks);
    FileStatusListStore store =
        statusStore == null ? null : FileStatusListStore.open(statusStore, Clock.systemUTC(), statusLockWait);
    BatchResult result;
    try {
      if (store != null) {
        builder.status(StatusService.builder(issuerId, statusBase, store).build());
      }
      BadgeIssuer badgeIssuer = builder.build();
      // the documents binding the key to the issuer, written first: an issuer that cannot publish them refuses
      if (!badgeIssuer.publishedDocuments().isEmpty()) {
        Path published = badgeIssuer.writePublishedDocuments(out.resolve("publish"));
        err.println("publish: serve the files under " + published.getParent() + " at the URLs " + published
            + " maps them to (docs/issuing.md)");
      }
      BatchIssuer.Builder batch = BatchIssuer.builder(badgeIssuer, achievementJson).image(art);
      if (threads != null) {
        batch.threads(threads);
      }
      boolean terminal = System.console() != null;
      batch.progressInterval(terminal ? Duration.ofMillis(200) : Duration.ofSeconds(2));
      result = batch.build().run(roster, sink, progressPrinter(err, terminal));
      if (terminal) {
        err.println();
      }
      if (store != null) {
        // The status lists the badges point to, signed by the issuer, beside its key documents.
        Path published = badgeIssuer.writePublishedDocuments(out.resolve("publish"));
        err.println("publish: " + badgeIssuer.publishedStatusLists().size() + " status list(s) written; "
            + published + " maps every document to its URL");
      }
      if (ob2Hosted) {
        // every learner's, including those a rerun skipped: each folder keeps its own documents
        Map<URI, ObjectNode> ob2 = ob2Documents(out, err);
        Path published = badgeIssuer.writePublishedDocuments(out.resolve("publish"), ob2);
        err.println("publish: " + ob2.size() + " OB 2.0 document(s) written; " + published + " maps every document to its URL");
      }
      if (pdf) {
        int written = Certificates.writeAll(out, site);
        err.println("pdf: " + written + " certificate.pdf written");
      }
    } finally {
      if (store != null) {
        store.close();
      }
    }
    err.flush();
    printSummary(result);
    return result.complete() ? InsigniaCommand.EXIT_OK : InsigniaCommand.EXIT_INVALID;
  }

  /** The OB 2.0 documents the learner folders under {@code out} keep ({@link FolderSink#OB2_DOCUMENTS}), merged. */
  static Map<URI, ObjectNode> ob2Documents(Path out, PrintWriter err) throws IOException {
    Map<URI, ObjectNode> docs = new TreeMap<>();
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(out,
        p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !p.getFileName().toString().startsWith("."))) {
      for (Path folder : folders) {
        Path file = folder.resolve(FolderSink.OB2_DOCUMENTS);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        JsonNode json = SafeJson.read(readBytes(file, JsonLimits.defaults().maxDocumentBytes()));
        for (Map.Entry<String, JsonNode> e : json.properties()) {
          URI url = httpUrl(e.getKey());
          if (url == null || !e.getValue().isObject()) {
            err.println("note: " + file + ": skipping " + e.getKey() + " (not an http(s) URL and a JSON object)");
            continue;
          }
          docs.put(url, (ObjectNode) e.getValue());
        }
      }
    }
    return docs;
  }

  private static URI httpUrl(String s) {
    try {
      URI u = new URI(s);
      return u.getHost() != null && ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) ? u : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  private BadgeImage artwork(ObjectNode achievementJson, PrintWriter err) {
    if (image != null) {
      return BadgeImage.read(readBytes(image, 64L * 1024 * 1024));
    }
    Optional<BadgeImage> fromAchievement = BadgeImage.fromAchievement(achievementJson);
    if (fromAchievement.isPresent()) {
      return fromAchievement.get();
    }
    err.println("note: the achievement has no embedded image and no --image was given; using a placeholder disc");
    return BadgeImage.placeholder();
  }

  private void printSummary(BatchResult result) {
    PrintWriter o = spec.commandLine().getOut();
    o.printf("issued %d, skipped %d (already done), failed %d of %d learners in %.1f s%n",
        result.issued(), result.skipped(), result.failed(), result.total(), result.elapsed().toMillis() / 1000.0);
    result.aborted().ifPresent(a -> o.println("stopped early: " + a));
    int shown = 0;
    for (BatchFailure f : result.failures()) {
      if (shown++ == 10) {
        o.println("  … see summary.json for the rest");
        break;
      }
      o.printf("  row %d: %s: %s%n", f.row(), f.code(), f.message());
    }
    o.println("summary: " + out.resolve("summary.json"));
    o.flush();
  }

  /** A bar redrawn in place on a terminal; plain lines otherwise (logs, CI). */
  static BatchListener progressPrinter(PrintWriter err, boolean terminal) {
    return p -> {
      synchronized (err) {
        String line = progressLine(p);
        if (terminal) {
          err.print("\r" + bar(p) + " " + line + "   ");
        } else {
          err.println("progress: " + line);
        }
        err.flush();
      }
    };
  }

  static String progressLine(BatchProgress p) {
    String count = p.total().isPresent() ? p.done() + "/" + p.total().getAsLong() : Long.toString(p.done());
    String eta = p.eta().map(d -> ", ETA " + format(d)).orElse("");
    return String.format(java.util.Locale.ROOT, "%s learners (%d issued, %d skipped, %d failed), %.1f/s%s",
        count, p.issued(), p.skipped(), p.failed(), p.rate(), eta);
  }

  static String bar(BatchProgress p) {
    int width = 30;
    double fraction = p.total().isPresent() && p.total().getAsLong() > 0 ? (double) p.done() / p.total().getAsLong() : 0;
    int filled = (int) Math.round(Math.min(1, fraction) * width);
    return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + Math.round(fraction * 100) + "%";
  }

  static String format(Duration d) {
    long s = d.toSeconds();
    return s >= 3600 ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60) : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
  }

  /** The OB 3.0 issuer issue-batch (and serve's wallet) signs with: Data Integrity when the key allows it, and VC-JWT. */
  static BadgeIssuer.Builder issuerBuilder(ObjectNode profile, SigningKey key, String verificationMethod) {
    BadgeIssuer.Builder builder = BadgeIssuer.builder(profile, key, verificationMethod);
    Optional<CredentialProver> prover = Issuers.dataIntegrity(key, verificationMethod);
    if (prover.isPresent()) {
      builder.formats(BadgeFormat.OB3_DATA_INTEGRITY, BadgeFormat.OB3_JWT).prover(prover.get());
    } else {
      builder.formats(BadgeFormat.OB3_JWT);
    }
    return builder;
  }

  static ObjectNode readObject(Path file, String what) {
    JsonNode json = SafeJson.read(readBytes(file, JsonLimits.defaults().maxDocumentBytes()));
    if (!json.isObject()) {
      throw new InvalidInputException(CliErrorCode.JSON_NOT_OBJECT, "the " + what + " file " + file + " is not a JSON object");
    }
    return (ObjectNode) json;
  }

  static String readText(Path file, int max) {
    return new String(readBytes(file, max), StandardCharsets.UTF_8);
  }

  private static byte[] readBytes(Path file, long max) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (bytes.length > max) {
        throw new InvalidInputException(CliErrorCode.INPUT_TOO_LARGE, file + " is larger than " + max + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
