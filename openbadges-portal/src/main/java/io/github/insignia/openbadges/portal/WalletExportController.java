package io.github.insignia.openbadges.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.wallet.CredentialOffer;
import io.github.insignia.openbadges.wallet.ExchangeInvitation;
import io.github.insignia.openbadges.wallet.OfferRequest;
import io.github.insignia.openbadges.wallet.WalletIssuer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Add to a wallet" on a badge's details page: an OpenID4VCI credential offer (pre-authorized
 * code, optionally with a PIN) for this badge's achievement, shown as a link and a QR code, and a
 * VC-API exchange link for LCW-style wallets; both redeemed at the portal's wallet endpoints under
 * {@code /wallet/}. Only the badge's owner can make an offer, only for a badge valid now; each offer
 * works once and expires after {@link #LIFETIME}. The wallet receives its own copy of the badge,
 * issued by the portal to the wallet's DID (a wallet proves it holds that key); {@link WalletCopies}
 * follows the grants to that copy.
 */
@Controller
class WalletExportController {
  /** How long an offer (and the exchange made with it) can be redeemed. */
  static final Duration LIFETIME = Duration.ofMinutes(15);

  private final ExportableBadges exportable;
  private final WalletIssuer wallet;
  private final AuditLog audit;
  private final WalletCopies copies;

  WalletExportController(ExportableBadges exportable, WalletIssuer wallet, AuditLog audit, WalletCopies copies) {
    this.copies = copies;
    this.exportable = exportable;
    this.wallet = wallet;
    this.audit = audit;
  }

  @PostMapping("/my/badges/{badgeId}/wallet")
  String offer(@PathVariable String badgeId, @RequestParam(required = false) String pin, Authentication auth,
      HttpServletRequest req, HttpServletResponse res, Model model) {
    long id = BadgeController.accountId(auth);
    ExportableBadges.Owned owned = exportable.forPage(id, badgeId, model);
    if (!exportable.withinLimits(id, req)) {
      res.setStatus(429);
      return "limited";
    }
    JsonNode achievement = owned.credential().path("credentialSubject").path("achievement");
    if (!owned.exportable() || !(achievement instanceof ObjectNode a)) {
      res.setStatus(422);
      model.addAttribute("refused", true);
      return "wallet";
    }
    // the wallet's copy expires with the badge it copies, not the portal's validity after redemption
    Instant validUntil = owned.claim().validUntil().orElse(null);
    OfferRequest.Builder request = OfferRequest.builder(a.deepCopy()).txCode(pin != null).lifetime(LIFETIME).validUntil(validUntil);
    exportable.holderName(id).ifPresent(request::recipientName);
    CredentialOffer offer = wallet.offers().offer(request.build());
    // the exchange is its own single-use grant: whichever the learner uses, the other expires unused
    ExchangeInvitation exchange = wallet.offers().exchange(OfferRequest.builder(a.deepCopy()).lifetime(LIFETIME).validUntil(validUntil).build());
    // tie both grants to this account and badge (refused once the badge is revoked; copies recorded)
    copies.granted(offer.preAuthorizedCode(), id, badgeId, offer.expiresAt());
    copies.granted(exchange.exchangeId(), id, badgeId, exchange.expiresAt());
    audit.record(AuditLog.Action.EXPORT, id, badgeId, "wallet offer " + offer.offerId() + " exchange " + exchange.exchangeId());
    model.addAttribute("offerUri", offer.uriByReference());
    model.addAttribute("qr", "data:image/svg+xml;base64,"
        + Base64.getEncoder().encodeToString(offer.qrSvg().getBytes(StandardCharsets.UTF_8)));
    model.addAttribute("pinCode", offer.txCode().orElse(null));
    model.addAttribute("expiresAt", offer.expiresAt());
    model.addAttribute("lcwLink", exchange.lcwDeepLink());
    model.addAttribute("exchangeUrl", exchange.exchangeUrl().toString());
    return "wallet";
  }
}
