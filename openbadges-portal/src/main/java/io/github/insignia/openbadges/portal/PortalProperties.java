package io.github.insignia.openbadges.portal;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal's settings, {@code insignia.portal.*}.
 *
 * @param baseUrl the public URL browsers use (behind a proxy, the proxy's); https in production
 * @param dataDir where the H2 database, the issuer key and the mail folder live (status lists,
 *     revocations and badge files are in the database, through the starter's JDBC stores)
 * @param apiKey the course platform's key for {@code POST /api/awards}; blank disables the API
 * @param issuerName the issuer's name on every badge
 * @param issuerUrl the issuer's web site, optional
 * @param keyFile the issuer's private key (JWK, PEM or Multikey); default {@code dataDir/issuer-key.jwk}, made on first start
 * @param badgeValidity how long an issued badge is valid
 * @param captchaBits the sign-up proof-of-work difficulty in leading zero bits (0 switches it off)
 * @param mailFrom the sender of the portal's mails
 * @param maxUploadBytes the largest badge accepted for import
 * @param rateLimits whether log-in, sign-up, reset and import are rate limited (off only for load tests
 *     whose simulated learners share one address)
 * @param courses the course catalogue: course id to the badge it awards
 */
@ConfigurationProperties("insignia.portal")
public record PortalProperties(
    @DefaultValue("http://localhost:8080") URI baseUrl,
    @DefaultValue("./insignia-portal-data") Path dataDir,
    String apiKey,
    @DefaultValue("Insignia Portal") String issuerName,
    String issuerUrl,
    Path keyFile,
    @DefaultValue("P730D") Duration badgeValidity,
    @DefaultValue("14") int captchaBits,
    @DefaultValue("no-reply@localhost") String mailFrom,
    @DefaultValue("2097152") int maxUploadBytes,
    @DefaultValue("true") boolean rateLimits,
    Map<String, Course> courses) {

  /** Normalises absent values. */
  public PortalProperties {
    courses = courses == null ? Map.of() : Map.copyOf(courses);
  }

  /** The base URL without a trailing slash. */
  public String base() {
    String s = baseUrl.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * One course of the catalogue and the badge it awards.
   *
   * @param name the achievement's name
   * @param description what the learner did
   * @param criteria how the badge is earned
   * @param competences the competences it certifies (become alignments)
   * @param enabled {@code false} refuses every award of the course ({@code PORTAL_COURSE_DISABLED})
   * @param minScore the lowest {@code score} the award call may carry; unset: no score needed
   * @param requiresCompletionDate whether the award call must say when the learner completed the
   *     course ({@code completedAt})
   * @param availableFrom when the course opened (ISO date {@code 2026-09-01} or date-time with
   *     offset): a completion before it is refused; unset: no lower bound
   */
  public record Course(String name, String description, String criteria, List<String> competences,
      @DefaultValue("true") boolean enabled, BigDecimal minScore, boolean requiresCompletionDate, String availableFrom) {
    /** Normalises absent values. */
    public Course {
      competences = competences == null ? List.of() : List.copyOf(competences);
    }
  }
}
