package io.github.insignia.openbadges.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.json.SafeJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** "My badges" and a badge's details and downloads (the import is {@link ImportController}). */
@Controller
class BadgeController {
  private final Accounts accounts;
  private final PortalBadgeStore store;
  private final Badges badges;
  private final Imports imports;
  private final PortalProperties props;

  BadgeController(Accounts accounts, PortalBadgeStore store, Badges badges, Imports imports, PortalProperties props) {
    this.accounts = accounts;
    this.store = store;
    this.badges = badges;
    this.imports = imports;
    this.props = props;
  }

  static long accountId(Authentication auth) {
    return Long.parseLong(auth.getName());
  }

  @GetMapping("/my")
  String my(Authentication auth, Model model) {
    long id = accountId(auth);
    List<String> emails = accounts.confirmedEmails(id);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (PortalBadgeStore.Claim c : store.claimsOf(emails)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("claim", c);
      row.put("state", badges.state(c).name());
      rows.add(row);
    }
    model.addAttribute("name", accounts.byId(id).map(Accounts.Account::name).orElse(""));
    model.addAttribute("emails", emails);
    model.addAttribute("badges", rows);
    java.time.Instant now = java.time.Instant.now();
    model.addAttribute("imported", imports.of(id).stream().map(i -> i.at(now)).toList());
    return "my";
  }

  @GetMapping("/my/badges/{badgeId}")
  String details(@PathVariable String badgeId, Authentication auth, Model model) {
    long id = accountId(auth);
    List<String> emails = accounts.confirmedEmails(id);
    // one query for ownership, claim, credential and links (the page is opened often)
    PortalBadgeStore.Details d = (badgeId.length() > 64 ? Optional.<PortalBadgeStore.Details>empty() : store.detailsOwnedBy(badgeId, emails))
        .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
    PortalBadgeStore.Claim claim = d.claim();
    JsonNode credential = SafeJson.read(d.credentialJson());
    JsonNode achievement = credential.path("credentialSubject").path("achievement");
    List<String> competences = new ArrayList<>();
    achievement.path("alignment").forEach(a -> competences.add(a.path("targetName").asText()));
    Badges.State state = badges.state(claim);
    JsonNode links = SafeJson.read(d.linksJson() == null ? "{}" : d.linksJson());
    Map<String, String> share = new LinkedHashMap<>();
    links.path("share").fields().forEachRemaining(e -> share.put(e.getKey(), e.getValue().asText()));
    String page = props.base() + "/badges/badges/" + badgeId;
    model.addAttribute("claim", claim);
    model.addAttribute("state", state.name());
    model.addAttribute("description", achievement.path("description").asText(""));
    model.addAttribute("criteria", achievement.path("criteria").path("narrative").asText(""));
    model.addAttribute("issuer", credential.path("issuer").path("name").asText(""));
    model.addAttribute("competences", competences);
    model.addAttribute("page", page);
    // sharing and LinkedIn only for a badge that is valid now (export refuses revoked and expired ones)
    model.addAttribute("linkedin", state == Badges.State.VALID ? links.path("linkedin").asText(null) : null);
    model.addAttribute("share", state == Badges.State.VALID ? share : Map.of());
    model.addAttribute("download", "/badges/badges/" + badgeId + "/");
    return "badge";
  }

  static Optional<String> nonBlank(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
  }
}
