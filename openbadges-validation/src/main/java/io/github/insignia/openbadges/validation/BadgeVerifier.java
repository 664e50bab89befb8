package io.github.insignia.openbadges.validation;

import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.baking.BadgeBaker;
import io.github.insignia.openbadges.documents.PinnedDocuments;
import io.github.insignia.openbadges.signing.rdf.CanonicalizationOptions;
import io.github.insignia.openbadges.signing.rdf.RdfCanonicalizer;
import io.github.insignia.openbadges.validation.internal.Preparation;
import io.github.insignia.openbadges.validation.fetch.HttpResourceFetcher;
import io.github.insignia.openbadges.validation.fetch.ResourceFetcher;
import io.github.insignia.openbadges.validation.fetch.ResourceFetchers;
import io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity;
import io.github.insignia.openbadges.signing.jose.Ob2Jws;
import io.github.insignia.openbadges.signing.jose.VcJwt;
import io.github.insignia.openbadges.signing.resolve.DocumentFetcher;
import io.github.insignia.openbadges.signing.verify.IssuerKeys;
import io.github.insignia.openbadges.signing.verify.VerificationPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Verifies any badge a learner brings, as a platform must before it accepts it on import: a URL, JSON
 * text (OB 0.5 to 3.0; assertion, credential or endorsement), a compact JWS/JWT, a baked PNG or SVG
 * (bytes or stream), or a {@code data:} URI. It detects what it was given and says so in the
 * report.
 *
 * <p>An invalid badge yields a {@link VerificationReport}, never an exception: every {@code verify}
 * method returns a report for any input.
 *
 * <pre>{@code
 * BadgeVerifier verifier = BadgeVerifier.create(VerificationOptions.builder()
 *     .recipient("learner@example.org").locale(Locale.forLanguageTag("es")).build());
 * VerificationReport report = verifier.verify(bakedPngBytes);
 * if (!report.valid()) {
 *   System.out.println(report.rootCause().orElseThrow().message());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe: build one per configuration and share it.
 */
public final class BadgeVerifier {
  private static final int MAX_INPUT_BYTES = 32 * 1024 * 1024;
  /** As long as {@link IssuerKeys} keeps an issuer's keys. */
  private static final java.time.Duration STATUS_LIST_LIFETIME = java.time.Duration.ofMinutes(10);

  private final VerificationOptions options;
  private final ResourceFetcher fetcher;
  private final DataIntegrity dataIntegrity;
  private final VcJwt.Verifier vcJwt;
  private final io.github.insignia.openbadges.signing.jose.VpJwt vpJwt;
  private final DataIntegrity.Verifier dataIntegrityVerifier;
  private final Ob2Jws.Verifier ob2Jws;
  private final BadgeBaker baker = BadgeBaker.create();
  /**
   * Status list credentials whose Data Integrity proof verified for an issuer, by issuer and the
   * SHA-256 of the list's exact bytes, with when: one list serves every badge of an issuer, so its
   * canonicalization need not run per badge. Kept as long as the issuer's keys are (10 minutes);
   * lists whose proof can expire are never remembered. Per verifier (its policy and keys).
   */
  private final Map<String, Instant> verifiedStatusLists = new ConcurrentHashMap<>();

  private BadgeVerifier(VerificationOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.fetcher = effectiveFetcher(options);
    this.dataIntegrity = DataIntegrity.create(options.contexts()
        .map(extra -> RdfCanonicalizer.create(CanonicalizationOptions.builder()
            .documentLoader(PinnedDocuments.loader().orElse(extra)).build()))
        .orElseGet(RdfCanonicalizer::create));
    // Proofs are judged by the signing module alone; it reads issuer documents through this
    // verifier's fetcher (offline mode, preloaded resources, guards), whose FetchException it keeps
    // as the cause of ISSUER_KEYS_UNAVAILABLE.
    DocumentFetcher documents = url -> fetcher.fetch(url).requireSuccess().requireJson().body();
    IssuerKeys keys = IssuerKeys.builder(documents).clock(options.clock()).build();
    VerificationPolicy policy = VerificationPolicy.builder()
        .clock(options.clock())
        .skew(options.skew())
        .limits(options.jsonLimits())
        .acceptUnboundHeaderJwk(options.trustUnboundHeaderJwk())
        .build();
    this.vcJwt = VcJwt.verifier(keys, policy);
    this.dataIntegrityVerifier = dataIntegrity.verifier(keys, policy);
    this.ob2Jws = Ob2Jws.verifier(keys, policy);
    this.vpJwt = io.github.insignia.openbadges.signing.jose.VpJwt.verifier(keys, policy);
  }

  /** A verifier with {@link VerificationOptions#defaults()}. */
  public static BadgeVerifier create() {
    return new BadgeVerifier(VerificationOptions.defaults());
  }

  /** A verifier with the given options. */
  public static BadgeVerifier create(VerificationOptions options) {
    return new BadgeVerifier(options);
  }

  /**
   * Does now, on the calling thread, the one-off work that the first verification of an OB 3.0
   * credential in this JVM would otherwise do: parsing and compiling the pinned OB 3.0 JSON
   * Schema, processing the pinned VC 2.0 and OB 3.0 JSON-LD contexts, loading the key and message
   * classes. A host that wants its first upload checked as quickly as the later ones calls it on a
   * background thread at start-up; a command line tool, on a second core while it parses its
   * arguments.
   *
   * <p>It verifies nothing and changes no result: every check still runs on every input, and what
   * it builds (shared, immutable, memoized) is what the first verification would build the same
   * way. Thread-safe and idempotent; a verification that needs the schema while this call is
   * compiling it waits for that compilation instead of doing it again. Never throws: a step that
   * fails is logged at {@code DEBUG} and left to the verification that needs it.
   */
  public static void prepare() {
    Preparation.run();
  }

  /** The options. */
  public VerificationOptions options() {
    return options;
  }

  /** Verifies text: a URL, JSON, a compact JWS/JWT or a {@code data:} URI. */
  public VerificationReport verify(String input) {
    return verify(input, VerificationRequest.none());
  }

  /** Verifies text, with this call's request (the learner it must be for). */
  public VerificationReport verify(String input, VerificationRequest request) {
    Objects.requireNonNull(input, "input");
    return run(request, v -> v.fromText(input));
  }

  /** Verifies bytes: a baked PNG or SVG, or UTF-8 text as {@link #verify(String)} takes it. */
  public VerificationReport verify(byte[] input) {
    return verify(input, VerificationRequest.none());
  }

  /** Verifies bytes, with this call's request (the learner it must be for). */
  public VerificationReport verify(byte[] input, VerificationRequest request) {
    Objects.requireNonNull(input, "input");
    return run(request, v -> v.fromBytes(input));
  }

  /** Verifies a stream (read up to 32 MiB, not closed). */
  public VerificationReport verify(InputStream input) {
    return verify(input, VerificationRequest.none());
  }

  /** Verifies a stream (read up to 32 MiB, not closed), with this call's request. */
  public VerificationReport verify(InputStream input, VerificationRequest request) {
    Objects.requireNonNull(input, "input");
    return run(request, v -> {
      byte[] bytes;
      try {
        bytes = input.readNBytes(MAX_INPUT_BYTES + 1);
      } catch (IOException e) {
        v.unreadable("IO", e.getMessage());
        return;
      }
      if (bytes.length > MAX_INPUT_BYTES) {
        v.unreadable("INPUT_TOO_LARGE", "more than " + MAX_INPUT_BYTES + " bytes");
        return;
      }
      v.fromBytes(bytes);
    });
  }

  /** Verifies the badge hosted at a URL. */
  public VerificationReport verify(URI url) {
    return verify(url, VerificationRequest.none());
  }

  /** Verifies the badge hosted at a URL, with this call's request. */
  public VerificationReport verify(URI url, VerificationRequest request) {
    Objects.requireNonNull(url, "url");
    return run(request, v -> v.fromUrl(url));
  }

  /** An endorsement (or other nested document): verified on its own, for no recipient. */
  VerificationReport verifyNested(String input, int depth) {
    return verifyNested(input, depth, List.of());
  }

  /** A credential inside a presentation: verified on its own, for the learner the platform asked for. */
  VerificationReport verifyNested(String input, int depth, List<String> recipients) {
    ReportBuilder report = new ReportBuilder(options.locale()).strict(options.strict());
    Verification v = new Verification(this, report, depth, recipients);
    guard(report, () -> v.fromText(input));
    return report.build();
  }

  private VerificationReport run(VerificationRequest request, Consumer<Verification> body) {
    Objects.requireNonNull(request, "request");
    List<String> recipients = request.recipients().isEmpty() ? options.recipients() : request.recipients();
    ReportBuilder report = new ReportBuilder(options.locale()).strict(options.strict());
    Verification v = new Verification(this, report, 0, recipients);
    v.challenge = request.challenge();
    v.domain = request.domain();
    guard(report, () -> {
      body.accept(v);
      v.requiredImage();
    });
    return report.build();
  }

  static void guard(ReportBuilder report, Runnable body) {
    try {
      body.run();
    } catch (OpenBadgesException e) {
      report.fail(CheckCode.INPUT_UNREADABLE, "", e.code(), e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      // Last line of defence: a hostile input found a path no check anticipated. Report, don't crash.
      report.fail(CheckCode.INPUT_UNREADABLE, "", "INTERNAL", String.valueOf(e));
    }
  }

  ResourceFetcher fetcher() {
    return fetcher;
  }

  VcJwt.Verifier vcJwt() {
    return vcJwt;
  }

  io.github.insignia.openbadges.signing.jose.VpJwt vpJwt() {
    return vpJwt;
  }

  DataIntegrity.Verifier dataIntegrityVerifier() {
    return dataIntegrityVerifier;
  }

  Ob2Jws.Verifier ob2Jws() {
    return ob2Jws;
  }

  /** Whether this status list (key from {@link StatusChecks}) verified here within the keys' lifetime. */
  boolean statusListVerified(String key) {
    Instant at = verifiedStatusLists.get(key);
    Instant now = options.clock().instant();
    return at != null && !now.isBefore(at) && now.isBefore(at.plus(STATUS_LIST_LIFETIME));
  }

  /** Remembers that this status list verified now. */
  void statusListVerified(String key, boolean remember) {
    if (!remember) {
      return;
    }
    if (verifiedStatusLists.size() >= 256) {
      verifiedStatusLists.clear();
    }
    verifiedStatusLists.put(key, options.clock().instant());
  }

  BadgeBaker baker() {
    return baker;
  }

  DataIntegrity dataIntegrity() {
    return dataIntegrity;
  }

  private static ResourceFetcher effectiveFetcher(VerificationOptions o) {
    ResourceFetcher network;
    if (o.offline()) {
      network = ResourceFetchers.offline();
    } else if (o.fetcher().isPresent()) {
      network = o.fetcher().get();
    } else {
      network = HttpResourceFetcher.builder()
          .allowPrivateNetwork(o.allowPrivateNetwork())
          .connectTimeout(o.connectTimeout())
          .totalTimeout(o.totalTimeout())
          .maxBytes(o.maxFetchBytes())
          .build();
    }
    ResourceFetcher chained = o.resources().urls().isEmpty() ? network : o.resources().orElse(network);
    return o.cache().map(c -> ResourceFetchers.caching(chained, c)).orElse(chained);
  }
}
