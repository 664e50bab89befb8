package io.github.insignia.openbadges.portal;

import io.github.insignia.openbadges.issuing.BadgeFormat;
import io.github.insignia.openbadges.issuing.BadgeImage;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.CredentialProver;
import io.github.insignia.openbadges.issuing.ExpiryPolicy;
import io.github.insignia.openbadges.issuing.Issuers;
import io.github.insignia.openbadges.issuing.status.StatusListStore;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.ob3.Profile;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.Keys;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.VerificationOptions;
import io.github.insignia.openbadges.validation.fetch.FetchException;
import io.github.insignia.openbadges.validation.fetch.FetchProblem;
import io.github.insignia.openbadges.validation.fetch.FetchedResource;
import io.github.insignia.openbadges.validation.fetch.HttpResourceFetcher;
import io.github.insignia.openbadges.validation.fetch.ResourceFetcher;
import io.github.insignia.openbadges.web.BadgeServlet;
import io.github.insignia.openbadges.web.BadgeSite;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every Insignia library object the portal uses, in one place: the issuer key, {@link
 * StatusService}, {@link BadgeIssuer}, the import {@link BadgeVerifier} and the web module's {@link
 * BadgeServlet} under {@code /badges/}. The Spring Boot starter can replace this class: each bean
 * here is one the starter also defines.
 */
@Configuration(proxyBeanMethods = false)
class PortalLibraryConfiguration {
  private static final System.Logger LOG = System.getLogger(PortalLibraryConfiguration.class.getName());

  /** The issuer's signing key: read from the key file, or made (Ed25519) and saved there on first start. */
  @Bean
  SigningKey portalSigningKey(PortalProperties props) {
    Path file = props.keyFile() != null ? props.keyFile() : props.dataDir().resolve("issuer-key.jwk");
    try {
      if (Files.exists(file)) {
        return Keys.parsePrivateKey(Files.readString(file, StandardCharsets.UTF_8));
      }
      SigningKey key = SigningKey.generate(KeyType.ED25519);
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, SafeJson.writePretty(key.toPrivateJwk()), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the folder's own permissions protect it
      }
      LOG.log(System.Logger.Level.INFO, "insignia portal: made a new issuer key in {0}", file.toAbsolutePath());
      return key;
    } catch (IOException e) {
      throw new PortalException(PortalErrorCode.PORTAL_KEY_UNREADABLE, "cannot read or write the issuer key " + file, e);
    }
  }

  /** Where status slots and revocations are kept (the JDBC store of the starter replaces this journal). */
  @Bean(destroyMethod = "")
  StatusListStore portalStatusListStore(PortalProperties props) {
    return StatusListStore.file(props.dataDir().resolve("status"));
  }

  /** The issuer's identity: a did:key of the portal's key, which any verifier resolves offline. */
  @Bean
  IssuerIdentity portalIssuerIdentity(SigningKey key) {
    return new IssuerIdentity(key.publicKey().didKey(), key.publicKey().didKeyVerificationMethod());
  }

  /** Status lists published at {@code BASE/badges/status/N}. */
  @Bean
  StatusService portalStatusService(PortalProperties props, IssuerIdentity issuer, StatusListStore store) {
    return StatusService.builder(issuer.id(), props.base() + "/badges/status/", store)
        .ttl(Duration.ofMinutes(5))
        .build();
  }

  /** Signs the status list credentials like the badges. */
  @Bean
  CredentialProver portalProver(SigningKey key, IssuerIdentity issuer) {
    return Issuers.dataIntegrity(key, issuer.verificationMethod())
        .orElseThrow(() -> new PortalException(PortalErrorCode.PORTAL_CONFIG_INVALID, "the issuer key cannot make Data Integrity proofs"));
  }

  /** Issues the course badges: OB 3.0 with an eddsa-rdfc-2022 proof and a VC-JWT, baked, with a status entry. */
  @Bean
  BadgeIssuer portalBadgeIssuer(PortalProperties props, SigningKey key, IssuerIdentity issuer,
      StatusService status, CredentialProver prover) {
    Profile.Builder profile = Profile.builder().id(issuer.id()).name(props.issuerName());
    if (props.issuerUrl() != null && !props.issuerUrl().isBlank()) {
      profile.url(props.issuerUrl());
    }
    return BadgeIssuer.builder(profile.build(), key, issuer.verificationMethod())
        .formats(BadgeFormat.OB3_DATA_INTEGRITY, BadgeFormat.OB3_JWT)
        .prover(prover)
        .status(status)
        .defaultExpiry(ExpiryPolicy.after(props.badgeValidity()))
        .defaultImage(BadgeImage.placeholder())
        .publicPageBase(props.base() + "/badges/badges/")
        .build();
  }

  /**
   * The verifier of imports: the portal's own status lists are answered from memory (a portal on a
   * private address still checks its own badges), everything else through the guarded network
   * fetcher (public addresses only, bounded size and time).
   */
  @Bean
  BadgeVerifier portalBadgeVerifier(PortalProperties props, StatusService status, CredentialProver prover) {
    String listPrefix = props.base() + "/badges/status/";
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

  /** The public badge pages, downloads and status lists, under {@code /badges/}. */
  @Bean
  BadgeSite portalBadgeSite(PortalProperties props, PortalBadgeStore store, StatusService status, CredentialProver prover) {
    return BadgeSite.builder(URI.create(props.base() + "/badges"), store)
        .statusLists(status, prover)
        .maxUploadBytes(Math.max(1024, Math.min(props.maxUploadBytes(), 64 * 1024 * 1024)))
        .build();
  }

  /** Mounts the web module's servlet at {@code /badges/*}. */
  @Bean
  ServletRegistrationBean<BadgeServlet> portalBadgeServlet(BadgeSite site) {
    ServletRegistrationBean<BadgeServlet> r = new ServletRegistrationBean<>(new BadgeServlet(site), "/badges/*");
    r.setName("insigniaBadges");
    return r;
  }

  /** The issuer id and the key id its proofs name. */
  record IssuerIdentity(String id, String verificationMethod) {}
}
