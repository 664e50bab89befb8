package io.github.insignia.openbadges.spring;

import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.wallet.InMemoryWalletStore;
import io.github.insignia.openbadges.wallet.WalletIssuer;
import io.github.insignia.openbadges.wallet.WalletServlet;
import java.net.URI;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Spring Boot snippet of {@code docs/wallets.md} (the region between the tags, quoted verbatim:
 * {@code WebDocSnippetTest} checks it): the wallet endpoints mounted beside the starter's beans,
 * with the {@code BadgeIssuer} the starter configures.
 */
@Configuration(proxyBeanMethods = false)
class WalletDocSnippet {
  // tag::spring-boot-wallet[]
  @Bean
  ServletRegistrationBean<WalletServlet> wallet(BadgeIssuer badges) {
    WalletIssuer wallet = WalletIssuer.builder(URI.create("https://lms.example.org"), badges)
        .store(InMemoryWalletStore.create()) // one node; several nodes share a WalletStore of their own
        .build();
    return new ServletRegistrationBean<>(new WalletServlet(wallet), WalletServlet.urlPatterns());
  }
  // end::spring-boot-wallet[]
}
