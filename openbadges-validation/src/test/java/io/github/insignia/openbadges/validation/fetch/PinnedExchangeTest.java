package io.github.insignia.openbadges.validation.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The direct fetch against a server that answers raw bytes: one DNS lookup per hop and the
 * connection made to the address that was checked (DNS rebinding), and every malformed, oversized
 * or hostile response a typed {@link FetchException}, never another exception or a hang.
 */
class PinnedExchangeTest {
  private static ServerSocket server;
  private static volatile byte[] answer = new byte[0];
  private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread t = new Thread(() -> {
      while (!server.isClosed()) {
        try (Socket s = server.accept()) {
          s.setSoTimeout(2000);
          REQUESTS.add(request(s.getInputStream()));
          s.getOutputStream().write(answer);
          s.getOutputStream().flush();
          s.shutdownOutput();
        } catch (IOException e) {
          // the client hung up early (as it should on an oversized answer), or the server closed
        }
      }
    }, "raw-http-server");
    t.setDaemon(true);
    t.start();
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  private static String request(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b == -1) {
        break;
      }
      head.write(b);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  /** Resolves only the loopback literal: a mutated redirect never sends a lookup to a real DNS. */
  private static final HttpResourceFetcher FETCHER = HttpResourceFetcher.builder()
      .resolverForTests(host -> {
        if (!host.equals("127.0.0.1")) {
          throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getLoopbackAddress()};
      })
      .allowPrivateNetwork(true)
      .connectTimeout(Duration.ofMillis(500))
      .totalTimeout(Duration.ofMillis(1500))
      .maxBytes(1000)
      .build();

  private static URI url() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/doc?x=1");
  }

  private static FetchedResource answering(String raw) {
    answer = raw.getBytes(StandardCharsets.ISO_8859_1);
    return FETCHER.fetch(url());
  }

  private static FetchException refused(String raw) {
    answer = raw.getBytes(StandardCharsets.ISO_8859_1);
    return assertThrows(FetchException.class, () -> FETCHER.fetch(url()));
  }

  @Test
  void connectsOnlyToTheAddressItChecked() {
    AtomicInteger lookups = new AtomicInteger();
    // a rebinding "DNS": a loopback address (exempted here, as a public one would pass) to the
    // first lookup, a private address to any later one
    HttpResourceFetcher.Resolver rebinding = host -> {
      if (!host.equals("badges.rebind.example")) {
        throw new UnknownHostException(host);
      }
      return lookups.getAndIncrement() == 0
          ? new InetAddress[] {InetAddress.getLoopbackAddress()}
          : new InetAddress[] {InetAddress.getByAddress(new byte[] {10, 0, 0, 7})};
    };
    HttpResourceFetcher fetcher = HttpResourceFetcher.builder()
        .resolverForTests(rebinding)
        .exemptForTests(InetAddress::isLoopbackAddress)
        .connectTimeout(Duration.ofMillis(500))
        .totalTimeout(Duration.ofMillis(1500))
        .build();
    answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII);
    REQUESTS.clear();
    FetchedResource r = fetcher.fetch(URI.create("http://badges.rebind.example:" + server.getLocalPort() + "/doc"));
    assertEquals(200, r.status());
    assertEquals(1, lookups.get(), "one lookup: the connection used the checked address");
    String request = REQUESTS.get(0);
    assertEquals("GET /doc HTTP/1.1", request.lines().findFirst().orElseThrow());
    assertEquals(1, request.lines().filter(l -> l.equals("Host: badges.rebind.example:" + server.getLocalPort())).count(), request);

    // the second fetch's lookup answers the private address: refused before any connection
    REQUESTS.clear();
    FetchException e = assertThrows(FetchException.class,
        () -> fetcher.fetch(URI.create("http://badges.rebind.example:" + server.getLocalPort() + "/doc")));
    assertEquals(FetchProblem.PRIVATE_ADDRESS, e.problem());
    assertEquals(List.of(), REQUESTS);
  }

  /** Through a proxy, the proxy connects: the request goes to it in absolute form, checked name first. */
  @Test
  void goesThroughTheProxyTheSelectorNames() {
    HttpResourceFetcher.Resolver publicDns = host -> {
      if (!host.equals("badges.proxied.example")) {
        throw new UnknownHostException(host);
      }
      return new InetAddress[] {InetAddress.getByAddress(new byte[] {93, (byte) 184, (byte) 216, 34})};
    };
    java.net.Proxy proxy = new java.net.Proxy(java.net.Proxy.Type.HTTP,
        new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
    HttpResourceFetcher fetcher = HttpResourceFetcher.builder()
        .resolverForTests(publicDns)
        .proxy(new java.net.ProxySelector() {
          @Override
          public List<java.net.Proxy> select(URI uri) {
            return List.of(proxy);
          }

          @Override
          public void connectFailed(URI uri, java.net.SocketAddress sa, IOException ioe) {}
        })
        .connectTimeout(Duration.ofMillis(500))
        .totalTimeout(Duration.ofMillis(3000))
        .build();
    answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII);
    REQUESTS.clear();
    FetchedResource r = fetcher.fetch(URI.create("http://badges.proxied.example/doc"));
    assertEquals(200, r.status());
    assertEquals("GET http://badges.proxied.example/doc HTTP/1.1", REQUESTS.get(0).lines().findFirst().orElseThrow());

    // the name is still checked first: a private answer is refused before the proxy is asked
    HttpResourceFetcher privateDns = HttpResourceFetcher.builder()
        .resolverForTests(host -> new InetAddress[] {InetAddress.getByAddress(new byte[] {10, 0, 0, 7})})
        .proxy(java.net.ProxySelector.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort())))
        .build();
    REQUESTS.clear();
    assertEquals(FetchProblem.PRIVATE_ADDRESS,
        assertThrows(FetchException.class, () -> privateDns.fetch(URI.create("http://badges.proxied.example/doc"))).problem());
    assertEquals(List.of(), REQUESTS);
  }

  @Test
  void readsEachFramingHttpAllows() {
    assertArrayEquals("{\"a\":1}".getBytes(StandardCharsets.US_ASCII),
        answering("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}").body());
    FetchedResource chunked = answering("HTTP/1.1 200 OK\r\nContent-Type: application/ld+json\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "3;ext=1\r\n{\"a\r\n4\r\n\":1}\r\n0\r\nTrailer: x\r\n\r\n");
    assertEquals("{\"a\":1}", new String(chunked.body(), StandardCharsets.US_ASCII));
    assertEquals("application/ld+json", chunked.contentType().orElseThrow());
    assertEquals("[]", new String(answering("HTTP/1.0 200 OK\nContent-Type: application/json\n\n[]").body(), StandardCharsets.US_ASCII),
        "bare line feeds and a body to the connection's end");
    assertEquals(200, answering("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}").status());
    assertEquals(404, answering("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n").status());
    assertEquals(204, answering("HTTP/1.1 204 No Content\r\n\r\n").status());
    assertEquals(200, answering("HTTP/1.1 200\r\nContent-Length: 2\r\n\r\n{}").status(), "no reason phrase");
  }

  @Test
  void refusesWhatItCannotFrame() {
    String[] malformed = {
      "",
      "garbage\r\n\r\n",
      "HTTP/2 200 OK\r\n\r\n",
      "HTTP/1.1 20 OK\r\n\r\n",
      "HTTP/1.1 200OK\r\n\r\n",
      "HTTP/1.1 200 OK\r\n" + "X-Long: " + "a".repeat(9000) + "\r\n\r\n",
      "HTTP/1.1 200 OK\r\n" + "X-Many: 1\r\n".repeat(101) + "\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
      "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: 1e3\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{}",
      "HTTP/1.1 200 OK\r\nX-Folded: a\r\n b\r\n\r\n",
      "HTTP/1.1 200 OK\r\nNo colon here\r\n\r\n",
      "HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabXY0\r\n\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n",
      "HTTP/1.1 101 Switching Protocols\r\n\r\n",
      "HTTP/1.1 100 Continue\r\n\r\n".repeat(7) + "HTTP/1.1 200 OK\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: 2",
    };
    for (String raw : malformed) {
      FetchException e = refused(raw);
      assertEquals(FetchProblem.CONNECTION_FAILED, e.problem(), raw);
      assertEquals("MALFORMED_RESPONSE", e.detail().orElse(""), raw);
    }
  }

  @Test
  void capsEveryBodyFraming() {
    String[] large = {
      "HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: 999999999999999999\r\n\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + "100\r\n" + "x".repeat(256) + "\r\n" + "100\r\n" + "x".repeat(256) + "\r\n"
          + "100\r\n" + "x".repeat(256) + "\r\n" + "100\r\n" + "x".repeat(256) + "\r\n0\r\n\r\n",
      "HTTP/1.1 200 OK\r\n\r\n" + "x".repeat(5000),
    };
    for (String raw : large) {
      assertEquals(FetchProblem.TOO_LARGE, refused(raw).problem(), raw.substring(0, 40));
    }
  }

  /** Seeded mutations of valid answers: whatever the bytes, a result or a FetchException, nothing else. */
  @Test
  void hostileBytesYieldAResultOrAFetchException() {
    String[] seeds = {
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{\"a\r\n4\r\n\":1}\r\n0\r\n\r\n",
      "HTTP/1.1 302 Found\r\nLocation: /doc?x=1\r\n\r\n",
    };
    Random random = new Random(20261207L);
    String alphabet = "\r\n :;0123456789abcdefHTTP/1.-\t\u0000\u00ff";
    for (int i = 0; i < 200; i++) {
      StringBuilder raw = new StringBuilder(seeds[random.nextInt(seeds.length)]);
      int edits = 1 + random.nextInt(4);
      for (int k = 0; k < edits && raw.length() > 0; k++) {
        int at = random.nextInt(raw.length());
        switch (random.nextInt(3)) {
          case 0 -> raw.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
          case 1 -> raw.deleteCharAt(at);
          default -> raw.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      answer = raw.toString().getBytes(StandardCharsets.ISO_8859_1);
      try {
        FETCHER.fetch(url());
      } catch (FetchException expected) {
        // typed, as it must be
      } catch (RuntimeException other) {
        fail("case " + i + " " + raw + ": " + other, other);
      }
    }
  }
}
