package io.github.insignia.openbadges.wallet;

import io.github.insignia.openbadges.wallet.internal.TerminalQr;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An OpenID4VCI credential offer that was made: the offer by value and by reference, the
 * pre-authorized code in it, the transaction code to tell the person (never part of the offer) and
 * the expiry. The pre-authorized code is a bearer secret: whoever has the offer (and the PIN, when
 * there is one) can claim the credential once. Immutable.
 *
 * @param offerId the offer's random id (its by-reference URL ends with it)
 * @param offerJson the credential offer object (JSON text)
 * @param offerUrl where the offer is served by reference ({@code credential_offer_uri})
 * @param preAuthorizedCode the pre-authorized code
 * @param txCode the transaction code (PIN) to tell the person, if the offer has one
 * @param expiresAt when the offer and its code stop working
 */
public record CredentialOffer(String offerId, String offerJson, URI offerUrl, String preAuthorizedCode,
    Optional<String> txCode, Instant expiresAt) {
  /** The URI scheme wallets register for offers. */
  public static final String SCHEME = "openid-credential-offer://";

  /** Checks for null. */
  public CredentialOffer {
    Objects.requireNonNull(offerId, "offerId");
    Objects.requireNonNull(offerJson, "offerJson");
    Objects.requireNonNull(offerUrl, "offerUrl");
    Objects.requireNonNull(preAuthorizedCode, "preAuthorizedCode");
    Objects.requireNonNull(txCode, "txCode");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** {@code openid-credential-offer://?credential_offer=<the offer, URL-encoded>} (offer by value). */
  public String uriByValue() {
    return SCHEME + "?credential_offer=" + URLEncoder.encode(offerJson, StandardCharsets.UTF_8);
  }

  /** {@code openid-credential-offer://?credential_offer_uri=<offer URL>} (offer by reference: a smaller QR code). */
  public String uriByReference() {
    return SCHEME + "?credential_offer_uri=" + URLEncoder.encode(offerUrl.toString(), StandardCharsets.UTF_8);
  }

  /** The by-reference URI as a QR code in Unicode half blocks, for a terminal with a dark background. */
  public String terminalQr() {
    return TerminalQr.text(uriByReference());
  }

  /** The by-reference URI as a QR code in SVG, for a web page. */
  public String qrSvg() {
    return TerminalQr.svg(uriByReference());
  }

  /** Shows no secret. */
  @Override
  public String toString() {
    return "CredentialOffer[" + offerId + ", expires " + expiresAt + (txCode.isPresent() ? ", with transaction code" : "") + "]";
  }
}
