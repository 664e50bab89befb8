package io.github.insignia.openbadges.issuing;

import io.github.insignia.openbadges.issuing.internal.NameUuid;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the host serves OB 2.0 documents, under one base URL: {@code issuer}, {@code
 * badges/<uuid>} (one per achievement), {@code assertions/<uuid>} (the credential's UUID) and, for
 * signed badges, the issuer's public key ({@code keys/signing}). Immutable.
 *
 * <p>Each {@link Award} lists its documents by URL ({@link Award#ob2Hosted()}, {@link
 * Ob2Documents#documents()}): serve every one of them at its URL, as JSON, for OB 2.0 verifiers.
 */
public final class Ob2Hosting {
  private final String baseUrl;
  private final Optional<String> issuerEmail;
  private final Optional<String> publicKeyPem;

  private Ob2Hosting(String baseUrl, String issuerEmail, String publicKeyPem) {
    this.baseUrl = baseUrl;
    this.issuerEmail = Optional.ofNullable(issuerEmail);
    this.publicKeyPem = Optional.ofNullable(publicKeyPem);
  }

  /**
   * @param baseUrl an http(s) URL ending in {@code /}, for example {@code https://badges.example/ob2/}
   */
  public static Ob2Hosting at(String baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (!baseUrl.matches("https?://[^\\s]+/")) {
      throw new io.github.insignia.openbadges.ConfigurationException(
          IssuingErrorCode.OB2_HOSTING_INVALID, "the OB 2.0 base URL must be an http(s) URL ending in '/': " + baseUrl);
    }
    return new Ob2Hosting(baseUrl, null, null);
  }

  /** The issuer's contact e-mail (OB 2.0 requires one; defaults to the Profile's {@code email}). */
  public Ob2Hosting withIssuerEmail(String email) {
    return new Ob2Hosting(baseUrl, Objects.requireNonNull(email, "email"), publicKeyPem.orElse(null));
  }

  /**
   * The OB 2.0 signing key's public key in PEM ({@code -----BEGIN PUBLIC KEY-----}, for example
   * {@code VerificationKey.toSpkiPem()}), published as the {@code CryptographicKey} at {@link
   * #keyUrl()} for signed badges. Needed only when the OB 2.0 signer keeps its key elsewhere (HSM,
   * KMS); for a {@code SigningKey} the issuer derives it.
   *
   * @throws io.github.insignia.openbadges.ConfigurationException {@code OB2_HOSTING_INVALID} when
   *     the text is not a PEM public key
   */
  public Ob2Hosting withPublicKeyPem(String pem) {
    Objects.requireNonNull(pem, "pem");
    try {
      io.github.insignia.openbadges.signing.keys.Keys.publicKeyFromPem(pem);
    } catch (io.github.insignia.openbadges.OpenBadgesException e) {
      throw new io.github.insignia.openbadges.ConfigurationException(
          IssuingErrorCode.OB2_HOSTING_INVALID, "Ob2Hosting.withPublicKeyPem needs a PEM public key: " + e.getMessage(), e);
    }
    return new Ob2Hosting(baseUrl, issuerEmail.orElse(null), pem);
  }

  /** The base URL. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The issuer e-mail, when set. */
  public Optional<String> issuerEmail() {
    return issuerEmail;
  }

  /** The public key PEM, when set. */
  public Optional<String> publicKeyPem() {
    return publicKeyPem;
  }

  /** The issuer Profile URL. */
  public String issuerUrl() {
    return baseUrl + "issuer";
  }

  /** The signing key URL ({@code verification.creator} of signed assertions). */
  public String keyUrl() {
    return baseUrl + "keys/signing";
  }

  /** The BadgeClass URL of an achievement. */
  public String badgeClassUrl(String achievementId) {
    return baseUrl + "badges/" + NameUuid.v5(NameUuid.URL_NAMESPACE, achievementId);
  }

  /** The hosted assertion URL of a credential ({@code urn:uuid:…} or bare UUID). */
  public String assertionUrl(String credentialId) {
    return baseUrl + "assertions/" + credentialId.replaceFirst("^urn:uuid:", "");
  }
}
