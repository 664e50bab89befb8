package io.github.insignia.openbadges.spring;

import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.status.StatusListStore;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.web.BadgeStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The health indicator, when actuator's health support is on the class path. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
class InsigniaHealthConfiguration {
  @Bean
  @ConditionalOnMissingBean(name = "insigniaHealthIndicator")
  HealthIndicator insigniaHealthIndicator(InsigniaProperties properties, ObjectProvider<SigningKey> key,
      ObjectProvider<BadgeIssuer> issuer, ObjectProvider<StatusListStore> statusStore,
      ObjectProvider<BadgeStore> badgeStore) {
    return new InsigniaHealthIndicator(properties, key.getIfAvailable(), issuer.getIfAvailable(),
        statusStore.getIfAvailable(), badgeStore.getIfAvailable(), properties.baseUrl() == null ? null
            : InsigniaAutoConfiguration.siteUrl(properties));
  }
}
