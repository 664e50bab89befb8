package io.github.insignia.openbadges.export.internal;

import io.github.insignia.openbadges.export.ExportErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.export.backpack.BackpackClientOptions;
import io.github.insignia.openbadges.export.backpack.BackpackException;
import io.github.insignia.openbadges.json.SafeJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends requests with the JDK client: whole-exchange timeout, bounded answers, no redirects (a
 * bearer token must never follow one), and retries only where safe (see {@link
 * BackpackClientOptions}). Error answers become {@link BackpackException}s with what the server said.
 */
public final class HttpTransport {
  /** An answer. */
  public record Response(int status, HttpHeaders headers, byte[] body) {
    /** The first value of a header. */
    public java.util.Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    /** The body as text. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final HttpClient client;
  private final BackpackClientOptions options;

  public HttpTransport(BackpackClientOptions options) {
    this.options = options;
    this.client = HttpClient.newBuilder()
        .connectTimeout(options.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  /** Refuses plain http except on loopback when allowed, and anything but http(s). */
  public void checkUrl(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https") && url.getHost() != null) {
      return;
    }
    if (scheme.equals("http") && options.allowHttpOnLoopback() && Loopback.isLoopbackHost(url.getHost())) {
      return;
    }
    throw new BackpackException(ExportErrorCode.BACKPACK_INSECURE_URL,
        "backpack URLs must be https (plain http only on a loopback address): " + Urls.abbreviate(String.valueOf(url)));
  }

  /** A URI from text, or {@code BACKPACK_INSECURE_URL} when it is not one. */
  public static URI uri(String text) {
    try {
      return new URI(text);
    } catch (java.net.URISyntaxException e) {
      throw new BackpackException(ExportErrorCode.BACKPACK_INSECURE_URL, "not a URL: " + Urls.abbreviate(summaryText(text)), e);
    }
  }

  /** Sends, retrying where safe; returns any answer that is not retried (the caller checks status). */
  public Response send(HttpRequest.Builder builder, boolean idempotent) {
    HttpRequest request;
    try {
      request = builder.timeout(options.requestTimeout()).header("User-Agent", options.userAgent()).build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new BackpackException(ExportErrorCode.BACKPACK_REQUEST_INVALID, "the request could not be built (a header value holds"
          + " a character HTTP does not allow)", e);
    }
    checkUrl(request.uri());
    long maxBytes = options.jsonLimits().maxDocumentBytes();
    for (int attempt = 0; ; attempt++) {
      boolean more = attempt < options.maxRetries();
      Response response;
      try {
        response = exchange(request, maxBytes);
      } catch (BackpackException e) {
        boolean transientFailure = e.errorCode() == ExportErrorCode.BACKPACK_TIMEOUT
            || e.errorCode() == ExportErrorCode.BACKPACK_CONNECTION_FAILED;
        if (idempotent && more && transientFailure) {
          sleep(backoff(attempt));
          continue;
        }
        throw e;
      }
      int s = response.status();
      if (more && (s == 429 || s == 503 || (idempotent && (s == 502 || s == 504)))) {
        Duration retryAfter = retryAfter(response).orElse(null);
        if (retryAfter == null && idempotent) {
          sleep(backoff(attempt));
          continue;
        }
        if (retryAfter != null && retryAfter.compareTo(options.maxRetryAfter()) <= 0) {
          sleep(retryAfter);
          continue;
        }
      }
      return response;
    }
  }

  private Response exchange(HttpRequest request, long maxBytes) {
    CompletableFuture<HttpResponse<byte[]>> future =
        client.sendAsync(request, info -> limited(info, maxBytes));
    try {
      // The whole exchange, body included, must finish in time: a trickling server cannot hang us.
      HttpResponse<byte[]> r = future.get(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return new Response(r.statusCode(), r.headers(), r.body());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new BackpackException(ExportErrorCode.BACKPACK_TIMEOUT, "the backpack did not answer within "
          + options.requestTimeout().toMillis() + " ms: " + request.method() + " " + request.uri(), e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new BackpackException(ExportErrorCode.BACKPACK_INTERRUPTED, "interrupted while calling the backpack", e);
    } catch (ExecutionException | CancellationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof BackpackException be) {
        throw be;
      }
      if (cause instanceof HttpTimeoutException) {
        throw new BackpackException(ExportErrorCode.BACKPACK_TIMEOUT, "the backpack did not answer in time: "
            + request.method() + " " + request.uri(), cause);
      }
      if (cause instanceof IOException) {
        throw new BackpackException(ExportErrorCode.BACKPACK_CONNECTION_FAILED, "could not talk to the backpack ("
            + request.method() + " " + request.uri() + "): " + cause, cause);
      }
      throw new BackpackException(ExportErrorCode.BACKPACK_CONNECTION_FAILED, "the call to the backpack failed: " + cause, cause);
    }
  }

  private static BodySubscriber<byte[]> limited(HttpResponse.ResponseInfo info, long maxBytes) {
    return new LimitedBody(maxBytes);
  }

  /** Collects at most {@code max} bytes, failing beyond. */
  private static final class LimitedBody implements BodySubscriber<byte[]> {
    private final long max;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    LimitedBody(long max) {
      this.max = max;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      this.subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer b : items) {
        if (out.size() + (long) b.remaining() > max) {
          subscription.cancel();
          result.completeExceptionally(new BackpackException(ExportErrorCode.BACKPACK_RESPONSE_TOO_LARGE,
              "the backpack's answer is larger than " + max + " bytes"));
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        out.writeBytes(chunk);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(out.toByteArray());
    }
  }

  /** Parses the answer as JSON under the limits. */
  public JsonNode json(Response r, String what) {
    if (r.body() == null) {
      throw new BackpackException(ExportErrorCode.BACKPACK_RESPONSE_TOO_LARGE, what + ": the answer is too large");
    }
    try {
      return SafeJson.read(r.body(), options.jsonLimits());
    } catch (OpenBadgesException e) {
      throw new BackpackException(ExportErrorCode.BACKPACK_RESPONSE_INVALID, what + ": the backpack's answer is not valid JSON ("
          + e.code() + ")", r.status(), null, null, null, e);
    }
  }

  /** The error for a non-success answer, with what an imsx_StatusInfo, Badge Connect status or OAuth error said. */
  public static BackpackException error(Response r, String what) {
    String serverCode = null;
    String serverMessage = null;
    try {
      JsonNode body = r.body() == null || r.body().length == 0 ? null : SafeJson.read(r.body());
      if (body != null && body.has("imsx_codeMajor")) {
        JsonNode field = body.path("imsx_codeMinor").path("imsx_codeMinorField");
        field = field.isArray() ? field.path(0) : field;
        serverCode = text(field.path("imsx_codeMinorFieldValue"));
        if (serverCode == null) {
          serverCode = text(body.path("imsx_codeMajor"));
        }
        serverMessage = text(body.path("imsx_description"));
      } else if (body != null && body.path("status").isObject()) {
        serverCode = text(body.path("status").path("statusText"));
        serverMessage = text(body.path("status").path("error"));
      } else if (body != null && body.has("error")) {
        serverCode = text(body.path("error"));
        serverMessage = text(body.path("error_description"));
      }
    } catch (OpenBadgesException e) {
      // Not JSON: the status alone has to do.
    }
    int s = r.status();
    ExportErrorCode code = switch (s) {
      case 400 -> ExportErrorCode.BACKPACK_BAD_REQUEST;
      case 401 -> ExportErrorCode.BACKPACK_UNAUTHORIZED;
      case 403 -> ExportErrorCode.BACKPACK_FORBIDDEN;
      case 404 -> ExportErrorCode.BACKPACK_NOT_FOUND;
      case 405 -> ExportErrorCode.BACKPACK_METHOD_NOT_ALLOWED;
      case 429 -> ExportErrorCode.BACKPACK_RATE_LIMITED;
      case 503 -> ExportErrorCode.BACKPACK_UNAVAILABLE;
      default -> s >= 500 ? ExportErrorCode.BACKPACK_SERVER_ERROR : ExportErrorCode.BACKPACK_HTTP_ERROR;
    };
    Duration retryAfter = retryAfter(r).orElse(null);
    // The server's words are summarised, never echoed: a code-like token in the message, the
    // description (control characters dropped, bounded) only through serverMessage().
    serverCode = serverCode == null ? null : summaryCode(serverCode);
    serverMessage = serverMessage == null ? null : summaryText(serverMessage);
    StringBuilder m = new StringBuilder(what).append(": the backpack answered HTTP ").append(s);
    if (serverCode != null) {
      m.append(' ').append(serverCode);
    }
    if (retryAfter != null) {
      m.append(" (retry after ").append(retryAfter.toSeconds()).append(" s)");
    }
    return new BackpackException(code, m.toString(), s, serverCode, serverMessage, retryAfter, null);
  }

  /** A server's code as a bounded token ({@code [A-Za-z0-9_.:-]}, at most 64), else {@code "(unreadable)"}. */
  public static String summaryCode(String code) {
    return code.matches("[A-Za-z0-9_.:-]{1,64}") ? code : "(unreadable)";
  }

  /** A server's text on one line, control and bidi characters dropped, at most 200 characters. */
  public static String summaryText(String text) {
    String clean = text.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]+", " ").replaceAll("\\s+", " ").strip();
    return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
  }

  private static String text(JsonNode n) {
    if (n.isTextual()) {
      return n.asText();
    }
    if (n.isObject() && n.size() > 0) {
      return n.elements().next().asText();
    }
    return null;
  }

  static java.util.Optional<Duration> retryAfter(Response r) {
    java.util.Optional<String> v = r.header("Retry-After");
    if (v.isEmpty()) {
      return java.util.Optional.empty();
    }
    String s = v.get().strip();
    if (s.matches("\\d{1,9}")) {
      return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(s)));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(java.time.Instant.now(), at.toInstant());
      return java.util.Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return java.util.Optional.empty();
    }
  }

  private Duration backoff(int attempt) {
    return options.retryBackoff().multipliedBy(1L << Math.min(attempt, 10));
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackpackException(ExportErrorCode.BACKPACK_INTERRUPTED, "interrupted while waiting to retry", e);
    }
  }
}
