package io.github.insignia.openbadges.export.internal;

import io.github.insignia.openbadges.export.ExportErrorCode;
import io.github.insignia.openbadges.ModelErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.NotABadgeException;
import io.github.insignia.openbadges.export.BadgeSummary;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@link BadgeSummary} from badge JSON. Works on the Jackson tree so that export does not
 * wait for the model module; only the fields export needs are read.
 */
public final class BadgeFields {
  /** {@code otherIdentifier.identifierType} values taken as a LinkedIn organisation id. */
  private static final Pattern LINKEDIN_TYPE =
      Pattern.compile("(?i)(ext:)?linkedin[-_ ]?(organi[sz]ation|company)[-_ ]?id");
  private static final Pattern LINKEDIN_COMPANY_URL =
      Pattern.compile("https://(?:www\\.)?linkedin\\.com/company/(\\d{1,20})/?");
  private static final Pattern DIGITS = Pattern.compile("\\d{1,20}");

  private BadgeFields() {}

  /** A builder filled from an OB 3.0 credential or an OB 2.0 assertion. */
  public static BadgeSummary.Builder read(JsonNode badge) {
    if (badge == null || !badge.isObject()) {
      throw new NotABadgeException(ModelErrorCode.NOT_A_BADGE, "the JSON is not an object, so not a badge");
    }
    JsonNode vc = badge.path("vc").isObject() ? badge.get("vc") : badge;
    if (vc.has("credentialSubject")) {
      return readOb3(vc, badge);
    }
    if (badge.has("badge") && badge.has("recipient")) {
      return readOb2(badge);
    }
    throw new NotABadgeException(
        ModelErrorCode.NOT_A_BADGE, "the JSON is neither an OB 3.0 credential nor an OB 2.0 assertion");
  }

  private static BadgeSummary.Builder readOb3(JsonNode vc, JsonNode outer) {
    JsonNode subject = first(vc.path("credentialSubject"));
    JsonNode achievement = subject.path("achievement");
    String name = text(achievement.path("name"))
        .or(() -> text(vc.path("name")))
        .orElseThrow(() -> new NotABadgeException(ModelErrorCode.NOT_A_BADGE, "the credential has no achievement name"));
    BadgeSummary.Builder b = BadgeSummary.builder(name);
    JsonNode issuer = vc.path("issuer");
    issuer(b, issuer.isTextual() ? null : issuer, issuer.isTextual() ? issuer.asText() : text(issuer.path("id")).orElse(null));
    b.issuedOn(date(vc, "validFrom").or(() -> date(vc, "issuanceDate")).or(() -> date(vc, "awardedDate"))
        .or(() -> epoch(outer.path("nbf"))).orElse(null));
    b.expires(date(vc, "validUntil").or(() -> date(vc, "expirationDate"))
        .or(() -> epoch(outer.path("exp"))).orElse(null));
    b.credentialId(text(vc.path("id")).or(() -> text(outer.path("jti"))).orElse(null));
    b.image(image(vc.path("image")).or(() -> image(achievement.path("image"))).orElse(null));
    b.description(text(achievement.path("description")).or(() -> text(vc.path("description"))).orElse(null));
    return b;
  }

  private static BadgeSummary.Builder readOb2(JsonNode assertion) {
    JsonNode badgeClass = assertion.path("badge");
    String name = text(badgeClass.path("name"))
        .orElseThrow(() -> new NotABadgeException(
            ModelErrorCode.NOT_A_BADGE, "the assertion does not embed its badge class, so the badge name is unknown"));
    BadgeSummary.Builder b = BadgeSummary.builder(name);
    JsonNode issuer = badgeClass.path("issuer");
    issuer(b, issuer.isObject() ? issuer : null, issuer.isTextual() ? issuer.asText() : text(issuer.path("id")).orElse(null));
    b.issuedOn(date(assertion, "issuedOn").orElse(null));
    b.expires(date(assertion, "expires").orElse(null));
    b.credentialId(text(assertion.path("id")).orElse(null));
    b.image(image(assertion.path("image")).or(() -> image(badgeClass.path("image"))).orElse(null));
    b.description(text(badgeClass.path("description")).orElse(null));
    return b;
  }

  private static void issuer(BadgeSummary.Builder b, JsonNode issuer, String id) {
    b.issuerId(id);
    if (issuer == null) {
      return;
    }
    b.issuerName(text(issuer.path("name")).orElse(null));
    for (JsonNode entry : iterable(issuer.path("otherIdentifier"))) {
      Optional<String> org = linkedInId(entry);
      if (org.isPresent()) {
        b.linkedInOrganizationId(org.get());
        return;
      }
    }
  }

  /** An {@code IdentifierEntry} that names a LinkedIn organisation, by type or by company URL. */
  static Optional<String> linkedInId(JsonNode entry) {
    String type = entry.path("identifierType").asText("");
    String value = entry.path("identifier").asText("").strip();
    if (LINKEDIN_TYPE.matcher(type).matches() && DIGITS.matcher(value).matches()) {
      return Optional.of(value);
    }
    Matcher m = LINKEDIN_COMPANY_URL.matcher(value);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static Iterable<JsonNode> iterable(JsonNode node) {
    if (node.isArray()) {
      return node;
    }
    return node.isObject() ? java.util.List.of(node) : java.util.List.of();
  }

  private static JsonNode first(JsonNode node) {
    return node.isArray() ? node.path(0) : node;
  }

  private static Optional<String> text(JsonNode node) {
    if (node.isTextual() && !node.asText().isBlank()) {
      return Optional.of(node.asText());
    }
    if (node.isObject()) {
      // A JSON-LD language map or value object: take the first string value.
      for (JsonNode v : node) {
        if (v.isTextual() && !v.asText().isBlank()) {
          return Optional.of(v.asText());
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<URI> image(JsonNode node) {
    Optional<String> s = node.isObject() ? text(node.path("id")) : text(node);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new URI(s.get()));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> epoch(JsonNode node) {
    return node.isNumber() ? Optional.of(Instant.ofEpochSecond(node.asLong())) : Optional.empty();
  }

  private static Optional<Instant> date(JsonNode parent, String field) {
    JsonNode node = parent.path(field);
    if (node.isNumber()) {
      // OB 2.0 allows a Unix timestamp in seconds.
      BigDecimal seconds = node.decimalValue();
      if (seconds.abs().compareTo(BigDecimal.valueOf(Instant.MAX.getEpochSecond())) > 0) {
        throw badDate(field, node.asText());
      }
      return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
    }
    if (!node.isTextual()) {
      return Optional.empty();
    }
    return Optional.of(parseDate(field, node.asText().strip()));
  }

  /** ISO 8601 with offset; a date or date-time without one is read as UTC. */
  public static Instant parseDate(String field, String s) {
    if (s.matches("\\d{1,12}")) {
      // OB 1.x allowed a Unix timestamp, sometimes as a string.
      return Instant.ofEpochSecond(Long.parseLong(s));
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      // try the looser forms below
    }
    try {
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // try the date-only form
    }
    try {
      return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw badDate(field, s);
    }
  }

  private static InvalidInputException badDate(String field, String value) {
    String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
    return new InvalidInputException(
        ExportErrorCode.BADGE_DATE_INVALID, "the badge's " + field + " is not an ISO 8601 date: " + shown);
  }
}
