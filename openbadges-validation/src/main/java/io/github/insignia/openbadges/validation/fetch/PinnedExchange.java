package io.github.insignia.openbadges.validation.fetch;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 {@code GET} over a connection made to an address the fetcher has already checked,
 * so that no second DNS lookup can steer the connection elsewhere (DNS rebinding): Java 17's
 * {@code HttpClient} resolves the host again when it connects and has no hook to prevent it. TLS
 * still names and verifies the URL's host (SNI, and the JDK's HTTPS endpoint identification on
 * the certificate), exactly as {@code HttpClient} does.
 *
 * <p>Deliberately small, because everything it reads comes from a server a forger may run: one
 * request per connection ({@code Connection: close}), no compression asked for, HTTP/1.1 framing
 * only ({@code Content-Length}, {@code chunked}, or the connection's end), every line, header count
 * and body bounded, and every read bounded by the fetch's deadline. A response it cannot frame is
 * an {@link Malformed} I/O error, never a guess.
 */
final class PinnedExchange {
  /** Longest status, header or chunk-size line. */
  static final int MAX_LINE = 8 * 1024;
  /** Most header fields in one response (interim responses included). */
  static final int MAX_HEADERS = 100;
  /** Most interim (1xx) responses before the final one. */
  static final int MAX_INTERIM = 5;

  /** A response the client cannot frame (bad status line, header, length or chunk). */
  static final class Malformed extends IOException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  /** The final response: its status, the two headers the fetcher uses, and the body. */
  record Response(int status, Optional<String> contentType, Optional<String> location, byte[] body) {}

  private PinnedExchange() {}

  /**
   * Connects to the first of {@code addresses} that accepts (each with the connect timeout, all
   * within the deadline), sends the request and reads the response.
   *
   * @param url the absolute http(s) URL (already checked: scheme, host, no user info)
   * @param addresses the host's addresses, as checked by the caller; only these are connected to
   * @param deadline {@link System#nanoTime()} by which everything must be done
   * @param tls the TLS socket factory for https
   * @throws FetchException {@code TOO_LARGE} past {@code maxBytes}
   * @throws SocketTimeoutException past the deadline or the connect timeout
   * @throws IOException a connection, TLS or framing failure
   */
  static Response get(URI url, InetAddress[] addresses, String accept, String userAgent, long deadline,
      Duration connectTimeout, long maxBytes, SSLSocketFactory tls) throws IOException {
    URI ascii = URI.create(url.toASCIIString());
    boolean https = "https".equalsIgnoreCase(ascii.getScheme());
    int port = ascii.getPort() != -1 ? ascii.getPort() : https ? 443 : 80;
    String host = ascii.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    String target = (ascii.getRawPath() == null || ascii.getRawPath().isEmpty() ? "/" : ascii.getRawPath())
        + (ascii.getRawQuery() == null ? "" : "?" + ascii.getRawQuery());
    String authority = ascii.getRawAuthority();
    requireVisibleAscii(target, "request target");
    requireVisibleAscii(authority, "host");
    requireHeaderValue(accept, "Accept");
    requireHeaderValue(userAgent, "User-Agent");

    Socket socket = connect(addresses, port, deadline, connectTimeout);
    try {
      if (https) {
        SSLSocket ssl = (SSLSocket) tls.createSocket(socket, host, port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!isIpLiteral(host)) {
          try {
            parameters.setServerNames(List.of(new SNIHostName(host)));
          } catch (IllegalArgumentException e) {
            // a name SNI cannot carry (the certificate is still checked against it)
          }
        }
        ssl.setSSLParameters(parameters);
        socket = ssl;
        ssl.setSoTimeout(remainingMillis(deadline));
        ssl.startHandshake();
      }
      String request = "GET " + target + " HTTP/1.1\r\n"
          + "Host: " + authority + "\r\n"
          + "Accept: " + accept + "\r\n"
          + "Accept-Encoding: identity\r\n"
          + "User-Agent: " + userAgent + "\r\n"
          + "Connection: close\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return read(new BufferedInputStream(new DeadlineInput(socket, deadline), 8192), maxBytes, url);
    } finally {
      try {
        socket.close();
      } catch (IOException ignored) {
        // nothing left to read or write
      }
    }
  }

  private static Socket connect(InetAddress[] addresses, int port, long deadline, Duration connectTimeout) throws IOException {
    IOException last = new java.net.ConnectException("the host has no address");
    for (InetAddress address : addresses) {
      int timeout = (int) Math.min(connectTimeout.toMillis(), remainingMillis(deadline));
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(address, port), Math.max(1, timeout));
        return socket;
      } catch (IOException e) {
        socket.close();
        last = e;
      }
    }
    throw last;
  }

  /** Status line and headers (skipping interim responses), then the body by HTTP/1.1's framing rules. */
  static Response read(InputStream in, long maxBytes, URI url) throws IOException {
    int headerLines = 0;
    for (int interim = 0; ; interim++) {
      String statusLine = line(in);
      int status = status(statusLine);
      String contentType = null;
      String location = null;
      List<String> transferCodings = new ArrayList<>();
      long contentLength = -1;
      for (String line = line(in); !line.isEmpty(); line = line(in)) {
        if (++headerLines > MAX_HEADERS) {
          throw new Malformed("more than " + MAX_HEADERS + " header fields");
        }
        int colon = line.indexOf(':');
        if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t' || !isToken(line.substring(0, colon))) {
          throw new Malformed("not a header field: " + abbreviate(line));
        }
        String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = line.substring(colon + 1).strip();
        switch (name) {
          case "content-type" -> contentType = contentType == null ? value : contentType;
          case "location" -> location = location == null ? value : location;
          case "transfer-encoding" -> {
            for (String coding : value.split(",")) {
              if (!coding.isBlank()) {
                transferCodings.add(coding.strip().toLowerCase(Locale.ROOT));
              }
            }
          }
          case "content-length" -> {
            long declared = contentLength(value);
            if (contentLength != -1 && contentLength != declared) {
              throw new Malformed("conflicting Content-Length values");
            }
            contentLength = declared;
          }
          default -> {
            // not used
          }
        }
      }
      if (status >= 100 && status < 200) {
        if (status == 101 || interim >= MAX_INTERIM) {
          throw new Malformed("unexpected interim response " + status);
        }
        continue;
      }
      if (location != null && HttpResourceFetcher.isRedirect(status)) {
        return new Response(status, Optional.ofNullable(contentType), Optional.of(location), new byte[0]);
      }
      byte[] body;
      if (status == 204 || status == 304) {
        body = new byte[0];
      } else if (!transferCodings.isEmpty()) {
        if (!transferCodings.equals(List.of("chunked"))) {
          throw new Malformed("unsupported transfer coding " + transferCodings);
        }
        body = chunked(in, maxBytes, url);
      } else if (contentLength >= 0) {
        if (contentLength > maxBytes) {
          throw tooLarge(url, maxBytes);
        }
        body = in.readNBytes((int) contentLength);
        if (body.length != contentLength) {
          throw new Malformed("the body ended after " + body.length + " of " + contentLength + " bytes");
        }
      } else {
        body = toEnd(in, maxBytes, url);
      }
      return new Response(status, Optional.ofNullable(contentType), Optional.ofNullable(location), body);
    }
  }

  private static byte[] chunked(InputStream in, long maxBytes, URI url) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = line(in);
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).strip();
      if (hex.isEmpty() || hex.length() > 16 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        throw new Malformed("not a chunk size: " + abbreviate(sizeLine));
      }
      long size = Long.parseUnsignedLong(hex, 16);
      if (size < 0 || size > maxBytes - body.size()) {
        throw tooLarge(url, maxBytes);
      }
      if (size == 0) {
        int trailers = 0;
        for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
          if (++trailers > MAX_HEADERS) {
            throw new Malformed("more than " + MAX_HEADERS + " trailer fields");
          }
        }
        return body.toByteArray();
      }
      byte[] chunk = in.readNBytes((int) size);
      if (chunk.length != size) {
        throw new Malformed("a chunk ended early");
      }
      body.write(chunk);
      if (!line(in).isEmpty()) {
        throw new Malformed("no line end after a chunk");
      }
    }
  }

  /** Reads to the end of the stream, failing as soon as more than {@code maxBytes} arrived. */
  private static byte[] toEnd(InputStream in, long maxBytes, URI url) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) != -1; ) {
      if (body.size() + (long) n > maxBytes) {
        throw tooLarge(url, maxBytes);
      }
      body.write(buffer, 0, n);
    }
    return body.toByteArray();
  }

  /** One line without its line end (CRLF, or a bare LF as RFC 9112 tolerates), at most {@link #MAX_LINE} bytes. */
  static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      int b = in.read();
      if (b == -1) {
        throw new Malformed(line.length() == 0 ? "the connection closed before a complete response" : "a line was cut off");
      }
      if (b == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      if (line.length() >= MAX_LINE) {
        throw new Malformed("a line longer than " + MAX_LINE + " bytes");
      }
      line.append((char) b);
    }
  }

  private static int status(String line) throws Malformed {
    if (line.length() < 12 || !line.startsWith("HTTP/1.") || line.charAt(8) != ' '
        || !Character.isDigit(line.charAt(9)) || !Character.isDigit(line.charAt(10)) || !Character.isDigit(line.charAt(11))
        || (line.length() > 12 && line.charAt(12) != ' ')) {
      throw new Malformed("not an HTTP/1.x status line: " + abbreviate(line));
    }
    return Integer.parseInt(line.substring(9, 12));
  }

  private static long contentLength(String value) throws Malformed {
    if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new Malformed("not a Content-Length: " + abbreviate(value));
    }
    return Long.parseLong(value);
  }

  private static boolean isToken(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
        return false;
      }
    }
    return !name.isEmpty();
  }

  private static boolean isIpLiteral(String host) {
    return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
  }

  private static void requireVisibleAscii(String text, String what) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c >= 127) {
        throw new IllegalArgumentException("the " + what + " has a character HTTP does not allow: " + (int) c);
      }
    }
  }

  /** A header value the host configured: printable ASCII and spaces, never a line end. */
  private static void requireHeaderValue(String text, String name) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < ' ' || c >= 127) {
        throw new IllegalArgumentException("the " + name + " header has a character HTTP does not allow: " + (int) c);
      }
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }

  static int remainingMillis(long deadline) throws SocketTimeoutException {
    long remaining = (deadline - System.nanoTime()) / 1_000_000;
    if (remaining <= 0) {
      throw new SocketTimeoutException("the fetch's deadline passed");
    }
    return (int) Math.min(Integer.MAX_VALUE, remaining);
  }

  private static FetchException tooLarge(URI url, long maxBytes) {
    return new FetchException(FetchProblem.TOO_LARGE, url, Long.toString(maxBytes), 0,
        url + " sent more than " + maxBytes + " bytes", null);
  }

  /** The socket's input, each read bounded by the time left before the deadline. */
  private static final class DeadlineInput extends InputStream {
    private final Socket socket;
    private final InputStream in;
    private final long deadline;

    DeadlineInput(Socket socket, long deadline) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
      socket.setSoTimeout(remainingMillis(deadline));
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      socket.setSoTimeout(remainingMillis(deadline));
      return in.read(b, off, len);
    }
  }
}
