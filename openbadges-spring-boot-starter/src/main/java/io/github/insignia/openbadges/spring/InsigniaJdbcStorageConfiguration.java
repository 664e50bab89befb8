package io.github.insignia.openbadges.spring;

import io.github.insignia.openbadges.issuing.status.StatusListStore;
import io.github.insignia.openbadges.jdbc.InsigniaMigrations;
import io.github.insignia.openbadges.jdbc.JdbcBackpackStore;
import io.github.insignia.openbadges.jdbc.JdbcBadgeStore;
import io.github.insignia.openbadges.jdbc.JdbcStatusListStore;
import io.github.insignia.openbadges.jdbc.JdbcTokenStore;
import io.github.insignia.openbadges.jdbc.JdbcWalletStore;
import io.github.insignia.openbadges.export.backpack.TokenStore;
import io.github.insignia.openbadges.export.provider.BackpackStore;
import io.github.insignia.openbadges.wallet.WalletStore;
import io.github.insignia.openbadges.web.BadgeStore;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stores over the application's {@code DataSource}, migrated by Flyway first. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(DataSource.class)
class InsigniaJdbcStorageConfiguration {
  @Bean
  @ConditionalOnMissingBean
  InsigniaAutoConfiguration.InsigniaSchema insigniaSchema(DataSource dataSource, InsigniaProperties properties) {
    int applied = properties.jdbc().migrate() ? InsigniaMigrations.migrate(dataSource) : 0;
    return new InsigniaAutoConfiguration.InsigniaSchema(applied);
  }

  @Bean
  @ConditionalOnMissingBean(StatusListStore.class)
  @ConditionalOnExpression("'${insignia.status.store:auto}'.toLowerCase() == 'auto'"
      + " or '${insignia.status.store:auto}'.toLowerCase() == 'jdbc'")
  JdbcStatusListStore insigniaJdbcStatusListStore(DataSource dataSource, InsigniaAutoConfiguration.InsigniaSchema schema) {
    return JdbcStatusListStore.of(dataSource);
  }

  @Bean
  @ConditionalOnMissingBean(BadgeStore.class)
  @ConditionalOnExpression("'${insignia.web.directory:}' == ''")
  JdbcBadgeStore insigniaJdbcBadgeStore(DataSource dataSource, InsigniaAutoConfiguration.InsigniaSchema schema) {
    return JdbcBadgeStore.of(dataSource);
  }

  @Bean
  @ConditionalOnMissingBean(TokenStore.class)
  JdbcTokenStore insigniaJdbcTokenStore(DataSource dataSource, InsigniaAutoConfiguration.InsigniaSchema schema) {
    return JdbcTokenStore.of(dataSource);
  }

  /** Where a host acting as a backpack ({@code BackpackProvider}) keeps what users push to it. */
  @Bean
  @ConditionalOnMissingBean(BackpackStore.class)
  JdbcBackpackStore insigniaJdbcBackpackStore(DataSource dataSource, InsigniaAutoConfiguration.InsigniaSchema schema) {
    return JdbcBackpackStore.of(dataSource);
  }

  /**
   * The wallet issuer's store, shared by every node on the database; only when the host has the
   * (optional) wallet module: the class is named as a string so this starter loads without it.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.github.insignia.openbadges.wallet.WalletStore")
  static class Wallet {
    @Bean
    @ConditionalOnMissingBean(WalletStore.class)
    JdbcWalletStore insigniaJdbcWalletStore(DataSource dataSource, InsigniaAutoConfiguration.InsigniaSchema schema) {
      return JdbcWalletStore.of(dataSource);
    }
  }
}
