package io.github.insignia.openbadges.cli;

import io.github.insignia.openbadges.issuing.status.FileStatusListStore;
import io.github.insignia.openbadges.web.BadgeServlet;
import io.github.insignia.openbadges.web.BadgeSite;
import io.github.insignia.openbadges.web.FolderBadgeStore;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
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
 * {@code insignia serve --dir DIR --base-url URL [--port N] [--status-store DIR]}: serves a folder
 * written by {@code issue-batch} on embedded Jetty: badge pages, downloads, the verification page,
 * {@code POST /api/verify} and the documents under {@code DIR/publish/} at their URLs. Runs until
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
    BadgeSite.Builder site = BadgeSite.builder(base, FolderBadgeStore.open(dir));
    if (statusStore != null) {
      site.statusStore(FileStatusListStore.open(statusStore, Clock.systemUTC()));
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
    server.setHandler(context);
    server.start();
    return server;
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

  private static RuntimeException usage(CommandLine cli, String message) {
    return cli == null ? new IllegalArgumentException(message) : new CommandLine.ParameterException(cli, message);
  }
}
