package io.github.insignia.openbadges.wallet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.wallet.internal.TerminalQr;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * A VC-API exchange made for one learner: the exchange URL the wallet posts to, the challenge its
 * DID authentication must sign, and the deep links a wallet (the DCC Learner Credential Wallet)
 * opens. The exchange URL is a bearer secret until the exchange is completed once. Immutable.
 *
 * @param exchangeId the random id
 * @param exchangeUrl {@code <issuer>/exchanges/<id>}
 * @param origin the issuer's origin ({@code credentialRequestOrigin}; its host is the presentation's {@code domain})
 * @param challenge the challenge the wallet's presentation must carry
 * @param expiresAt when the exchange stops working
 */
public record ExchangeInvitation(String exchangeId, URI exchangeUrl, String origin, String challenge, Instant expiresAt) {
  /** Checks for null. */
  public ExchangeInvitation {
    Objects.requireNonNull(exchangeId, "exchangeId");
    Objects.requireNonNull(exchangeUrl, "exchangeUrl");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(challenge, "challenge");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /**
   * The LCW deep link of the VC-API protocol: {@code https://lcw.app/request.html?request=} the
   * URL-encoded {@code {"credentialRequestOrigin": origin, "protocols": {"vcapi": exchangeUrl}}}.
   */
  public String lcwDeepLink() {
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.put("credentialRequestOrigin", origin);
    request.putObject("protocols").put("vcapi", exchangeUrl.toString());
    return "https://lcw.app/request.html?request=" + URLEncoder.encode(SafeJson.write(request), StandardCharsets.UTF_8);
  }

  /**
   * The older LCW link: {@code dccrequest://request?issuer=…&auth_type=bearer&challenge=…&vc_request_url=…};
   * the wallet posts its DID authentication straight to the exchange URL.
   */
  public String dccRequestLink() {
    return "dccrequest://request?issuer=" + enc(origin) + "&auth_type=bearer&challenge=" + enc(challenge)
        + "&vc_request_url=" + enc(exchangeUrl.toString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The LCW deep link as a terminal QR code. */
  public String terminalQr() {
    return TerminalQr.text(lcwDeepLink());
  }

  /** Shows no secret. */
  @Override
  public String toString() {
    return "ExchangeInvitation[expires " + expiresAt + "]";
  }
}
