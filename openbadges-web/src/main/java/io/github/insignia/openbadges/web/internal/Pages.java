package io.github.insignia.openbadges.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.validation.Check;
import io.github.insignia.openbadges.validation.VerificationReport;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The HTML pages, written with {@link HtmlWriter} (escaped by default, no script, inline style). */
public final class Pages {
  private Pages() {}

  /** What the badge page needs beyond the credential. */
  public record BadgeFacts(
      String pageUrl,
      String base,
      String badgeBase,
      String pngUrl,
      String credentialUrl,
      Map<String, String> downloads,
      Optional<String> linkedIn,
      Map<String, String> share,
      VerificationReport report,
      boolean revoked,
      boolean expired) {}

  /** A page's head and header; the caller writes main and calls {@link #end}. */
  static HtmlWriter start(Texts t, String title, String base, String selfPath, List<String[]> meta) {
    HtmlWriter h = new HtmlWriter().doctype();
    h.open("html", "lang", t.language()).open("head");
    h.empty("meta", "charset", "utf-8");
    h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
    h.el("title", title);
    for (String[] m : meta) {
      h.empty(m[0], java.util.Arrays.copyOfRange(m, 1, m.length));
    }
    h.style(HtmlWriter.Css.SITE);
    h.close("head").open("body");
    h.open("a", "href", "#main", "class", "skip").text(t.t("nav.skip")).close("a");
    h.open("header").open("p").open("a", "href", base + "/").text(t.t("site.name")).close("a").close("p");
    h.open("nav", "aria-label", t.t("lang.switch"));
    h.open("a", "href", base + "/verify?lang=" + t.language()).text(t.t("nav.verify")).close("a");
    h.open("a", "href", base + "/issuer?lang=" + t.language()).text(t.t("nav.issuer")).close("a");
    for (String lang : Texts.LANGUAGES) {
      if (!lang.equals(t.language())) {
        h.open("a", "href", base + selfPath + "?lang=" + lang, "hreflang", lang, "lang", lang).text(t.t("lang." + lang)).close("a");
      }
    }
    h.close("nav").close("header");
    h.open("main", "id", "main");
    return h;
  }

  static String end(HtmlWriter h, Texts t) {
    h.close("main");
    h.open("footer").el("p", t.t("footer.text")).close("footer");
    h.close("body").close("html");
    return h.toString();
  }

  /** A formatted date in the reader's language (UTC). */
  static String date(Texts t, Instant at) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(t.locale()).format(at.atZone(ZoneOffset.UTC));
  }

  /** The public badge page. */
  public static String badge(Texts t, BadgeView v, String id, BadgeFacts f) {
    String name = v.achievementName();
    String title = name + v.issuerName().map(i -> " — " + i).orElse("");
    String description = v.description().orElse(title);
    List<String[]> meta = List.of(
        new String[] {"meta", "name", "description", "content", description},
        new String[] {"meta", "property", "og:type", "content", "website"},
        new String[] {"meta", "property", "og:title", "content", title},
        new String[] {"meta", "property", "og:description", "content", description},
        new String[] {"meta", "property", "og:url", "content", f.pageUrl()},
        new String[] {"meta", "property", "og:image", "content", f.pngUrl()},
        new String[] {"meta", "property", "og:image:type", "content", "image/png"},
        new String[] {"meta", "property", "og:image:alt", "content", t.t("badge.image.alt", name)},
        new String[] {"meta", "property", "og:locale", "content", t.language().equals("es") ? "es_ES" : "en_US"},
        new String[] {"meta", "name", "twitter:card", "content", "summary"},
        new String[] {"meta", "name", "twitter:title", "content", title},
        new String[] {"meta", "name", "twitter:description", "content", description},
        new String[] {"meta", "name", "twitter:image", "content", f.pngUrl()},
        new String[] {"meta", "name", "twitter:image:alt", "content", t.t("badge.image.alt", name)},
        new String[] {"link", "rel", "canonical", "href", f.pageUrl()},
        new String[] {"link", "rel", "alternate", "type", "application/ld+json", "href", f.credentialUrl()});
    HtmlWriter h = start(t, title, f.base(), "/badges/" + id, meta);

    h.open("article", "class", "card badge", "aria-labelledby", "badge-name");
    h.empty("img", "src", f.pngUrl(), "alt", t.t("badge.image.alt", name), "width", "200", "height", "200");
    h.open("div");
    h.el("h1", name, "id", "badge-name");
    v.description().ifPresent(d -> h.el("p", d, "class", "description"));
    if (f.revoked()) {
      h.el("p", t.t("badge.revokedNotice"), "class", "status-revoked", "role", "alert");
    } else if (f.expired()) {
      h.el("p", t.t("badge.expiredNotice", v.expires().map(e -> date(t, e)).orElse("")), "class", "status-expired", "role", "alert");
    }
    h.open("dl");
    v.recipientName().ifPresent(r -> h.el("dt", t.t("badge.awardedTo")).el("dd", r, "class", "recipient"));
    h.el("dt", t.t("badge.issuedBy")).open("dd", "class", "issuer");
    String issuerLabel = v.issuerName().or(v::issuerId).orElse("?");
    h.open("a", "href", f.base() + "/issuer?lang=" + t.language()).text(issuerLabel).close("a").close("dd");
    v.issued().ifPresent(at -> h.el("dt", t.t("badge.issuedOn")).open("dd")
        .open("time", "datetime", at.toString(), "class", "issued").text(date(t, at)).close("time").close("dd"));
    v.expires().ifPresent(at -> h.el("dt", t.t(f.expired() ? "badge.expiredOn" : "badge.expires")).open("dd")
        .open("time", "datetime", at.toString(), "class", "expires").text(date(t, at)).close("time").close("dd"));
    h.el("dt", t.t("badge.status"));
    String status = f.revoked() ? "revoked" : f.expired() ? "expired" : f.report().valid() ? "valid" : "unverified";
    h.el("dd", t.t("badge.status." + status), "class", "status status-" + status, "id", "status");
    h.close("dl");
    h.close("div").close("article");

    h.open("section", "class", "card", "aria-labelledby", "verification");
    h.el("h2", t.t("badge.verification"), "id", "verification");
    String verdict = f.report().verdict().name();
    h.el("p", t.t("verdict." + verdict), "class", "verdict " + verdict, "id", "verdict");
    h.el("p", f.report().summary(t.locale()));
    h.el("p", t.t("badge.verification.checked"));
    h.open("p").open("a", "href", f.base() + "/verify?lang=" + t.language()).text(t.t("badge.verification.again")).close("a").close("p");
    h.close("section");

    if (v.criteriaNarrative().isPresent() || v.criteriaUrl().isPresent()) {
      h.open("section", "class", "card", "aria-labelledby", "criteria");
      h.el("h2", t.t("badge.criteria"), "id", "criteria");
      v.criteriaNarrative().ifPresent(n -> h.el("p", n));
      v.criteriaUrl().ifPresent(u -> h.open("p").open("a", "href", u).text(t.t("badge.criteria.link")).close("a").close("p"));
      h.close("section");
    }
    List<BadgeView.Alignment> alignments = v.alignments();
    if (!alignments.isEmpty()) {
      h.open("section", "class", "card", "aria-labelledby", "alignments");
      h.el("h2", t.t("badge.alignments"), "id", "alignments");
      h.open("ul");
      for (BadgeView.Alignment a : alignments) {
        h.open("li");
        if (a.url().isPresent() && HtmlWriter.safeUrl(a.url().get(), false) != null) {
          h.open("a", "href", a.url().get()).text(a.name()).close("a");
        } else {
          h.text(a.name());
        }
        String extra = a.framework().map(fw -> fw + a.code().map(c -> " " + c).orElse("")).or(a::code).orElse(null);
        if (extra != null) {
          h.text(" (" + extra + ")");
        }
        a.description().ifPresent(d -> h.text(": " + d));
        h.close("li");
      }
      h.close("ul").close("section");
    }
    List<BadgeView.EvidenceItem> evidence = v.evidence();
    if (!evidence.isEmpty()) {
      h.open("section", "class", "card", "aria-labelledby", "evidence");
      h.el("h2", t.t("badge.evidence"), "id", "evidence");
      h.open("ul");
      int i = 0;
      for (BadgeView.EvidenceItem e : evidence) {
        i++;
        String label = e.name().orElse(t.t("badge.evidence.item", i));
        h.open("li");
        if (e.url().isPresent() && HtmlWriter.safeUrl(e.url().get(), false) != null) {
          h.open("a", "href", e.url().get()).text(label).close("a");
        } else {
          h.text(label);
        }
        e.narrative().ifPresent(n -> h.text(": " + n));
        h.close("li");
      }
      h.close("ul").close("section");
    }
    h.open("section", "class", "card", "aria-labelledby", "issuer");
    h.el("h2", t.t("badge.issuer"), "id", "issuer");
    issuerBlock(h, t, v);
    h.close("section");

    h.open("section", "class", "card", "aria-labelledby", "downloads");
    h.el("h2", t.t("badge.downloads"), "id", "downloads");
    h.open("ul", "class", "downloads");
    for (Map.Entry<String, String> d : f.downloads().entrySet()) {
      h.open("li").open("a", "href", d.getValue(), "download", "", "class", "download").text(t.t(d.getKey())).close("a").close("li");
    }
    h.close("ul").close("section");

    if (f.linkedIn().isPresent() || !f.share().isEmpty()) {
      h.open("section", "class", "card", "aria-labelledby", "share");
      h.el("h2", t.t("badge.share"), "id", "share");
      h.open("ul", "class", "share");
      f.linkedIn().ifPresent(l -> h.open("li").open("a", "href", l, "class", "linkedin", "rel", "noopener").text(t.t("badge.linkedin")).close("a").close("li"));
      for (Map.Entry<String, String> s : f.share().entrySet()) {
        h.open("li").open("a", "href", s.getValue(), "rel", "noopener", "class", "share-" + s.getKey())
            .text(t.t("badge.share.on", networkLabel(s.getKey()))).close("a").close("li");
      }
      h.close("ul").close("section");
    }
    return end(h, t);
  }

  private static String networkLabel(String id) {
    return switch (id) {
      case "linkedin" -> "LinkedIn";
      case "x" -> "X";
      case "facebook" -> "Facebook";
      case "whatsapp" -> "WhatsApp";
      case "telegram" -> "Telegram";
      case "bluesky" -> "Bluesky";
      default -> id;
    };
  }

  private static void issuerBlock(HtmlWriter h, Texts t, BadgeView v) {
    String name = v.issuerName().or(v::issuerId).orElse("?");
    v.issuerImage().filter(u -> HtmlWriter.safeUrl(u, true) != null)
        .ifPresent(u -> h.empty("img", "src", u, "alt", t.t("badge.issuer.image.alt", name), "width", "64", "height", "64"));
    h.el("p", name, "class", "issuer-name");
    v.issuerDescription().ifPresent(d -> h.el("p", d));
    v.issuerUrl().filter(u -> HtmlWriter.safeUrl(u, false) != null)
        .ifPresent(u -> h.open("p").open("a", "href", u, "rel", "noopener").text(t.t("badge.issuer.website")).close("a").close("p"));
  }

  /** The issuer page from its profile. */
  public static String issuer(Texts t, String base, Optional<JsonNode> profile) {
    HtmlWriter h;
    if (profile.isEmpty()) {
      h = start(t, t.t("issuer.title"), base, "/issuer", List.of());
      h.el("h1", t.t("issuer.title")).el("p", t.t("issuer.notFound"));
      return end(h, t);
    }
    BadgeView v = BadgeView.ofIssuer(profile.get(), t.language());
    String name = v.issuerName().or(v::issuerId).orElse("?");
    h = start(t, name, base, "/issuer", List.of(
        new String[] {"meta", "property", "og:title", "content", name},
        new String[] {"link", "rel", "alternate", "type", "application/ld+json", "href", v.issuerId().orElse(null)}));
    h.open("article", "class", "card", "aria-labelledby", "issuer-title");
    h.el("h1", name, "id", "issuer-title");
    issuerBlock(h, t, v);
    h.open("dl");
    v.issuerId().ifPresent(id -> h.el("dt", t.t("issuer.id")).el("dd", id));
    JsonNode email = profile.get().path("email");
    if (email.isTextual()) {
      h.el("dt", t.t("issuer.email")).el("dd", email.asText());
    }
    h.close("dl").close("article");
    return end(h, t);
  }

  /** The verification page, with a report when one was made. */
  public static String verify(Texts t, String base, Optional<VerificationReport> report, Optional<String> problem) {
    HtmlWriter h = start(t, t.t("verify.title"), base, "/verify", List.of());
    h.el("h1", t.t("verify.title"));
    if (report.isPresent() || problem.isPresent()) {
      h.open("section", "class", "card", "aria-labelledby", "result", "id", "report");
      h.el("h2", t.t("verify.result"), "id", "result");
      problem.ifPresent(p -> h.el("p", p, "class", "verdict INVALID", "id", "verdict", "role", "alert"));
      report.ifPresent(r -> reportBlock(h, t, r.inLocale(t.locale())));
      h.close("section");
    }
    h.open("section", "class", "card");
    h.el("p", t.t("verify.intro"));
    h.open("form", "method", "post", "action", base + "/verify?lang=" + t.language(), "enctype", "multipart/form-data");
    h.open("p").el("label", t.t("verify.file"), "for", "file").empty("br")
        .empty("input", "type", "file", "id", "file", "name", "file",
            "accept", ".png,.svg,.json,.jsonld,.jwt,.txt,.pdf,image/png,image/svg+xml,application/json,application/ld+json,application/pdf")
        .close("p");
    h.open("p").el("label", t.t("verify.text"), "for", "text").empty("br")
        .open("textarea", "id", "text", "name", "text", "rows", "5").close("textarea").close("p");
    h.open("p").el("button", t.t("verify.submit"), "type", "submit", "id", "submit").close("p");
    h.close("form").close("section");
    return end(h, t);
  }

  private static void reportBlock(HtmlWriter h, Texts t, VerificationReport r) {
    String verdict = r.verdict().name();
    h.el("p", t.t("verdict." + verdict), "class", "verdict " + verdict, "id", "verdict", "role", "status");
    h.el("p", r.summary(), "id", "summary");
    h.el("h3", t.t("verify.checks"));
    h.open("ul", "class", "checks");
    for (Check c : r.checks()) {
      h.open("li", "class", "check " + c.outcome().name());
      h.el("span", t.t("outcome." + c.outcome().name()), "class", "outcome");
      h.text(c.message());
      h.close("li");
    }
    h.close("ul");
  }

  /** The home page. */
  public static String home(Texts t, String base, String issuerName) {
    HtmlWriter h = start(t, t.t("home.title", issuerName), base, "/", List.of());
    h.el("h1", t.t("home.title", issuerName));
    h.el("p", t.t("home.intro", issuerName));
    h.open("ul").open("li").open("a", "href", base + "/verify?lang=" + t.language()).text(t.t("nav.verify")).close("a").close("li")
        .open("li").open("a", "href", base + "/issuer?lang=" + t.language()).text(t.t("nav.issuer")).close("a").close("li").close("ul");
    return end(h, t);
  }

  /** An error page (no detail of the cause). */
  public static String error(Texts t, String base, String titleKey, String textKey) {
    HtmlWriter h = start(t, t.t(titleKey), base, "/", List.of());
    h.el("h1", t.t(titleKey)).el("p", t.t(textKey));
    return end(h, t);
  }
}
