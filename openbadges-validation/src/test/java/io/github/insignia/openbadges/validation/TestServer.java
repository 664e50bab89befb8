package io.github.insignia.openbadges.validation;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/** A loopback HTTP server the tests fill with answers per path. */
final class TestServer implements AutoCloseable {
  record Answer(int status, String type, byte[] body, String location) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final CountDownLatch hang = new CountDownLatch(1);

  TestServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r);
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", ex -> {
      Answer a = answers.get(ex.getRequestURI().getPath());
      if (a == null) {
        ex.sendResponseHeaders(404, -1);
        ex.close();
        return;
      }
      if (a.status() == 0) {
        try {
          hang.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      if (a.location() != null) {
        ex.getResponseHeaders().add("Location", a.location());
      }
      if (a.type() != null) {
        ex.getResponseHeaders().add("Content-Type", a.type());
      }
      ex.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(a.body());
      }
    });
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  TestServer json(String path, Object json) {
    answers.put(path, new Answer(200, "application/ld+json", json.toString().getBytes(StandardCharsets.UTF_8), null));
    return this;
  }

  TestServer answer(String path, int status, String type, byte[] body) {
    answers.put(path, new Answer(status, type, body, null));
    return this;
  }

  TestServer redirect(String path, String location) {
    answers.put(path, new Answer(302, null, new byte[0], location));
    return this;
  }

  TestServer hang(String path) {
    answers.put(path, new Answer(0, null, new byte[0], null));
    return this;
  }

  @Override
  public void close() {
    hang.countDown();
    server.stop(0);
  }
}
