package io.github.insignia.openbadges.cli;

import io.github.insignia.openbadges.export.ExportErrorCode;
import io.github.insignia.openbadges.ModelErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.baking.BadgeBaker;
import io.github.insignia.openbadges.baking.ImageInspector;
import io.github.insignia.openbadges.baking.PayloadKind;
import io.github.insignia.openbadges.baking.UnbakedBadge;
import io.github.insignia.openbadges.export.backpack.BackpackClient;
import io.github.insignia.openbadges.export.backpack.BackpackClientOptions;
import io.github.insignia.openbadges.export.backpack.BackpackException;
import io.github.insignia.openbadges.export.backpack.BackpackScopes;
import io.github.insignia.openbadges.export.backpack.BadgeConnectClient;
import io.github.insignia.openbadges.export.backpack.ClientMetadata;
import io.github.insignia.openbadges.export.backpack.InMemoryTokenStore;
import io.github.insignia.openbadges.export.backpack.Ob3BackpackClient;
import io.github.insignia.openbadges.export.backpack.PendingAuthorization;
import io.github.insignia.openbadges.export.backpack.TokenSet;
import io.github.insignia.openbadges.export.backpack.UpsertResult;
import io.github.insignia.openbadges.json.SafeJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code insignia export --to BASE_URL FILE}: pushes a badge to a backpack. With {@code --token}
 * the given bearer token is used as is; otherwise the command registers itself at the backpack
 * (RFC 7591) and runs the authorization-code flow with PKCE through a one-shot loopback redirect
 * ({@code http://127.0.0.1:PORT/callback}, RFC 8252): it prints the URL to open in a browser on
 * stderr and waits for the browser to come back. Nothing is stored on disk.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Push a badge to a backpack (OB 3.0 API by default, or Badge Connect 2.1).",
        "Without --token, prints an authorization URL to open in a browser and waits on a loopback "
            + "redirect for the answer."})
final class ExportCommand implements Callable<Integer> {
  /** The APIs a badge can be pushed through. */
  enum Api { ob3, badge_connect }

  @Spec CommandSpec spec;

  @Option(names = "--to", required = true, paramLabel = "BASE_URL",
      description = "The backpack's base URL (https; plain http only on loopback).")
  URI to;

  @Parameters(index = "0", paramLabel = "FILE", description = "The badge: JSON, a compact JWS/JWT, or a baked PNG/SVG.")
  Path file;

  @Option(names = "--api", defaultValue = "ob3", paramLabel = "API",
      description = "ob3 (upsertCredential) or badge_connect (POST assertions). Default ${DEFAULT-VALUE}.")
  Api api;

  @Option(names = "--token", paramLabel = "TOKEN", description = "A bearer access token with the upsert/create scope; skips the OAuth flow.")
  String token;

  @Option(names = "--redirect-port", defaultValue = "0", paramLabel = "PORT",
      description = "Loopback port for the OAuth redirect (0 = any free port).")
  int redirectPort;

  @Option(names = "--auth-timeout", defaultValue = "300", paramLabel = "SECONDS",
      description = "How long to wait for the browser to come back (default ${DEFAULT-VALUE}).")
  int authTimeout;

  @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS",
      description = "Timeout of each request to the backpack (default ${DEFAULT-VALUE}).")
  int timeout;

  @Override
  public Integer call() throws Exception {
    if (timeout < 1 || authTimeout < 1 || redirectPort < 0 || redirectPort > 65535) {
      throw new InvalidInputException(CliErrorCode.USAGE, "--timeout and --auth-timeout must be positive, --redirect-port 0..65535");
    }
    String badge = badgeText(Files.readAllBytes(file));
    InMemoryTokenStore store = new InMemoryTokenStore();
    BackpackClientOptions options = BackpackClientOptions.builder().tokenStore(store)
        .requestTimeout(Duration.ofSeconds(timeout)).userAgent("insignia-cli")
        // The person typed --to: plain http to a loopback backpack stays allowed, as documented.
        .allowHttpOnLoopback(true).build();
    BackpackClient client = api == Api.ob3 ? Ob3BackpackClient.discover(to, options) : BadgeConnectClient.discover(to, options);
    String service = client.service().apiBase().toString();
    if (token != null) {
      store.saveTokens(service, options.account(), new TokenSet(token, null, null, ""));
    } else {
      authorize(client);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (client instanceof Ob3BackpackClient ob3) {
      UpsertResult r = badge.startsWith("{") ? ob3.upsertCredential(SafeJson.read(badge)) : ob3.upsertCredential(badge);
      out.println(r.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " at " + service);
    } else {
      BadgeConnectClient bc = (BadgeConnectClient) client;
      if (badge.startsWith("{")) {
        JsonNode json = SafeJson.read(badge);
        bc.postAssertion(json);
      } else {
        bc.postSignedAssertion(badge);
      }
      out.println("posted at " + service);
    }
    out.flush();
    return InsigniaCommand.EXIT_OK;
  }

  private void authorize(BackpackClient client) throws IOException, InterruptedException {
    List<String> scopes = api == Api.ob3 ? List.of(BackpackScopes.V3_CREDENTIAL_UPSERT)
        : List.of(BackpackScopes.V2_ASSERTION_CREATE);
    HttpServer callback = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), redirectPort), 0);
    CompletableFuture<URI> redirect = new CompletableFuture<>();
    URI redirectUri = URI.create("http://127.0.0.1:" + callback.getAddress().getPort() + "/callback");
    callback.createContext("/callback", exchange -> {
      try (exchange) {
        byte[] page = "<!doctype html><title>Insignia</title><p>Done: you can close this window and return to the terminal."
            .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, page.length);
        try (OutputStream os = exchange.getResponseBody()) {
          os.write(page);
        }
        redirect.complete(URI.create(redirectUri + (exchange.getRequestURI().getRawQuery() == null ? ""
            : "?" + exchange.getRequestURI().getRawQuery())));
      }
    });
    callback.start();
    try {
      client.register(ClientMetadata.builder("Insignia CLI", URI.create("https://github.com/insignia/insignia"))
          .redirectUri(redirectUri).scopes(scopes).softwareId("io.github.insignia.cli").build());
      PendingAuthorization pending = client.beginAuthorization(redirectUri, scopes);
      PrintWriter err = spec.commandLine().getErr();
      err.println("Open this URL in a browser to let Insignia push the badge (waiting " + authTimeout + " s):");
      err.println("  " + pending.authorizationUri());
      err.flush();
      URI back;
      try {
        back = redirect.get(authTimeout, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        throw new BackpackException(CliErrorCode.AUTHORIZATION_TIMEOUT, "no answer from the browser within " + authTimeout + " s");
      } catch (ExecutionException e) {
        throw new BackpackException(ExportErrorCode.AUTHORIZATION_FAILED, "the loopback redirect failed: " + e.getCause(), e);
      }
      client.completeAuthorization(pending, back);
    } finally {
      callback.stop(0);
    }
  }

  /** The badge text in a file: a baked image's payload, or the file's text. */
  static String badgeText(byte[] bytes) {
    Optional<UnbakedBadge> baked = ImageInspector.sniff(bytes).isPresent()
        ? BadgeBaker.create().find(bytes) : Optional.empty();
    if (baked.isPresent()) {
      if (baked.get().kind() == PayloadKind.URL) {
        throw new InvalidInputException(CliErrorCode.BADGE_HOSTED,
            "the image carries only a URL to a hosted badge; export the badge JSON itself");
      }
      return baked.get().payload().strip();
    }
    String text = new String(bytes, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      throw new io.github.insignia.openbadges.NotABadgeException(ModelErrorCode.NOT_A_BADGE, "the file is empty");
    }
    return text;
  }
}
