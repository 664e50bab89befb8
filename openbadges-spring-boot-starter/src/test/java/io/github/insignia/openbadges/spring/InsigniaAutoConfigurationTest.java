package io.github.insignia.openbadges.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.export.backpack.TokenStore;
import io.github.insignia.openbadges.issuing.Award;
import io.github.insignia.openbadges.issuing.AwardRequest;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.Recipient;
import io.github.insignia.openbadges.issuing.status.FileStatusListStore;
import io.github.insignia.openbadges.issuing.status.StatusListStore;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.jdbc.JdbcBadgeStore;
import io.github.insignia.openbadges.jdbc.JdbcStatusListStore;
import io.github.insignia.openbadges.jdbc.JdbcTokenStore;
import io.github.insignia.openbadges.jdbc.JdbcWalletStore;
import io.github.insignia.openbadges.jdbc.JdbcBackpackStore;
import io.github.insignia.openbadges.export.provider.BackpackStore;
import io.github.insignia.openbadges.export.provider.InMemoryBackpackStore;
import io.github.insignia.openbadges.model.ob3.Achievement;
import io.github.insignia.openbadges.model.ob3.Criteria;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.wallet.InMemoryWalletStore;
import io.github.insignia.openbadges.wallet.WalletStore;
import io.github.insignia.openbadges.web.BadgeServlet;
import io.github.insignia.openbadges.web.BadgeSite;
import io.github.insignia.openbadges.web.BadgeStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/** Each condition of the auto-configuration, with {@code ApplicationContextRunner}. */
class InsigniaAutoConfigurationTest {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @TempDir Path temp;

  private ApplicationContextRunner plain() {
    return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(InsigniaAutoConfiguration.class));
  }

  private WebApplicationContextRunner web() {
    return new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(InsigniaAutoConfiguration.class));
  }

  private String[] issuerProperties() {
    return new String[] {
        "insignia.base-url=https://lms.example.org",
        "insignia.issuer.name=Escuela Ejemplo",
        "insignia.key.location=file:" + TestKeys.keyFile(temp),
        "insignia.status.directory=" + temp.resolve("status"),
        "insignia.expiry.valid-for=P365D"};
  }

  @Test
  void withoutPropertiesOnlyTheVerifierIsConfigured() {
    plain().run(context -> {
      assertThat(context).hasSingleBean(BadgeVerifier.class);
      assertThat(context).doesNotHaveBean(BadgeIssuer.class);
      assertThat(context).doesNotHaveBean(StatusListStore.class);
      assertThat(context).doesNotHaveBean(BadgeSite.class);
    });
  }

  @Test
  void aKeyAndABaseUrlGiveAnIssuerWithAFileStatusStoreWithoutADatabase() {
    plain().withPropertyValues(issuerProperties()).run(context -> {
      assertThat(context).hasSingleBean(SigningKey.class);
      assertThat(context.getBean(StatusListStore.class)).isInstanceOf(FileStatusListStore.class);
      assertThat(context.getBean(StatusService.class).statusListUrl(0))
          .startsWith("https://lms.example.org/badges-site/status/");
      BadgeIssuer issuer = context.getBean(BadgeIssuer.class);
      assertThat(issuer.issuerId()).isEqualTo("https://lms.example.org/badges-site/issuer");
      Award award = issuer.award(AwardRequest.builder(achievement(), Recipient.email("ana@example.org")).build());
      assertThat(award.pack().json()).isPresent();
      assertThat(award.pack().json().orElseThrow()).contains("validUntil", "BitstringStatusListEntry");
      assertThat(Files.isDirectory(temp.resolve("status"))).isTrue();
    });
  }

  @Test
  void aDataSourceGivesJdbcStoresOnMigratedTables() {
    DataSource db = TestKeys.h2("auto" + DATABASES.incrementAndGet());
    plain().withBean(DataSource.class, () -> db).withPropertyValues(issuerProperties()).run(context -> {
      assertThat(context.getBean(StatusListStore.class)).isInstanceOf(JdbcStatusListStore.class);
      assertThat(context.getBean(BadgeStore.class)).isInstanceOf(JdbcBadgeStore.class);
      assertThat(context.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
      assertThat(context.getBean(WalletStore.class)).isInstanceOf(JdbcWalletStore.class);
      assertThat(context.getBean(BackpackStore.class)).isInstanceOf(JdbcBackpackStore.class);
      assertThat(context.getBean(InsigniaAutoConfiguration.InsigniaSchema.class).migrationsApplied()).isEqualTo(3);
      BadgeIssuer issuer = context.getBean(BadgeIssuer.class);
      Award award = issuer.award(AwardRequest.builder(achievement(), Recipient.email("ana@example.org")).build());
      assertThat(context.getBean(StatusListStore.class).assignment(award.credentialId())).isPresent();
    });
  }

  @Test
  void theBackpackStoreIsTheHostsWhenItHasOne() {
    DataSource db = TestKeys.h2("auto" + DATABASES.incrementAndGet());
    InMemoryBackpackStore own = new InMemoryBackpackStore();
    plain().withBean(DataSource.class, () -> db).withBean(BackpackStore.class, () -> own).run(context -> {
      assertThat(context.getBean(BackpackStore.class)).isSameAs(own);
      assertThat(context).doesNotHaveBean(JdbcBackpackStore.class);
    });
    plain().run(context -> assertThat(context).doesNotHaveBean(BackpackStore.class));
  }

  @Test
  void theWalletStoreIsTheHostsOrAbsentWithoutTheWalletModule() {
    DataSource db = TestKeys.h2("auto" + DATABASES.incrementAndGet());
    InMemoryWalletStore own = InMemoryWalletStore.create();
    plain().withBean(DataSource.class, () -> db).withBean(WalletStore.class, () -> own).run(context ->
        assertThat(context.getBean(WalletStore.class)).isSameAs(own));
    plain().withBean(DataSource.class, () -> db)
        .withClassLoader(new org.springframework.boot.test.context.FilteredClassLoader(WalletStore.class))
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(JdbcWalletStore.class);
          assertThat(context).hasSingleBean(JdbcTokenStore.class);
        });
  }

  @Test
  void theStoreCanBeForcedToFileOrMemoryBesideADataSource() {
    DataSource db = TestKeys.h2("auto" + DATABASES.incrementAndGet());
    plain().withBean(DataSource.class, () -> db).withPropertyValues(issuerProperties())
        .withPropertyValues("insignia.status.store=memory")
        .run(context -> assertThat(context.getBean(StatusListStore.class))
            .isNotInstanceOf(JdbcStatusListStore.class).isNotInstanceOf(FileStatusListStore.class));
  }

  @Test
  void everyBeanCanBeReplacedByTheHost() {
    StatusListStore mine = StatusListStore.inMemory();
    BadgeVerifier verifier = BadgeVerifier.create();
    plain().withBean(StatusListStore.class, () -> mine).withBean(BadgeVerifier.class, () -> verifier)
        .withPropertyValues(issuerProperties()).run(context -> {
          assertThat(context.getBean(StatusListStore.class)).isSameAs(mine);
          assertThat(context.getBean(BadgeVerifier.class)).isSameAs(verifier);
          assertThat(context.getBean(StatusService.class).store()).isSameAs(mine);
        });
  }

  @Test
  void statusCanBeSwitchedOff() {
    plain().withPropertyValues(issuerProperties()).withPropertyValues("insignia.status.enabled=false")
        .run(context -> {
          assertThat(context).doesNotHaveBean(StatusService.class);
          assertThat(context.getBean(BadgeIssuer.class).status()).isEmpty();
        });
  }

  @Test
  void aServletWebApplicationGetsTheSiteUnderTheConfiguredPath() {
    DataSource db = TestKeys.h2("auto" + DATABASES.incrementAndGet());
    web().withBean(DataSource.class, () -> db).withPropertyValues(issuerProperties())
        .withPropertyValues("insignia.web.path=/open-badges")
        .run(context -> {
          assertThat(context).hasSingleBean(BadgeSite.class);
          ServletRegistrationBean<?> registration = context.getBean("insigniaBadgeServlet", ServletRegistrationBean.class);
          assertThat(registration.getServlet()).isInstanceOf(BadgeServlet.class);
          assertThat(registration.getUrlMappings()).containsExactly("/open-badges/*");
          assertThat(context.getBean(BadgeSite.class).baseUrl()).isEqualTo("https://lms.example.org/open-badges");
          // the key-binding documents were published into the store the site serves
          assertThat(context.getBean(BadgeStore.class).hostedDocuments())
              .containsKey(java.net.URI.create("https://lms.example.org/open-badges/issuer"));
        });
  }

  @Test
  void theSiteIsNotRegisteredOutsideAWebApplicationOrWhenSwitchedOff() {
    DataSource db = TestKeys.h2("auto" + DATABASES.incrementAndGet());
    plain().withBean(DataSource.class, () -> db).withPropertyValues(issuerProperties())
        .run(context -> assertThat(context).doesNotHaveBean(BadgeSite.class));
    web().withBean(DataSource.class, () -> db).withPropertyValues(issuerProperties())
        .withPropertyValues("insignia.web.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(BadgeSite.class));
  }

  @Test
  void healthIsUpWhenKeyStoreAndDocumentsAgreeAndDownWhenTheKeyFileGoes() {
    DataSource db = TestKeys.h2("auto" + DATABASES.incrementAndGet());
    web().withBean(DataSource.class, () -> db).withPropertyValues(issuerProperties()).run(context -> {
      HealthIndicator indicator = context.getBean("insigniaHealthIndicator", HealthIndicator.class);
      Health up = indicator.health();
      assertThat(up.getStatus()).isEqualTo(Status.UP);
      assertThat(up.getDetails()).containsEntry("key", "loadable").containsEntry("statusStore", "writable (jdbc)");
      assertThat(up.getDetails().get("hostedDocuments")).isEqualTo("1 checked");

      // a document the key needs disappears from the site: down
      context.getBean(JdbcBadgeStore.class).unhost(java.net.URI.create("https://lms.example.org/badges-site/issuer"));
      assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);

      Files.delete(temp.resolve("issuer.jwk"));
      Health down = indicator.health();
      assertThat(down.getStatus()).isEqualTo(Status.DOWN);
      assertThat(down.getDetails()).containsEntry("key", "unreadable");
    });
  }

  @Test
  void anUnreadableKeyStopsTheStartWithATypedCode() {
    plain().withPropertyValues("insignia.base-url=https://lms.example.org", "insignia.status.store=memory",
        "insignia.key.location=file:" + temp.resolve("missing.jwk")).run(context -> {
          assertThat(context).hasFailed();
          Throwable cause = context.getStartupFailure();
          while (cause != null && !(cause instanceof ConfigurationException)) {
            cause = cause.getCause();
          }
          assertThat(cause).isNotNull();
          assertThat(((ConfigurationException) cause).errorCode()).isSameAs(SpringErrorCode.INSIGNIA_KEY_UNREADABLE);
        });
  }

  @Test
  void aMissingKeyIsMadeOnFirstStartWhenAskedAndReadAgainAfterwards() throws Exception {
    Path file = temp.resolve("keys/made.jwk");
    String[] props = {"insignia.base-url=https://lms.example.org", "insignia.status.store=memory",
        "insignia.key.location=file:" + file, "insignia.key.generate=true"};
    String[] first = new String[1];
    plain().withPropertyValues(props).run(context -> {
      assertThat(context).hasNotFailed();
      first[0] = context.getBean(SigningKey.class).publicKey().thumbprint();
    });
    assertThat(file).exists();
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
    try (var listing = Files.list(file.getParent())) {
      assertThat(listing).containsExactly(file); // no temporary file left beside it
    }
    plain().withPropertyValues(props).run(context ->
        assertThat(context.getBean(SigningKey.class).publicKey().thumbprint()).isEqualTo(first[0]));
    // without generate, a missing key still stops the start (anUnreadableKeyStopsTheStartWithATypedCode)
  }

  @Test
  void nodesMakingTheKeyAtOnceEndUpWithOneKey() throws Exception {
    Path file = temp.resolve("shared/issuer.jwk");
    InsigniaProperties.Key key = new InsigniaProperties.Key(
        new org.springframework.core.io.FileSystemResource(file), null, true);
    java.util.List<java.util.concurrent.Callable<String>> nodes = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      nodes.add(() -> InsigniaAutoConfiguration.loadOrGenerateKey(key).publicKey().thumbprint());
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      java.util.Set<String> thumbprints = new java.util.HashSet<>();
      for (var f : pool.invokeAll(nodes)) {
        thumbprints.add(f.get());
      }
      assertThat(thumbprints).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theIssuerCanBeTheKeysDidKeyWithAStatusTtlAndCustomizers() {
    plain().withPropertyValues(issuerProperties())
        .withPropertyValues("insignia.issuer.did-key=true", "insignia.status.ttl=PT5M", "insignia.issuer.url=",
            "insignia.status.store=memory")
        .withBean(BadgeIssuerCustomizer.class, () -> b -> b.defaultImage(io.github.insignia.openbadges.issuing.BadgeImage.placeholder()))
        .run(context -> {
          SigningKey key = context.getBean(SigningKey.class);
          InsigniaAutoConfiguration.IssuerIdentity identity = context.getBean(InsigniaAutoConfiguration.IssuerIdentity.class);
          assertThat(identity.issuerId()).isEqualTo(key.publicKey().didKey());
          assertThat(identity.verificationMethod()).isEqualTo(key.publicKey().didKeyVerificationMethod());
          assertThat(identity.profile().has("url")).isFalse(); // a blank URL is none
          BadgeIssuer issuer = context.getBean(BadgeIssuer.class);
          assertThat(issuer.issuerId()).isEqualTo(key.publicKey().didKey());
          assertThat(issuer.publishedDocuments()).isEmpty(); // nothing to host for a did:key
          Award award = issuer.award(AwardRequest.builder(achievement(), Recipient.email("ana@example.org")).build());
          assertThat(award.pack().files()).containsKey("badge.png"); // the customizer's placeholder image
          assertThat(context.getBean(StatusService.class).statusListCredential(0).path("credentialSubject")
              .path("ttl").asLong()).isEqualTo(300_000L);
        });
  }

  @Test
  void aPathThatIsNotPlainIsRefused() {
    assertThat(InsigniaAutoConfiguration.mapping("/badges-site/")).isEqualTo("/badges-site/*");
    assertThat(InsigniaAutoConfiguration.mapping("badges")).isEqualTo("/badges/*");
    org.junit.jupiter.api.Assertions.assertThrows(ConfigurationException.class,
        () -> InsigniaAutoConfiguration.mapping("/a b/../c"));
  }

  static Achievement achievement() {
    return Achievement.builder()
        .id("https://lms.example.org/achievements/teaching-101")
        .name("Teaching 101")
        .description("Completed the Teaching 101 course.")
        .criteria(Criteria.builder().narrative("Complete 8 of the 10 tasks.").build())
        .build();
  }
}
