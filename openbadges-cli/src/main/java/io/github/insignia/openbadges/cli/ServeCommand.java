package io.github.insignia.openbadges.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.CredentialProver;
import io.github.insignia.openbadges.issuing.Issuers;
import io.github.insignia.openbadges.issuing.status.FileStatusListStore;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.keys.Keys;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.wallet.FolderWalletStore;
import io.github.insignia.openbadges.wallet.WalletIssuer;
import io.github.insignia.openbadges.wallet.WalletServlet;
import io.github.insignia.openbadges.web.HostedDocument;
import io.github.insignia.openbadges.web.BadgeServlet;
import io.github.insignia.openbadges.web.BadgeSite;
import io.github.insignia.openbadges.web.FolderBadgeStore;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code insignia serve --dir DIR --base-url URL [--port N] [--status-store DIR [--key KEYFILE]]
 * [--wallet-issuer FILE --wallet-key KEYFILE]}: serves a folder written by {@code issue-batch} on
 * embedded Jetty: badge pages, downloads, the verification page, {@code POST /api/verify} and the
 * documents under {@code DIR/publish/} at their URLs; with the wallet options also the OpenID4VCI and
 * VC-API endpoints, redeeming the offers {@code insignia offer --dir DIR} writes to {@code
 * DIR/wallet/}. Runs until
 * interrupted.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a folder written by issue-batch: badge pages, downloads, the verification page and the issuer's documents.",
      "The issuer documents under DIR/publish/ answer at their URLs when --base-url is the issuer's base URL."
    })
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The folder issue-batch wrote.")
  Path dir;

  @Option(names = "--base-url", required = true, paramLabel = "URL",
      description = "The public URL of the site (http only for loopback addresses), e.g. https://badges.example.org")
  String baseUrl;

  @Option(names = "--port", paramLabel = "N", description = "The port to listen on (default: the base URL's port, else 8080).")
  Integer port;

  @Option(names = "--status-store", paramLabel = "DIR",
      description = "The status journal issue-batch used: the badge pages show its revocations (read at start; locked while serving).")
  Path statusStore;

  @Option(names = "--key", paramLabel = "KEYFILE",
      description = "The issuer's private key issue-batch used (with --status-store): the status lists are signed and served"
          + " live, so a revocation (insignia revoke) shows at once to verifiers too.")
  Path key;

  @Option(names = "--verification-method", paramLabel = "ID",
      description = "The key id the status list proofs name (with --key; default: the one of the lists issue-batch published).")
  String verificationMethod;

  @Option(names = "--wallet-issuer", paramLabel = "FILE",
      description = "Also issue to phone wallets (OpenID4VCI, VC-API) as this OB 3.0 issuer Profile JSON (with --wallet-key);"
          + " offers come from 'insignia offer --dir DIR'.")
  Path walletIssuer;

  @Option(names = "--wallet-key", paramLabel = "KEYFILE", description = "The wallet issuer's private key (JWK, PEM or Multikey).")
  Path walletKey;

  @Option(names = "--wallet-verification-method", paramLabel = "ID",
      description = "The key id of the wallet issuer's proofs (default: derived from the issuer id and key, as issue-batch).")
  String walletVerificationMethod;

  /** The folder under --dir where wallet offers, codes, tokens and nonces live (shared with 'insignia offer'). */
  static final String WALLET_STATE = "wallet";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Server server = start();
    PrintWriter err = spec.commandLine().getErr();
    err.println("serving " + dir + " at " + baseUrl + " (port " + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "); Ctrl-C stops");
    err.flush();
    server.join();
    return InsigniaCommand.EXIT_OK;
  }

  /** Starts the server (tests stop it). */
  Server start() throws Exception {
    URI base = checkBaseUrl(spec == null ? null : spec.commandLine(), baseUrl);
    CommandLine cli = spec == null ? null : spec.commandLine();
    if (key != null && statusStore == null) {
      throw usage(cli, "--key goes with --status-store (it signs the status lists of that journal)");
    }
    FolderBadgeStore folder = FolderBadgeStore.open(dir);
    BadgeSite.Builder site = BadgeSite.builder(base, folder);
    if (statusStore != null) {
      // checked before the journal is opened, so that a wrong key leaves nothing open
      LiveStatus live = key == null ? null : LiveStatus.of(cli, folder.hostedDocuments(), readKey(cli, key), verificationMethod);
      FileStatusListStore store = FileStatusListStore.open(statusStore, Clock.systemUTC());
      site.statusStore(store);
      if (live != null) {
        site.statusLists(StatusService.builder(live.issuerId(), live.statusBase(), store).build(), live.prover());
      }
    }
    int listen = port != null ? port : base.getPort() > 0 ? base.getPort() : 8080;
    Server server = new Server();
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setPort(listen);
    // a loopback base URL is served on loopback only; a public one on every interface
    if (isLoopback(base.getHost())) {
      connector.setHost(base.getHost().replace("[", "").replace("]", ""));
    }
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    String path = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
    context.setContextPath(path.isEmpty() ? "/" : path);
    context.addServlet(new ServletHolder(new BadgeServlet(site.build())), "/*");
    if ((walletIssuer == null) != (walletKey == null)) {
      throw usage(spec == null ? null : spec.commandLine(), "--wallet-issuer and --wallet-key go together");
    }
    if (walletIssuer != null) {
      ServletHolder wallet = new ServletHolder(new WalletServlet(walletIssuer(base)));
      for (String pattern : WalletServlet.urlPatterns()) {
        context.addServlet(wallet, pattern);
      }
    }
    server.setHandler(context);
    server.start();
    return server;
  }

  /** The wallet issuer: the profile and key signed as issue-batch does (Data Integrity when the key allows it, and VC-JWT). */
  private WalletIssuer walletIssuer(URI base) {
    ObjectNode profile = IssueBatchCommand.readObject(walletIssuer, "issuer profile");
    SigningKey key = Keys.parsePrivateKey(IssueBatchCommand.readText(walletKey, 64 * 1024));
    String vm = walletVerificationMethod != null ? walletVerificationMethod
        : Issuers.verificationMethodFor(profile.path("id").asText(""), key.publicKey());
    BadgeIssuer badges = IssueBatchCommand.issuerBuilder(profile, key, vm).build();
    return WalletIssuer.builder(URI.create(base.toString().replaceAll("/+$", "")), badges)
        .store(FolderWalletStore.open(dir.resolve(WALLET_STATE)))
        .displayName(profile.path("name").asText("Open Badges issuer"))
        .build();
  }

  /** An absolute http(s) URL; {@code http} only for a loopback host. */
  static URI checkBaseUrl(CommandLine cli, String value) {
    URI u;
    try {
      u = URI.create(value);
    } catch (IllegalArgumentException e) {
      throw usage(cli, "--base-url is not a URL: " + value);
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (u.getHost() == null || !(scheme.equals("https") || scheme.equals("http")) || u.getRawQuery() != null || u.getRawFragment() != null) {
      throw usage(cli, "--base-url must be an absolute http(s) URL without query or fragment: " + value);
    }
    if (scheme.equals("http") && !isLoopback(u.getHost())) {
      throw usage(cli, "--base-url must use https (http only for loopback addresses): " + value);
    }
    return u;
  }

  static boolean isLoopback(String host) {
    String h = host.replace("[", "").replace("]", "");
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+") && !h.contains(":")) {
      return false; // a name: not resolved here
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static SigningKey readKey(CommandLine cli, Path file) throws java.io.IOException {
    byte[] bytes;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(64 * 1024 + 1);
    }
    if (bytes.length > 64 * 1024) {
      throw usage(cli, "--key: " + file + " is larger than a key file (64 KiB)");
    }
    return Keys.parsePrivateKey(new String(bytes, StandardCharsets.UTF_8));
  }

  /**
   * What signing the status lists live needs, read from the lists {@code issue-batch} published:
   * the issuer they belong to, the URL they are numbered under, and the key id their proofs name.
   * The key must be the one that signed them: a list signed by a key the issuer's documents do not
   * bind would be refused by every verifier (and a badge whose list cannot be checked is never VALID).
   */
  record LiveStatus(String issuerId, String statusBase, CredentialProver prover) {
    static LiveStatus of(CommandLine cli, Map<URI, HostedDocument> published, SigningKey key, String verificationMethod) {
      String issuerId = null;
      String statusBase = null;
      String signedBy = null;
      for (Map.Entry<URI, HostedDocument> e : published.entrySet()) {
        JsonNode doc = e.getValue().status() == 200 ? json(e.getValue().body()) : null;
        if (doc == null || !hasType(doc, "BitstringStatusListCredential")) {
          continue;
        }
        String url = e.getKey().toString();
        String base = url.replaceFirst("[0-9]+$", "");
        String issuer = doc.path("issuer").isTextual() ? doc.get("issuer").asText() : doc.path("issuer").path("id").asText("");
        if (base.equals(url) || issuer.isEmpty() || (issuerId != null && !(issuerId.equals(issuer) && statusBase.equals(base)))) {
          throw usage(cli, "--key: the status lists under publish/ do not share one issuer and one base URL (" + url + ")");
        }
        issuerId = issuer;
        statusBase = base;
        signedBy = doc.path("proof").path("verificationMethod").asText(signedBy);
      }
      if (issuerId == null) {
        throw usage(cli, "--key: no status list was published under the served folder's publish/"
            + " (issue-batch --status-store --status-base writes them)");
      }
      String derived = Issuers.verificationMethodFor(issuerId, key.publicKey());
      String vm = verificationMethod != null ? verificationMethod : signedBy != null ? signedBy : derived;
      if (verificationMethod == null && !vm.equals(derived)) {
        throw usage(cli, "--key is not the key the published status lists were signed with (their proofs name " + vm
            + "; this key's id would be " + derived + "); give --verification-method when the key id differs");
      }
      CredentialProver prover = Issuers.dataIntegrity(key, vm)
          .orElseThrow(() -> usage(cli, "--key: status lists are signed with Data Integrity, which this key type cannot make"));
      return new LiveStatus(issuerId, statusBase, prover);
    }

    private static JsonNode json(byte[] body) {
      try {
        return SafeJson.read(body);
      } catch (io.github.insignia.openbadges.OpenBadgesException e) {
        return null;
      }
    }

    private static boolean hasType(JsonNode doc, String type) {
      JsonNode t = doc.path("type");
      if (t.isTextual()) {
        return t.asText().equals(type);
      }
      for (JsonNode e : t) {
        if (e.asText().equals(type)) {
          return true;
        }
      }
      return false;
    }
  }

  private static RuntimeException usage(CommandLine cli, String message) {
    return cli == null ? new IllegalArgumentException(message) : new CommandLine.ParameterException(cli, message);
  }
}
