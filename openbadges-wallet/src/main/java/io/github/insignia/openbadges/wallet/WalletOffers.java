package io.github.insignia.openbadges.wallet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.wallet.internal.Endpoints;
import io.github.insignia.openbadges.wallet.internal.Grant;
import io.github.insignia.openbadges.wallet.internal.Secrets;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes offers: OpenID4VCI credential offers with a pre-authorized code (and optionally a
 * transaction code), and VC-API exchange invitations. What an offer grants is written to the {@link
 * WalletStore} the {@link WalletIssuer} reads, so the two may run in different processes over a
 * shared store ({@link FolderWalletStore}). Immutable and thread-safe.
 */
public final class WalletOffers {
  /** The grant type of the pre-authorized code flow. */
  public static final String PRE_AUTHORIZED_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";

  private final Endpoints endpoints;
  private final WalletStore store;
  private final Clock clock;

  private WalletOffers(Endpoints endpoints, WalletStore store, Clock clock) {
    this.endpoints = endpoints;
    this.store = store;
    this.clock = clock;
  }

  /**
   * Offers for the credential issuer at {@code issuerUrl}, kept in {@code store}.
   *
   * @param issuerUrl the credential issuer identifier (https; http only on loopback)
   * @param store the state store the issuer reads
   * @return the offer maker
   * @throws io.github.insignia.openbadges.ConfigurationException {@link WalletErrorCode#WALLET_ISSUER_URL_INVALID}
   */
  public static WalletOffers create(URI issuerUrl, WalletStore store) {
    return create(issuerUrl, store, Clock.systemUTC());
  }

  /**
   * As {@link #create(URI, WalletStore)} with the clock expiries are computed from.
   *
   * @param issuerUrl the credential issuer identifier
   * @param store the state store
   * @param clock the clock
   * @return the offer maker
   */
  public static WalletOffers create(URI issuerUrl, WalletStore store, Clock clock) {
    return new WalletOffers(Endpoints.of(Objects.requireNonNull(issuerUrl, "issuerUrl")),
        Objects.requireNonNull(store, "store"), Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Makes a credential offer: a fresh pre-authorized code (256 random bits, stored as its SHA-256),
   * the transaction code when asked for, and the offer stored for retrieval by reference.
   *
   * @param request what to offer
   * @return the offer
   * @throws WalletException when the store refuses it
   * @throws io.github.insignia.openbadges.InvalidInputException {@link WalletErrorCode#WALLET_OFFER_INVALID}
   *     when the request's {@code validUntil} is not in the future
   */
  public CredentialOffer offer(OfferRequest request) {
    requireNotExpired(request);
    Instant expires = clock.instant().plus(request.lifetime());
    String code = Secrets.token();
    String offerId = Secrets.id();
    Optional<String> pin = request.txCode() ? Optional.of(Secrets.pin()) : Optional.empty();
    List<String> configurations = configurations(request);
    Grant grant = new Grant(request.achievement(), configurations, request.recipientName(), request.narrative(),
        offerId, pin.map(p -> txCodeDigest(code, p)), 0, Optional.empty(), expires, request.validUntil());

    ObjectNode offer = JsonNodeFactory.instance.objectNode();
    offer.put("credential_issuer", endpoints.issuer());
    configurations.forEach(offer.putArray("credential_configuration_ids")::add);
    ObjectNode preAuthorized = offer.putObject("grants").putObject(PRE_AUTHORIZED_GRANT);
    preAuthorized.put("pre-authorized_code", code);
    if (pin.isPresent()) {
      preAuthorized.putObject("tx_code").put("input_mode", "numeric").put("length", 6)
          .put("description", "The six-digit code shown beside the QR code");
    }
    String offerJson = SafeJson.write(offer);
    store.put(WalletStore.Kind.PRE_AUTHORIZED_CODE, Secrets.sha256(code), grant.toJson(), expires);
    store.put(WalletStore.Kind.OFFER, offerId, offerJson, expires);
    return new CredentialOffer(offerId, offerJson, URI.create(endpoints.url(Endpoints.OFFERS + offerId)), code, pin, expires);
  }

  /**
   * Makes a VC-API exchange: the wallet authenticates with its DID (a presentation signed over the
   * challenge and the issuer's domain) and receives the credential bound to that DID, once. Only
   * {@link WalletFormat#LDP_VC} is delivered this way (a presentation of a Data Integrity credential).
   *
   * @param request what to issue (its transaction-code setting is ignored: the exchange URL is the secret)
   * @return the invitation
   * @throws io.github.insignia.openbadges.InvalidInputException {@link WalletErrorCode#WALLET_OFFER_INVALID}
   *     when the request's {@code validUntil} is not in the future
   */
  public ExchangeInvitation exchange(OfferRequest request) {
    requireNotExpired(request);
    Instant expires = clock.instant().plus(request.lifetime());
    String id = Secrets.token();
    String challenge = Secrets.id();
    Grant grant = new Grant(request.achievement(), List.of(WalletFormat.LDP_VC.configurationId()), request.recipientName(),
        request.narrative(), id, Optional.empty(), 0, Optional.of(challenge), expires, request.validUntil());
    store.put(WalletStore.Kind.EXCHANGE, id, grant.toJson(), expires);
    return new ExchangeInvitation(id, URI.create(endpoints.url(Endpoints.EXCHANGES + id)), endpoints.origin(), challenge, expires);
  }

  private static List<String> configurations(OfferRequest request) {
    List<String> ids = new ArrayList<>();
    for (WalletFormat f : WalletFormat.values()) {
      if (request.formats().contains(f)) {
        ids.add(f.configurationId());
      }
    }
    return ids;
  }

  /** The digest a transaction code is stored as: salted by its code, so equal PINs never look alike. */
  static String txCodeDigest(String code, String pin) {
    return Secrets.sha256(code + "\u0000" + pin);
  }

  /** A credential that would be expired when issued is never offered: the host's mistake, said at once. */
  private void requireNotExpired(OfferRequest request) {
    if (request.validUntil().filter(until -> !until.isAfter(clock.instant())).isPresent()) {
      throw new io.github.insignia.openbadges.InvalidInputException(WalletErrorCode.WALLET_OFFER_INVALID,
          "the credential would expire at " + request.validUntil().get() + ", which is not in the future");
    }
  }
}
