package io.github.insignia.openbadges.export.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JDK-server adapter keeps answering while several clients stall in the middle of a body. */
class AdapterSlowClientTest {
  @Test
  void stalledClientsDoNotBlockTheOthers() throws Exception {
    List<Socket> stalled = new ArrayList<>();
    try (JdkHttpServerAdapter server = JdkHttpServerAdapter.startLoopback(0,
        base -> BackpackProvider.builder(base, r -> ConsentDecision.refuse()).build())) {
      URI base = server.baseUrl();
      assertNotNull(System.getProperty("sun.net.httpserver.maxReqTime"), "the request read timeout is set");
      for (int i = 0; i < 8; i++) {
        Socket s = new Socket(base.getHost(), base.getPort());
        OutputStream out = s.getOutputStream();
        out.write(("POST /oauth/register HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "Content-Length: 1000\r\n\r\n{\"client_name\":").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        stalled.add(s);
      }
      Thread.sleep(200);
      HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
          HttpRequest.newBuilder(URI.create(base + "/ims/ob/v3p0/discovery")).timeout(Duration.ofSeconds(3)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
    } finally {
      for (Socket s : stalled) {
        s.close();
      }
    }
  }
}
