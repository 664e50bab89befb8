package io.github.insignia.openbadges.portal;

import io.github.insignia.openbadges.issuing.BadgeImage;
import io.github.insignia.openbadges.issuing.CredentialProver;
import io.github.insignia.openbadges.issuing.Issuers;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.spring.BadgeIssuerCustomizer;
import io.github.insignia.openbadges.spring.InsigniaAutoConfiguration;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.VerificationOptions;
import io.github.insignia.openbadges.validation.fetch.FetchException;
import io.github.insignia.openbadges.validation.fetch.FetchProblem;
import io.github.insignia.openbadges.validation.fetch.FetchedResource;
import io.github.insignia.openbadges.validation.fetch.HttpResourceFetcher;
import io.github.insignia.openbadges.validation.fetch.ResourceFetcher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the portal adds to the Insignia beans of {@code openbadges-spring-boot-starter}. The starter
 * configures, from the {@code insignia.*} properties that {@code application.properties} derives
 * from {@code insignia.portal.*}: the issuer key (made on the first start, {@code
 * insignia.key.generate}), the {@code did:key} issuer, the JDBC status store, badge store and token
 * store on the portal's {@code DataSource}, {@code StatusService}, {@code BadgeIssuer}, the badge
 * site's servlet under {@code /badges/*} and the health indicator. Only two things are the
 * portal's own: the placeholder image its badges carry, and the import verifier.
 */
@Configuration(proxyBeanMethods = false)
class PortalLibraryConfiguration {
  /** The course catalogue has no artwork: every badge carries the library's placeholder image. */
  @Bean
  BadgeIssuerCustomizer portalBadgeImage() {
    return builder -> builder.defaultImage(BadgeImage.placeholder());
  }

  /**
   * The verifier of imports (it replaces the starter's): only awarded badges; the portal's own
   * status lists are answered from the database (a portal on a private address still checks its own
   * badges), everything else through the guarded network fetcher (public addresses only, bounded
   * size and time).
   */
  @Bean
  BadgeVerifier portalBadgeVerifier(StatusService status, SigningKey key, InsigniaAutoConfiguration.IssuerIdentity issuer) {
    CredentialProver prover = Issuers.dataIntegrity(key, issuer.verificationMethod())
        .orElseThrow(() -> new PortalException(PortalErrorCode.PORTAL_CONFIG_INVALID, "the issuer key cannot make Data Integrity proofs"));
    String first = status.statusListUrl(0);
    String listPrefix = first.substring(0, first.length() - 1);
    ResourceFetcher own = url -> {
      String u = url.toString();
      if (u.startsWith(listPrefix)) {
        Optional<Long> n = parseListNumber(u.substring(listPrefix.length()));
        if (n.isPresent() && n.get() < status.listCount()) {
          byte[] body = SafeJson.write(status.statusListCredential(n.get(), prover)).getBytes(StandardCharsets.UTF_8);
          return new FetchedResource(url, url, 200, Optional.of("application/ld+json"), body);
        }
      }
      throw new FetchException(FetchProblem.NOT_AVAILABLE_OFFLINE, url, null, url + " is not a status list of this portal");
    };
    Duration connect = Duration.ofSeconds(5);
    Duration total = Duration.ofSeconds(15);
    ResourceFetcher network = HttpResourceFetcher.builder().connectTimeout(connect).totalTimeout(total).build();
    // Only awarded badges are imported: a genuine endorsement, BadgeClass or presentation is not a
    // badge the learner earned (INPUT_NOT_AN_AWARD), whatever else verifies about it.
    return BadgeVerifier.create(VerificationOptions.builder()
        .expectAward()
        .connectTimeout(connect)
        .totalTimeout(total)
        .fetcher(own.orElse(network))
        .build());
  }

  private static Optional<Long> parseListNumber(String s) {
    if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(s));
  }
}
