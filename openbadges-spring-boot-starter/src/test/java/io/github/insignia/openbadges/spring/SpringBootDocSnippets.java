package io.github.insignia.openbadges.spring;

import io.github.insignia.openbadges.issuing.Award;
import io.github.insignia.openbadges.issuing.AwardRequest;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.Recipient;
import io.github.insignia.openbadges.issuing.status.StatusListStore;
import io.github.insignia.openbadges.jdbc.JdbcBadgeStore;
import io.github.insignia.openbadges.model.ob3.Achievement;
import io.github.insignia.openbadges.web.PublishedBadge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

/** The snippets of {@code docs/spring-boot.md}, compiled and used by the tests. */
final class SpringBootDocSnippets {
  private SpringBootDocSnippets() {}

  /** A host replacing one of the starter's beans. */
  @Configuration(proxyBeanMethods = false)
  static class ReplaceStore {
    // tag::replace-store[]
    @Bean
    StatusListStore statusListStore() {
      return StatusListStore.inMemory(); // yours wins: every Insignia bean is @ConditionalOnMissingBean
    }
    // end::replace-store[]
  }

  /** A host awarding a badge and publishing it on the site. */
  @Service
  static class CourseCompletion {
    private final BadgeIssuer issuer;
    private final JdbcBadgeStore badges;

    CourseCompletion(BadgeIssuer issuer, JdbcBadgeStore badges) {
      this.issuer = issuer;
      this.badges = badges;
    }

    String completed(Achievement achievement, String email) {
      // tag::use-issuer[]
      Award award = issuer.award(AwardRequest.builder(achievement, Recipient.email(email)).build());
      String id = award.credentialId().substring("urn:uuid:".length());
      badges.save(PublishedBadge.of(id, award.pack().files()), null); // now at <site>/badges/<id>
      // end::use-issuer[]
      return id;
    }
  }
}
