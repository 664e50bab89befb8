package io.github.insignia.openbadges.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Insignia reference learner portal: sign-up, "My badges", downloads and sharing, import of
 * badges earned elsewhere, account deletion, and the course platform's award API. Run it with
 * {@code ./insignia portal} or {@code java -jar openbadges-portal/target/insignia-portal.jar}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {
  /** Not instantiated by hand: Spring creates it. */
  public PortalApplication() {}

  /**
   * Starts the portal.
   *
   * @param args Spring Boot command line arguments ({@code --insignia.portal.base-url=...})
   */
  public static void main(String[] args) {
    SpringApplication.run(PortalApplication.class, args);
  }
}
