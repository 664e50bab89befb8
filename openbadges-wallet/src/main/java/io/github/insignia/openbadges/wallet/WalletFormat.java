package io.github.insignia.openbadges.wallet;

import java.util.Optional;

/** The credential formats offered to wallets, each one credential configuration of the issuer metadata. */
public enum WalletFormat {
  /** {@code ldp_vc}: the OB 3.0 credential with its Data Integrity proof (the issuer's {@code OB3_DATA_INTEGRITY}). */
  LDP_VC("ldp_vc", "OpenBadgeCredential_ldp_vc"),
  /** {@code jwt_vc_json}: the OB 3.0 VC-JWT (the issuer's {@code OB3_JWT}). */
  JWT_VC_JSON("jwt_vc_json", "OpenBadgeCredential_jwt_vc_json");

  private final String format;
  private final String configurationId;

  WalletFormat(String format, String configurationId) {
    this.format = format;
    this.configurationId = configurationId;
  }

  /** The OpenID4VCI format identifier, e.g. {@code ldp_vc}. */
  public String format() {
    return format;
  }

  /** The credential configuration id in the metadata and offers, e.g. {@code OpenBadgeCredential_ldp_vc}. */
  public String configurationId() {
    return configurationId;
  }

  /**
   * The format of a credential configuration id.
   *
   * @param id a configuration id
   * @return its format, or empty when it is none of these
   */
  public static Optional<WalletFormat> ofConfigurationId(String id) {
    for (WalletFormat f : values()) {
      if (f.configurationId.equals(id)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
