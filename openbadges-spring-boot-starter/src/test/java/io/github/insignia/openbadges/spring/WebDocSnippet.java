package io.github.insignia.openbadges.spring;

import io.github.insignia.openbadges.web.BadgeServlet;
import io.github.insignia.openbadges.web.BadgeSite;
import io.github.insignia.openbadges.web.BadgeStore;
import java.net.URI;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Spring Boot snippet of {@code docs/web.md} (the region between the tags, quoted verbatim:
 * {@code WebDocSnippetTest} checks it), for a host that mounts the servlet by hand instead of using
 * the starter. {@code StarterServerTest} serves it on a real server.
 */
@Configuration(proxyBeanMethods = false)
class WebDocSnippet {
  // tag::spring-boot[]
  @Bean
  ServletRegistrationBean<BadgeServlet> badges(BadgeStore store) {
    BadgeSite site = BadgeSite.builder(URI.create("https://lms.example.org/badges-site"), store).build();
    return new ServletRegistrationBean<>(new BadgeServlet(site), "/badges-site/*");
  }
  // end::spring-boot[]
}
