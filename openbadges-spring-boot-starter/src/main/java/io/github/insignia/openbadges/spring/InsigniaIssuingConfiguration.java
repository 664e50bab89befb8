package io.github.insignia.openbadges.spring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.issuing.BadgeFormat;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.ExpiryPolicy;
import io.github.insignia.openbadges.issuing.Issuers;
import io.github.insignia.openbadges.issuing.status.StatusListStore;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import java.net.URI;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The issuer: key, status service, issuer. Needs {@code insignia.key.location}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("insignia.key.location")
class InsigniaIssuingConfiguration {
  @Bean
  @ConditionalOnMissingBean
  SigningKey insigniaSigningKey(InsigniaProperties properties) {
    return InsigniaAutoConfiguration.loadOrGenerateKey(properties.key());
  }

  @Bean
  @ConditionalOnMissingBean
  InsigniaAutoConfiguration.IssuerIdentity insigniaIssuerIdentity(InsigniaProperties properties, SigningKey key) {
    boolean didKey = properties.issuer().didKey();
    ObjectNode profile = InsigniaAutoConfiguration.profile(properties, didKey ? key.publicKey().didKey() : null);
    String issuerId = profile.path("id").asText("");
    String vm = didKey ? key.publicKey().didKeyVerificationMethod()
        : properties.key().verificationMethod() != null ? properties.key().verificationMethod()
        : Issuers.verificationMethodFor(issuerId, key.publicKey());
    return new InsigniaAutoConfiguration.IssuerIdentity(profile, vm);
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(name = "insignia.status.enabled", havingValue = "true", matchIfMissing = true)
  StatusService insigniaStatusService(InsigniaProperties properties, InsigniaAutoConfiguration.IssuerIdentity identity,
      StatusListStore store) {
    URI base = properties.status().baseUrl() != null ? properties.status().baseUrl()
        : URI.create(InsigniaAutoConfiguration.siteUrl(properties) + "/status/");
    StatusService.Builder builder = StatusService.builder(identity.issuerId(), base.toString(), store)
        .listCapacity(properties.status().listCapacity());
    if (properties.status().ttl() != null) {
      builder.ttl(properties.status().ttl());
    }
    return builder.build();
  }

  @Bean
  @ConditionalOnMissingBean
  BadgeIssuer insigniaBadgeIssuer(InsigniaProperties properties, SigningKey key, InsigniaAutoConfiguration.IssuerIdentity identity,
      ObjectProvider<StatusService> status, ObjectProvider<BadgeIssuerCustomizer> customizers) {
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
      builder.publicPageBase(InsigniaAutoConfiguration.siteUrl(properties) + "/badges/");
    }
    if (properties.expiry().validFor() != null) {
      builder.defaultExpiry(ExpiryPolicy.after(properties.expiry().validFor()));
    }
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return builder.build();
  }
}
