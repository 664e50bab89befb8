package io.github.insignia.openbadges.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a page shows of an OB 3.0 credential (or an OB 2.0 assertion with its badge class and
 * issuer embedded), read leniently: a member of the wrong shape is simply absent. Texts that are
 * language maps ({@code {"@value", "@language"}} objects or arrays of them) are read in the
 * reader's language when the credential provides it.
 */
public final class BadgeView {
  /** An alignment (competence) of the achievement. */
  public record Alignment(String name, Optional<String> url, Optional<String> description, Optional<String> framework, Optional<String> code) {}

  /** A piece of evidence. */
  public record EvidenceItem(Optional<String> name, Optional<String> url, Optional<String> narrative) {}

  private final JsonNode credential;
  private final JsonNode achievement;
  private final JsonNode issuer;
  private final JsonNode subject;
  private final String language;

  private BadgeView(JsonNode credential, String language) {
    this.credential = credential;
    this.language = language;
    this.subject = first(credential.path("credentialSubject"));
    if (credential.has("badge")) { // OB 2.0 assertion
      this.achievement = credential.path("badge");
      this.issuer = achievement.path("issuer");
    } else {
      this.achievement = subject.path("achievement");
      this.issuer = credential.path("issuer");
    }
  }

  /** A view of a credential JSON (the {@code vc} claim of a JWT payload is unwrapped). */
  public static BadgeView of(JsonNode credential, String language) {
    JsonNode c = credential.has("vc") && credential.get("vc").isObject() ? credential.get("vc") : credential;
    return new BadgeView(c, language);
  }

  /** A view of an issuer profile on its own (only the issuer accessors say anything). */
  public static BadgeView ofIssuer(JsonNode profile, String language) {
    com.fasterxml.jackson.databind.node.ObjectNode o = io.github.insignia.openbadges.json.SafeJson.nodeFactory().objectNode();
    o.set("issuer", profile);
    return new BadgeView(o, language);
  }

  private static JsonNode first(JsonNode node) {
    return node.isArray() && node.size() > 0 ? node.get(0) : node;
  }

  /** A text member, read through language maps. */
  String text(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return node.asText().isBlank() ? null : node.asText();
    }
    if (node.isObject() && node.path("@value").isTextual()) {
      return node.get("@value").asText();
    }
    if (node.isArray()) {
      String fallback = null;
      for (JsonNode e : node) {
        String v = text(e);
        if (v != null && e.path("@language").asText("").toLowerCase(java.util.Locale.ROOT).startsWith(language)) {
          return v;
        }
        if (fallback == null) {
          fallback = v;
        }
      }
      return fallback;
    }
    if (node.isObject()) { // a plain language map {"en": "...", "es": "..."}
      if (node.path(language).isTextual()) {
        return node.get(language).asText();
      }
    }
    return null;
  }

  private Optional<String> opt(JsonNode node) {
    return Optional.ofNullable(text(node));
  }

  private static Optional<String> idOrText(JsonNode node) {
    if (node.isTextual()) {
      return Optional.of(node.asText());
    }
    if (node.path("id").isTextual()) {
      return Optional.of(node.get("id").asText());
    }
    return Optional.empty();
  }

  /** The achievement's name (the credential's name when it has none). */
  public String achievementName() {
    return opt(achievement.path("name")).or(() -> opt(credential.path("name"))).orElse("Badge");
  }

  /** The achievement's description. */
  public Optional<String> description() {
    return opt(achievement.path("description"));
  }

  /** The criteria narrative. */
  public Optional<String> criteriaNarrative() {
    return opt(achievement.path("criteria").path("narrative"));
  }

  /** The criteria page. */
  public Optional<String> criteriaUrl() {
    JsonNode c = achievement.path("criteria");
    return c.isTextual() ? Optional.of(c.asText()) : opt(c.path("id"));
  }

  /** The achievement's image URL (may be a {@code data:} URI). */
  public Optional<String> achievementImage() {
    return idOrText(achievement.path("image"));
  }

  /** The alignments (competences). */
  public List<Alignment> alignments() {
    List<Alignment> list = new ArrayList<>();
    JsonNode a = achievement.has("alignment") ? achievement.path("alignment") : achievement.path("alignments");
    for (JsonNode n : a.isArray() ? a : List.of(a)) {
      String name = text(n.path("targetName"));
      if (name != null) {
        list.add(new Alignment(name, opt(n.path("targetUrl")), opt(n.path("targetDescription")),
            opt(n.path("targetFramework")), opt(n.path("targetCode"))));
      }
      if (list.size() == 100) {
        break;
      }
    }
    return list;
  }

  /** The evidence. */
  public List<EvidenceItem> evidence() {
    List<EvidenceItem> list = new ArrayList<>();
    JsonNode e = credential.path("evidence");
    for (JsonNode n : e.isArray() ? e : List.of(e)) {
      if (n.isTextual()) {
        list.add(new EvidenceItem(Optional.empty(), Optional.of(n.asText()), Optional.empty()));
      } else if (n.isObject()) {
        list.add(new EvidenceItem(opt(n.path("name")), opt(n.path("id")), opt(n.path("narrative")).or(() -> opt(n.path("description")))));
      }
      if (list.size() == 100) {
        break;
      }
    }
    return list;
  }

  /** The issuer's id. */
  public Optional<String> issuerId() {
    return idOrText(issuer);
  }

  /** The issuer's name. */
  public Optional<String> issuerName() {
    return opt(issuer.path("name"));
  }

  /** The issuer's web site. */
  public Optional<String> issuerUrl() {
    return opt(issuer.path("url"));
  }

  /** The issuer's image. */
  public Optional<String> issuerImage() {
    return idOrText(issuer.path("image"));
  }

  /** The issuer's description. */
  public Optional<String> issuerDescription() {
    return opt(issuer.path("description"));
  }

  /**
   * The recipient's name when the credential carries one in the clear: the subject's {@code name},
   * or an unhashed identifier of type {@code name}. A hashed identifier or an email is never shown.
   */
  public Optional<String> recipientName() {
    Optional<String> name = opt(subject.path("name"));
    if (name.isPresent()) {
      return name;
    }
    JsonNode ids = subject.path("identifier");
    for (JsonNode n : ids.isArray() ? ids : List.of(ids)) {
      if (n.path("identityType").asText("").equals("name") && !n.path("hashed").asBoolean(false)) {
        return opt(n.path("identityHash"));
      }
    }
    return Optional.empty();
  }

  /** When it was issued ({@code validFrom}, {@code issuanceDate}, {@code awardedDate} or OB 2.0 {@code issuedOn}). */
  public Optional<Instant> issued() {
    return instant("validFrom").or(() -> instant("issuanceDate")).or(() -> instant("awardedDate")).or(() -> instant("issuedOn"));
  }

  /** When it expires ({@code validUntil}, {@code expirationDate} or OB 2.0 {@code expires}). */
  public Optional<Instant> expires() {
    return instant("validUntil").or(() -> instant("expirationDate")).or(() -> instant("expires"));
  }

  /** The credential id. */
  public Optional<String> credentialId() {
    return opt(credential.path("id"));
  }

  private Optional<Instant> instant(String member) {
    JsonNode n = credential.path(member);
    if (!n.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(java.time.OffsetDateTime.parse(n.asText()).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(Instant.parse(n.asText()));
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }
}
