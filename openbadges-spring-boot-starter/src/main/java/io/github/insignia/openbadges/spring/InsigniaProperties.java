package io.github.insignia.openbadges.spring;

import io.github.insignia.openbadges.issuing.BadgeFormat;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The {@code insignia.*} properties the starter configures Insignia from (docs/spring-boot.md lists
 * them with their defaults).
 *
 * @param baseUrl the application's public root URL as browsers and verifiers see it (behind a proxy,
 *     the proxy's), for example {@code https://lms.example.org}; the badge site's public URL is this
 *     plus {@code insignia.web.path}. Required for the issuer and the site.
 * @param issuer the issuer profile
 * @param key the issuer's signing key
 * @param formats the formats every award is issued in
 * @param expiry the default expiry of awards
 * @param status the status lists (revocation)
 * @param web the badge site servlet
 * @param jdbc the JDBC storage used when the application has a {@code DataSource}
 * @param verifier the badge verifier's network policy
 */
@ConfigurationProperties("insignia")
public record InsigniaProperties(
    URI baseUrl,
    @DefaultValue Issuer issuer,
    @DefaultValue Key key,
    @DefaultValue({"OB3_DATA_INTEGRITY", "OB3_JWT"}) List<BadgeFormat> formats,
    @DefaultValue Expiry expiry,
    @DefaultValue Status status,
    @DefaultValue Web web,
    @DefaultValue Jdbc jdbc,
    @DefaultValue Verifier verifier) {

  /** The compact form of {@link #formats}, never empty. */
  public InsigniaProperties {
    formats = formats == null || formats.isEmpty() ? List.of(BadgeFormat.OB3_DATA_INTEGRITY, BadgeFormat.OB3_JWT)
        : List.copyOf(formats);
  }

  /**
   * The issuer profile: either a JSON file ({@code profile}) or the fields here.
   *
   * @param profile an OB 3.0 Profile JSON file ({@code classpath:}, {@code file:}); when set, the
   *     other fields are ignored
   * @param id the issuer id; defaults to the site URL + {@code /issuer}, where the site hosts the
   *     profile so that verifiers bind the key to the issuer
   * @param name the issuer's name
   * @param url the issuer's web site
   * @param email the issuer's contact address
   * @param didKey make the issuer the key's own {@code did:key} (and proofs name its {@code did:key}
   *     verification method): verifiers resolve it offline and the site hosts no profile; {@code id}
   *     and {@code key.verification-method} are then ignored
   */
  public record Issuer(Resource profile, URI id, @DefaultValue("Insignia issuer") String name, URI url, String email,
      boolean didKey) {}

  /**
   * The signing key.
   *
   * @param location the private key file: JWK, PEM (PKCS#8) or Multikey ({@code file:},
   *     {@code classpath:}); at most 64 KiB
   * @param verificationMethod the key id proofs and JWTs name; defaults to the issuer id +
   *     {@code #} + the key's multibase form
   * @param generate when the file at {@code location} ({@code file:} only) does not exist, make an
   *     Ed25519 key and save it there (owner-only permissions) on the first start; several nodes
   *     starting at once on one shared folder end up with the one key that was written first
   */
  public record Key(Resource location, String verificationMethod, boolean generate) {}

  /**
   * The default expiry of awards.
   *
   * @param validFor how long a badge is valid from its award ({@code P730D}, {@code 365d}); unset:
   *     never expires
   */
  public record Expiry(Duration validFor) {}

  /**
   * Status lists.
   *
   * @param enabled whether awards carry a status entry (revocable)
   * @param baseUrl where the status lists are published; defaults to the site URL + {@code /status/}
   * @param listCapacity how many slots one list hands out before the next opens
   * @param store which store: {@code auto} (JDBC when there is a {@code DataSource}, else a file
   *     journal), {@code jdbc}, {@code file}, {@code memory} (tests only: forgets on restart)
   * @param directory the file journal's folder (store {@code file})
   * @param ttl how long verifiers may cache a status list (its {@code ttl}); unset: no {@code ttl}
   */
  public record Status(
      @DefaultValue("true") boolean enabled,
      URI baseUrl,
      @DefaultValue("131072") int listCapacity,
      @DefaultValue("auto") StoreKind store,
      @DefaultValue("insignia-status") Path directory,
      Duration ttl) {}

  /** Where status slots are kept. */
  public enum StoreKind {
    /** JDBC when the application has a {@code DataSource}, else a file journal. */
    AUTO,
    /** {@code JdbcStatusListStore} on the application's {@code DataSource}. */
    JDBC,
    /** {@code FileStatusListStore} in {@code insignia.status.directory}. */
    FILE,
    /** In memory: tests and demos only. */
    MEMORY
  }

  /**
   * The badge site (pages, downloads, hosting endpoints, verification page).
   *
   * @param enabled whether the servlet is registered
   * @param path the servlet path it is mounted under ({@code /badges-site} serves
   *     {@code /badges-site/*})
   * @param directory serve the folder {@code insignia issue-batch} wrote instead of the database
   * @param maxUploadBytes the largest request body the verification page accepts
   * @param publishDocuments put the issuer's key-binding documents (profile, JWKS, DID document) into
   *     the JDBC badge store at start, so the site hosts them
   */
  public record Web(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("/badges-site") String path,
      Path directory,
      @DefaultValue("8388608") int maxUploadBytes,
      @DefaultValue("true") boolean publishDocuments) {}

  /**
   * JDBC storage.
   *
   * @param migrate run the Insignia Flyway migrations (own history table) at start
   */
  public record Jdbc(@DefaultValue("true") boolean migrate) {}

  /**
   * The verifier's network policy.
   *
   * @param allowPrivateNetwork let verification fetch private and loopback addresses (tests only)
   * @param offline never fetch: what is not in the badge or the site's documents is indeterminate
   */
  public record Verifier(boolean allowPrivateNetwork, boolean offline) {}
}
