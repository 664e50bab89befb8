package io.github.insignia.openbadges.wallet;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP answer of the wallet endpoints: status, headers (the content type among them) and body.
 * Immutable.
 *
 * @param status the HTTP status
 * @param headers the headers to send, in order
 * @param body the body bytes
 */
public record WalletResponse(int status, Map<String, String> headers, byte[] body) {
  /** Copies the headers and body. */
  public WalletResponse {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
    body = body.clone();
  }

  /**
   * A JSON answer that no cache may keep ({@code Cache-Control: no-store}): every answer here carries a
   * secret or is single use.
   *
   * @param status the status
   * @param json the JSON text
   * @return the response
   */
  public static WalletResponse json(int status, String json) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    h.put("Cache-Control", "no-store");
    return new WalletResponse(status, h, json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The same answer with one more header.
   *
   * @param name the header name
   * @param value its value
   * @return a new response
   */
  public WalletResponse withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new WalletResponse(status, h, body);
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body (a copy). */
  @Override
  public byte[] body() {
    return body.clone();
  }
}
