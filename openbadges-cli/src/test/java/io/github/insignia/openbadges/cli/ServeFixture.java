package io.github.insignia.openbadges.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Server;

/** What the {@code issue-batch} then {@code serve} tests share: a loopback port, the learner folders, the stop. */
final class ServeFixture {
  private ServeFixture() {}

  /** A free loopback port (the base URL is fixed before issuing, so the server starts on it later). */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The learner folders of a batch output (each with its links.json), sorted. */
  static List<Path> folders(Path out) throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("links.json"))).sorted().toList();
    }
  }

  /** Stops a server the test started, if it did. */
  static void stop(Server server) throws Exception {
    if (server != null) {
      server.stop();
    }
  }
}
