package io.github.insignia.openbadges.spring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.issuing.BadgeFormat;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.CredentialProver;
import io.github.insignia.openbadges.issuing.ExpiryPolicy;
import io.github.insignia.openbadges.issuing.Issuers;
import io.github.insignia.openbadges.issuing.status.FileStatusListStore;
import io.github.insignia.openbadges.issuing.status.StatusListStore;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.jdbc.InsigniaMigrations;
import io.github.insignia.openbadges.jdbc.JdbcBadgeStore;
import io.github.insignia.openbadges.jdbc.JdbcStatusListStore;
import io.github.insignia.openbadges.jdbc.JdbcTokenStore;
import io.github.insignia.openbadges.export.backpack.TokenStore;
import io.github.insignia.openbadges.signing.keys.Keys;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.VerificationOptions;
import io.github.insignia.openbadges.web.BadgeServlet;
import io.github.insignia.openbadges.web.BadgeSite;
import io.github.insignia.openbadges.web.BadgeStore;
import io.github.insignia.openbadges.web.FolderBadgeStore;
import io.github.insignia.openbadges.web.HostedDocument;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.Resource;

/**
 * Configures Insignia in a Spring Boot application from {@link InsigniaProperties}: the issuer's
 * {@link SigningKey}, {@link StatusListStore} (JDBC when there is a {@code DataSource}, else a file
 * journal), {@link StatusService}, {@link BadgeIssuer}, {@link BadgeVerifier}, the JDBC {@link
 * BadgeStore} and {@link TokenStore}, the {@link BadgeSite} and its {@link BadgeServlet} under
 * {@code insignia.web.path}, and a health indicator when actuator is present. Every bean is
 * {@code @ConditionalOnMissingBean}: a host replaces any of them by declaring its own.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
@EnableConfigurationProperties(InsigniaProperties.class)
@Import({InsigniaAutoConfiguration.JdbcStorage.class, InsigniaAutoConfiguration.FileStorage.class,
    InsigniaAutoConfiguration.Issuing.class, InsigniaAutoConfiguration.Web.class,
    InsigniaAutoConfiguration.Health.class})
public class InsigniaAutoConfiguration {
  private static final int MAX_KEY_BYTES = 64 * 1024;
  private static final int MAX_PROFILE_BYTES = 1 << 20;

  /** Not instantiated by hosts: Spring Boot loads it from the auto-configuration imports. */
  public InsigniaAutoConfiguration() {}

  /** The verifier every import and verification page uses. */
  @Bean
  @ConditionalOnMissingBean
  BadgeVerifier insigniaBadgeVerifier(InsigniaProperties properties) {
    return BadgeVerifier.create(verificationOptions(properties));
  }

  static VerificationOptions verificationOptions(InsigniaProperties properties) {
    return VerificationOptions.builder()
        .allowPrivateNetwork(properties.verifier().allowPrivateNetwork())
        .offline(properties.verifier().offline())
        .build();
  }

  /** Stores over the application's {@code DataSource}, migrated by Flyway first. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(DataSource.class)
  static class JdbcStorage {
    @Bean
    @ConditionalOnMissingBean
    InsigniaSchema insigniaSchema(DataSource dataSource, InsigniaProperties properties) {
      int applied = properties.jdbc().migrate() ? InsigniaMigrations.migrate(dataSource) : 0;
      return new InsigniaSchema(applied);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnExpression("'${insignia.status.store:auto}'.toLowerCase() == 'auto'"
        + " or '${insignia.status.store:auto}'.toLowerCase() == 'jdbc'")
    StatusListStore insigniaJdbcStatusListStore(DataSource dataSource, InsigniaSchema schema) {
      return JdbcStatusListStore.of(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnExpression("'${insignia.web.directory:}' == ''")
    BadgeStore insigniaJdbcBadgeStore(DataSource dataSource, InsigniaSchema schema) {
      return JdbcBadgeStore.of(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    TokenStore insigniaJdbcTokenStore(DataSource dataSource, InsigniaSchema schema) {
      return JdbcTokenStore.of(dataSource);
    }
  }

  /** Without a database (or when asked): the file journal, or memory; the folder badge store. */
  @Configuration(proxyBeanMethods = false)
  static class FileStorage {
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnExpression("'${insignia.status.store:auto}'.toLowerCase() != 'jdbc'")
    StatusListStore insigniaStatusListStore(InsigniaProperties properties) {
      if (properties.status().store() == InsigniaProperties.StoreKind.MEMORY) {
        return StatusListStore.inMemory();
      }
      return FileStatusListStore.open(properties.status().directory(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("insignia.web.directory")
    BadgeStore insigniaFolderBadgeStore(InsigniaProperties properties) {
      return FolderBadgeStore.open(properties.web().directory());
    }
  }

  /** The issuer: key, status service, issuer. Needs {@code insignia.key.location}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty("insignia.key.location")
  static class Issuing {
    @Bean
    @ConditionalOnMissingBean
    SigningKey insigniaSigningKey(InsigniaProperties properties) {
      return readKey(properties.key().location());
    }

    @Bean
    @ConditionalOnMissingBean
    IssuerIdentity insigniaIssuerIdentity(InsigniaProperties properties, SigningKey key) {
      ObjectNode profile = profile(properties);
      String issuerId = profile.path("id").asText("");
      String vm = properties.key().verificationMethod() != null ? properties.key().verificationMethod()
          : Issuers.verificationMethodFor(issuerId, key.publicKey());
      return new IssuerIdentity(profile, vm);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "insignia.status.enabled", havingValue = "true", matchIfMissing = true)
    StatusService insigniaStatusService(InsigniaProperties properties, IssuerIdentity identity,
        StatusListStore store) {
      URI base = properties.status().baseUrl() != null ? properties.status().baseUrl()
          : URI.create(siteUrl(properties) + "/status/");
      return StatusService.builder(identity.issuerId(), base.toString(), store)
          .listCapacity(properties.status().listCapacity())
          .build();
    }

    @Bean
    @ConditionalOnMissingBean
    BadgeIssuer insigniaBadgeIssuer(InsigniaProperties properties, SigningKey key, IssuerIdentity identity,
        ObjectProvider<StatusService> status) {
      BadgeIssuer.Builder builder = BadgeIssuer.builder(identity.profile(), key, identity.verificationMethod());
      List<BadgeFormat> formats = properties.formats();
      builder.formats(formats.get(0), formats.subList(1, formats.size()).toArray(BadgeFormat[]::new));
      if (formats.contains(BadgeFormat.OB3_DATA_INTEGRITY)) {
        builder.prover(Issuers.dataIntegrity(key, identity.verificationMethod()).orElseThrow(() ->
            new ConfigurationException(SpringErrorCode.INSIGNIA_KEY_UNSUITABLE,
                "OB3_DATA_INTEGRITY needs an Ed25519 or P-256 key (insignia.key.location); drop it from"
                    + " insignia.formats for an RSA key")));
      }
      status.ifAvailable(builder::status);
      if (properties.baseUrl() != null) {
        builder.publicPageBase(siteUrl(properties) + "/badges/");
      }
      if (properties.expiry().validFor() != null) {
        builder.defaultExpiry(ExpiryPolicy.after(properties.expiry().validFor()));
      }
      return builder.build();
    }
  }

  /** The badge site and its servlet, in a servlet web application. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "jakarta.servlet.Servlet")
  @ConditionalOnProperty(name = "insignia.web.enabled", havingValue = "true", matchIfMissing = true)
  static class Web {
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(BadgeStore.class)
    @ConditionalOnProperty("insignia.base-url")
    BadgeSite insigniaBadgeSite(InsigniaProperties properties, BadgeStore store,
        ObjectProvider<BadgeIssuer> issuer, ObjectProvider<SigningKey> key, ObjectProvider<IssuerIdentity> identity,
        ObjectProvider<StatusService> status, ObjectProvider<StatusListStore> statusStore) {
      BadgeIssuer badgeIssuer = issuer.getIfAvailable();
      if (badgeIssuer != null && properties.web().publishDocuments() && store instanceof JdbcBadgeStore jdbc) {
        // the documents that bind the key to the issuer, hosted before the site reads them
        for (Map.Entry<URI, ObjectNode> doc : badgeIssuer.publishedDocuments().entrySet()) {
          String type = doc.getKey().getPath().endsWith("did.json") ? "application/did+json" : "application/json";
          jdbc.host(doc.getKey(), new HostedDocument(200, type,
              doc.getValue().toString().getBytes(StandardCharsets.UTF_8)));
        }
      }
      BadgeSite.Builder site = BadgeSite.builder(URI.create(siteUrl(properties)), store)
          .verificationOptions(verificationOptions(properties))
          .maxUploadBytes(properties.web().maxUploadBytes());
      StatusService service = status.getIfAvailable();
      SigningKey signingKey = key.getIfAvailable();
      IssuerIdentity id = identity.getIfAvailable();
      Optional<CredentialProver> prover = signingKey == null || id == null ? Optional.empty()
          : Issuers.dataIntegrity(signingKey, id.verificationMethod());
      if (service != null && prover.isPresent()) {
        site.statusLists(service, prover.get());
      } else {
        statusStore.ifAvailable(site::statusStore);
      }
      return site.build();
    }

    @Bean
    @ConditionalOnMissingBean(name = "insigniaBadgeServlet")
    @ConditionalOnBean(BadgeSite.class)
    ServletRegistrationBean<BadgeServlet> insigniaBadgeServlet(BadgeSite site, InsigniaProperties properties) {
      ServletRegistrationBean<BadgeServlet> registration =
          new ServletRegistrationBean<>(new BadgeServlet(site), mapping(properties.web().path()));
      registration.setName("insigniaBadgeServlet");
      return registration;
    }
  }

  /** The health indicator, when actuator's health support is on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  static class Health {
    @Bean
    @ConditionalOnMissingBean(name = "insigniaHealthIndicator")
    HealthIndicator insigniaHealthIndicator(InsigniaProperties properties, ObjectProvider<SigningKey> key,
        ObjectProvider<BadgeIssuer> issuer, ObjectProvider<StatusListStore> statusStore,
        ObjectProvider<BadgeStore> badgeStore) {
      return new InsigniaHealthIndicator(properties, key.getIfAvailable(), issuer.getIfAvailable(),
          statusStore.getIfAvailable(), badgeStore.getIfAvailable(), properties.baseUrl() == null ? null
              : siteUrl(properties));
    }
  }

  /** The public URL of the site: the base URL plus the servlet path, without a trailing slash. */
  static String siteUrl(InsigniaProperties properties) {
    if (properties.baseUrl() == null) {
      throw new ConfigurationException(SpringErrorCode.INSIGNIA_PROPERTY_MISSING,
          "insignia.base-url is required (the application's public URL, for example https://lms.example.org)");
    }
    String base = properties.baseUrl().toString().replaceAll("/+$", "");
    String path = normalisedPath(properties.web().path());
    return base + path;
  }

  static String normalisedPath(String path) {
    String p = path == null ? "" : path.trim().replaceAll("/+$", "").replaceAll("/\\*$", "");
    if (!p.isEmpty() && !p.startsWith("/")) {
      p = "/" + p;
    }
    if (!p.matches("(/[A-Za-z0-9._~-]+)*")) {
      throw new ConfigurationException(SpringErrorCode.INSIGNIA_PROPERTY_INVALID,
          "insignia.web.path must be a plain path such as /badges-site, not " + path);
    }
    return p;
  }

  static String mapping(String path) {
    String p = normalisedPath(path);
    return p.isEmpty() ? "/*" : p + "/*";
  }

  static SigningKey readKey(Resource location) {
    if (location == null) {
      throw new ConfigurationException(SpringErrorCode.INSIGNIA_PROPERTY_MISSING, "insignia.key.location is required");
    }
    try {
      return Keys.parsePrivateKey(new String(read(location, MAX_KEY_BYTES), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigurationException(SpringErrorCode.INSIGNIA_KEY_UNREADABLE,
          "insignia.key.location cannot be read: " + location.getDescription(), e);
    }
  }

  static ObjectNode profile(InsigniaProperties properties) {
    InsigniaProperties.Issuer issuer = properties.issuer();
    if (issuer.profile() != null) {
      try {
        if (new ObjectMapper().readTree(read(issuer.profile(), MAX_PROFILE_BYTES)) instanceof ObjectNode node) {
          return node;
        }
      } catch (IOException e) {
        throw new ConfigurationException(SpringErrorCode.INSIGNIA_PROFILE_UNREADABLE,
            "insignia.issuer.profile cannot be read as JSON: " + issuer.profile().getDescription(), e);
      }
      throw new ConfigurationException(SpringErrorCode.INSIGNIA_PROFILE_UNREADABLE,
          "insignia.issuer.profile is not a JSON object: " + issuer.profile().getDescription());
    }
    ObjectNode profile = new ObjectMapper().createObjectNode();
    profile.put("id", issuer.id() != null ? issuer.id().toString() : siteUrl(properties) + "/issuer");
    profile.putArray("type").add("Profile");
    profile.put("name", issuer.name());
    if (issuer.url() != null) {
      profile.put("url", issuer.url().toString());
    }
    if (issuer.email() != null) {
      profile.put("email", issuer.email());
    }
    return profile;
  }

  /** Reads at most {@code max} bytes; more is refused (a key or profile is small). */
  private static byte[] read(Resource resource, int max) throws IOException {
    try (InputStream in = resource.getInputStream()) {
      byte[] bytes = in.readNBytes(max + 1);
      if (bytes.length > max) {
        throw new IOException(resource.getDescription() + " is larger than " + max + " bytes");
      }
      return bytes;
    }
  }

  /**
   * The issuer's profile and key id as configured.
   *
   * @param profile the OB 3.0 issuer Profile
   * @param verificationMethod the key id proofs and JWTs name
   */
  public record IssuerIdentity(ObjectNode profile, String verificationMethod) {
    /** @return the issuer id */
    public String issuerId() {
      return profile.path("id").asText("");
    }
  }

  /**
   * Marks the Insignia tables as migrated (a dependency of the JDBC stores).
   *
   * @param migrationsApplied how many migrations this start applied
   */
  public record InsigniaSchema(int migrationsApplied) {}
}
