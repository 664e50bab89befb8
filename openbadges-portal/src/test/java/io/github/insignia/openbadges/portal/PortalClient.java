package io.github.insignia.openbadges.portal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** A learner's browser without JavaScript: cookies, forms with their CSRF token, no redirect followed. */
final class PortalClient {
  final String base;
  final HttpClient http;

  PortalClient(String base) {
    this.base = base;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The CSRF token of the first form on this page. */
  String csrf(String page) throws IOException, InterruptedException {
    Document d = Jsoup.parse(get(page).body());
    return d.select("input[name=_csrf]").attr("value");
  }

  HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
    String body = fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return http.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a form taken from {@code formPage}, with its CSRF token. */
  HttpResponse<String> submit(String formPage, String action, String... kv) throws IOException, InterruptedException {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("_csrf", csrf(formPage));
    for (int i = 0; i < kv.length; i += 2) {
      f.put(kv[i], kv[i + 1]);
    }
    return post(action, f);
  }

  /** A multipart upload of one file (plus the CSRF token of {@code formPage}). */
  HttpResponse<String> upload(String formPage, String action, String field, String filename, byte[] content, String lang)
      throws IOException, InterruptedException {
    return uploadWith(csrf(formPage), action, field, filename, content, lang);
  }

  /** A multipart upload of one file with a CSRF token already read from its form. */
  HttpResponse<String> uploadWith(String token, String action, String field, String filename, byte[] content, String lang)
      throws IOException, InterruptedException {
    String boundary = "----portal" + UUID.randomUUID();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(content, 0, all, head.length, content.length);
    System.arraycopy(tail, 0, all, head.length + content.length, tail.length);
    return http.send(HttpRequest.newBuilder(URI.create(base + action + (lang == null ? "" : "?lang=" + lang)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(all)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static String text(HttpResponse<String> r) {
    return Jsoup.parse(r.body()).text();
  }
}
