package io.github.insignia.openbadges.spring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.CredentialProver;
import io.github.insignia.openbadges.issuing.Issuers;
import io.github.insignia.openbadges.issuing.status.StatusListStore;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.jdbc.JdbcBadgeStore;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.web.BadgeServlet;
import io.github.insignia.openbadges.web.BadgeSite;
import io.github.insignia.openbadges.web.BadgeStore;
import io.github.insignia.openbadges.web.HostedDocument;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The badge site and its servlet, in a servlet web application. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "jakarta.servlet.Servlet")
@ConditionalOnProperty(name = "insignia.web.enabled", havingValue = "true", matchIfMissing = true)
class InsigniaWebConfiguration {
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(BadgeStore.class)
  @ConditionalOnProperty("insignia.base-url")
  BadgeSite insigniaBadgeSite(InsigniaProperties properties, BadgeStore store,
      ObjectProvider<BadgeIssuer> issuer, ObjectProvider<SigningKey> key, ObjectProvider<InsigniaAutoConfiguration.IssuerIdentity> identity,
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
    BadgeSite.Builder site = BadgeSite.builder(URI.create(InsigniaAutoConfiguration.siteUrl(properties)), store)
        .verificationOptions(InsigniaAutoConfiguration.verificationOptions(properties))
        .maxUploadBytes(properties.web().maxUploadBytes());
    StatusService service = status.getIfAvailable();
    SigningKey signingKey = key.getIfAvailable();
    InsigniaAutoConfiguration.IssuerIdentity id = identity.getIfAvailable();
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
        new ServletRegistrationBean<>(new BadgeServlet(site), InsigniaAutoConfiguration.mapping(properties.web().path()));
    registration.setName("insigniaBadgeServlet");
    return registration;
  }
}
