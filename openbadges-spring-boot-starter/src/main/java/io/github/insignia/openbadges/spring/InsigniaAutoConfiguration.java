package io.github.insignia.openbadges.spring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.status.StatusListStore;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.export.backpack.TokenStore;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.Keys;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.VerificationOptions;
import io.github.insignia.openbadges.web.BadgeServlet;
import io.github.insignia.openbadges.web.BadgeSite;
import io.github.insignia.openbadges.web.BadgeStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.Resource;

/**
 * Configures Insignia in a Spring Boot application from {@link InsigniaProperties}: the issuer's
 * {@link SigningKey}, {@link StatusListStore} (JDBC when there is a {@code DataSource}, else a file
 * journal), {@link StatusService}, {@link BadgeIssuer}, {@link BadgeVerifier}, the JDBC {@link
 * BadgeStore} and {@link TokenStore}, the {@link BadgeSite} and its {@link BadgeServlet} under
 * {@code insignia.web.path}, and a health indicator when actuator is present. Every bean is
 * {@code @ConditionalOnMissingBean}: a host replaces any of them by declaring its own.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
@EnableConfigurationProperties(InsigniaProperties.class)
@Import({InsigniaJdbcStorageConfiguration.class, InsigniaFileStorageConfiguration.class,
    InsigniaIssuingConfiguration.class, InsigniaWebConfiguration.class,
    InsigniaHealthConfiguration.class})
public class InsigniaAutoConfiguration {
  private static final System.Logger LOG = System.getLogger(InsigniaAutoConfiguration.class.getName());
  private static final int MAX_KEY_BYTES = 64 * 1024;
  private static final int MAX_PROFILE_BYTES = 1 << 20;

  /** Not instantiated by hosts: Spring Boot loads it from the auto-configuration imports. */
  public InsigniaAutoConfiguration() {}

  /** The verifier every import and verification page uses. */
  @Bean
  @ConditionalOnMissingBean
  BadgeVerifier insigniaBadgeVerifier(InsigniaProperties properties) {
    return BadgeVerifier.create(verificationOptions(properties));
  }

  static VerificationOptions verificationOptions(InsigniaProperties properties) {
    return VerificationOptions.builder()
        .allowPrivateNetwork(properties.verifier().allowPrivateNetwork())
        .offline(properties.verifier().offline())
        .build();
  }

  /** The public URL of the site: the base URL plus the servlet path, without a trailing slash. */
  static String siteUrl(InsigniaProperties properties) {
    if (properties.baseUrl() == null) {
      throw new ConfigurationException(SpringErrorCode.INSIGNIA_PROPERTY_MISSING,
          "insignia.base-url is required (the application's public URL, for example https://lms.example.org)");
    }
    String base = properties.baseUrl().toString().replaceAll("/+$", "");
    String path = normalisedPath(properties.web().path());
    return base + path;
  }

  static String normalisedPath(String path) {
    String p = path == null ? "" : path.trim().replaceAll("/+$", "").replaceAll("/\\*$", "");
    if (!p.isEmpty() && !p.startsWith("/")) {
      p = "/" + p;
    }
    if (!p.matches("(/[A-Za-z0-9._~-]+)*")) {
      throw new ConfigurationException(SpringErrorCode.INSIGNIA_PROPERTY_INVALID,
          "insignia.web.path must be a plain path such as /badges-site, not " + path);
    }
    return p;
  }

  static String mapping(String path) {
    String p = normalisedPath(path);
    return p.isEmpty() ? "/*" : p + "/*";
  }

  static SigningKey readKey(Resource location) {
    if (location == null) {
      throw new ConfigurationException(SpringErrorCode.INSIGNIA_PROPERTY_MISSING, "insignia.key.location is required");
    }
    try {
      return Keys.parsePrivateKey(new String(read(location, MAX_KEY_BYTES), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigurationException(SpringErrorCode.INSIGNIA_KEY_UNREADABLE,
          "insignia.key.location cannot be read: " + location.getDescription(), e);
    }
  }

  /**
   * The issuer profile: the configured file, else one made of the {@code insignia.issuer.*} fields
   * whose id is {@code keyDid} when given (the key's own {@code did:key}), else the configured id,
   * else the site URL + {@code /issuer}.
   */
  /**
   * The key at {@code insignia.key.location}; with {@code insignia.key.generate}, a missing file is
   * first made (Ed25519, owner-only permissions). The file is written beside under a temporary name
   * and then hard-linked into place, which fails when another node got there first: that node's key
   * is then read, so nodes sharing a folder share one key.
   */
  static SigningKey loadOrGenerateKey(InsigniaProperties.Key key) {
    Resource location = key.location();
    if (key.generate() && location != null && location.isFile() && !location.exists()) {
      Path file;
      try {
        file = location.getFile().toPath().toAbsolutePath();
      } catch (IOException e) {
        throw new ConfigurationException(SpringErrorCode.INSIGNIA_KEY_UNREADABLE,
            "insignia.key.location is not a file: " + location.getDescription(), e);
      }
      generateKey(file);
    }
    return readKey(location);
  }

  private static void generateKey(Path file) {
    Path temp = null;
    try {
      Files.createDirectories(file.getParent());
      SigningKey made = SigningKey.generate(KeyType.ED25519);
      temp = Files.createTempFile(file.getParent(), ".insignia-key", ".tmp");
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the folder's own permissions protect it
      }
      Files.writeString(temp, SafeJson.writePretty(made.toPrivateJwk()), StandardCharsets.UTF_8);
      try {
        Files.createLink(file, temp);
        LOG.log(System.Logger.Level.INFO, "insignia: made a new issuer key in {0}", file);
      } catch (FileAlreadyExistsException e) {
        // another node made it first: use that one (readKey below)
      } catch (UnsupportedOperationException e) {
        Files.move(temp, file); // no hard links: a plain move, which refuses to replace
        temp = null;
      }
    } catch (FileAlreadyExistsException e) {
      // made concurrently by another node
    } catch (IOException e) {
      throw new ConfigurationException(SpringErrorCode.INSIGNIA_KEY_UNREADABLE,
          "insignia.key.generate: cannot write a new key to " + file, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // a stray temporary file holds a key nobody uses; the folder is the operator's
        }
      }
    }
  }

  static ObjectNode profile(InsigniaProperties properties, String keyDid) {
    InsigniaProperties.Issuer issuer = properties.issuer();
    if (issuer.profile() != null) {
      try {
        if (new ObjectMapper().readTree(read(issuer.profile(), MAX_PROFILE_BYTES)) instanceof ObjectNode node) {
          return node;
        }
      } catch (IOException e) {
        throw new ConfigurationException(SpringErrorCode.INSIGNIA_PROFILE_UNREADABLE,
            "insignia.issuer.profile cannot be read as JSON: " + issuer.profile().getDescription(), e);
      }
      throw new ConfigurationException(SpringErrorCode.INSIGNIA_PROFILE_UNREADABLE,
          "insignia.issuer.profile is not a JSON object: " + issuer.profile().getDescription());
    }
    ObjectNode profile = new ObjectMapper().createObjectNode();
    profile.put("id", keyDid != null ? keyDid
        : issuer.id() != null ? issuer.id().toString() : siteUrl(properties) + "/issuer");
    profile.putArray("type").add("Profile");
    profile.put("name", issuer.name());
    // a blank URL (an unset placeholder such as ${x:}) means none
    if (issuer.url() != null && !issuer.url().toString().isBlank()) {
      profile.put("url", issuer.url().toString());
    }
    if (issuer.email() != null && !issuer.email().isBlank()) {
      profile.put("email", issuer.email());
    }
    return profile;
  }

  /** Reads at most {@code max} bytes; more is refused (a key or profile is small). */
  private static byte[] read(Resource resource, int max) throws IOException {
    try (InputStream in = resource.getInputStream()) {
      byte[] bytes = in.readNBytes(max + 1);
      if (bytes.length > max) {
        throw new IOException(resource.getDescription() + " is larger than " + max + " bytes");
      }
      return bytes;
    }
  }

  /**
   * The issuer's profile and key id as configured.
   *
   * @param profile the OB 3.0 issuer Profile
   * @param verificationMethod the key id proofs and JWTs name
   */
  public record IssuerIdentity(ObjectNode profile, String verificationMethod) {
    /** @return the issuer id */
    public String issuerId() {
      return profile.path("id").asText("");
    }
  }

  /**
   * Marks the Insignia tables as migrated (a dependency of the JDBC stores).
   *
   * @param migrationsApplied how many migrations this start applied
   */
  public record InsigniaSchema(int migrationsApplied) {}
}
