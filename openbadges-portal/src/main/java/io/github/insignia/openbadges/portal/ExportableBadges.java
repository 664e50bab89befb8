package io.github.insignia.openbadges.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.json.SafeJson;
import java.util.List;
import java.util.Optional;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/**
 * The badge a learner asks to export (to a backpack or a wallet): found only among the badges
 * issued to the account's confirmed addresses, with its state now. Both export controllers start
 * here, so "only the owner, only a valid badge" is one rule.
 */
@Service
class ExportableBadges {
  /** A badge of the account's, with its state and its OB 3.0 credential. */
  record Owned(PortalBadgeStore.Claim claim, Badges.State state, JsonNode credential) {
    /** Whether it may leave the portal: valid now (not revoked, not expired). */
    boolean exportable() {
      return state == Badges.State.VALID;
    }
  }

  private final Accounts accounts;
  private final PortalBadgeStore store;
  private final Badges badges;
  private final RateLimiter limiter;

  ExportableBadges(Accounts accounts, PortalBadgeStore store, Badges badges, RateLimiter limiter) {
    this.accounts = accounts;
    this.store = store;
    this.badges = badges;
    this.limiter = limiter;
  }

  /** The signed-in learner's badge, named on the page being made; a 404 when it is not theirs. */
  Owned forPage(long accountId, String badgeId, Model model) {
    Owned owned = owned(accountId, badgeId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("badgeId", badgeId);
    model.addAttribute("badgeName", owned.claim().name());
    return owned;
  }

  /** Whether one more export is allowed: 10 at once then 10 a minute per account, 60 a minute per IP address. */
  boolean withinLimits(long accountId, HttpServletRequest req) {
    return limiter.tryAcquire("export-ip", 60, 60, PortalWebConfiguration.clientIp(req))
        && limiter.tryAcquire("export", 10, 10, Long.toString(accountId));
  }

  /** The badge when it was issued to one of this account's confirmed addresses; empty otherwise (a 404 to the learner). */
  Optional<Owned> owned(long accountId, String badgeId) {
    if (badgeId == null || badgeId.isEmpty() || badgeId.length() > 64) {
      return Optional.empty();
    }
    List<String> emails = accounts.confirmedEmails(accountId);
    if (emails.isEmpty() || !store.ownedBy(badgeId, emails)) {
      return Optional.empty();
    }
    Optional<PortalBadgeStore.Claim> claim = store.claim(badgeId);
    Optional<String> json = store.credentialJson(badgeId);
    if (claim.isEmpty() || json.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Owned(claim.get(), badges.state(claim.get()), SafeJson.read(json.get())));
  }

  /** The account holder's name (put on the wallet copy as the recipient's name). */
  Optional<String> holderName(long accountId) {
    return accounts.byId(accountId).map(Accounts.Account::name).filter(n -> !n.isBlank());
  }
}
