package io.github.insignia.openbadges.spring;

import io.github.insignia.openbadges.issuing.status.FileStatusListStore;
import io.github.insignia.openbadges.issuing.status.StatusListStore;
import io.github.insignia.openbadges.web.BadgeStore;
import io.github.insignia.openbadges.web.FolderBadgeStore;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Without a database (or when asked): the file journal, or memory; the folder badge store. */
@Configuration(proxyBeanMethods = false)
class InsigniaFileStorageConfiguration {
  @Bean
  @ConditionalOnMissingBean(StatusListStore.class)
  // only for an issuer (or when asked for): a bare verifier host gets no journal folder
  @ConditionalOnExpression("'${insignia.status.store:auto}'.toLowerCase() != 'jdbc'"
      + " and ('${insignia.key.location:}' != '' or '${insignia.status.store:auto}'.toLowerCase() != 'auto')")
  StatusListStore insigniaStatusListStore(InsigniaProperties properties) {
    if (properties.status().store() == InsigniaProperties.StoreKind.MEMORY) {
      return StatusListStore.inMemory();
    }
    return FileStatusListStore.open(properties.status().directory(), Clock.systemUTC());
  }

  @Bean
  @ConditionalOnMissingBean(BadgeStore.class)
  @ConditionalOnProperty("insignia.web.directory")
  FolderBadgeStore insigniaFolderBadgeStore(InsigniaProperties properties) {
    return FolderBadgeStore.open(properties.web().directory());
  }
}
