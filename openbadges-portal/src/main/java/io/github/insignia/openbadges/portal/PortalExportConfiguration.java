package io.github.insignia.openbadges.portal;

import io.github.insignia.openbadges.export.backpack.TokenStore;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.wallet.WalletIssuer;
import io.github.insignia.openbadges.wallet.WalletServlet;
import io.github.insignia.openbadges.wallet.WalletStore;
import java.net.URI;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The library objects of the two exports: the backpack token store (the JDBC store of {@code
 * openbadges-jdbc}, behind the library's {@link TokenStore} interface, so a host or the Spring Boot
 * starter can put its own bean in its place) and the wallet issuer ({@link WalletIssuer}, the
 * portal's {@link BadgeIssuer} and key) with its servlet under {@code /wallet/}.
 */
@Configuration(proxyBeanMethods = false)
class PortalExportConfiguration {
  /** Where the wallet endpoints live, under the base URL. */
  static final String WALLET_PATH = "/wallet";

  /**
   * Export settings.
   *
   * @param allowPrivateNetwork whether a backpack on a loopback or private address may be used (tests only)
   */
  record ExportSettings(boolean allowPrivateNetwork) {}

  @Bean
  ExportSettings portalExportSettings(@Value("${insignia.portal.export.allow-private-network:false}") boolean allowPrivate) {
    return new ExportSettings(allowPrivate);
  }

  /**
   * The OpenID4VCI credential issuer and VC-API exchange at {@code BASE/wallet}, awarding through the
   * portal's issuer. Its offers, codes, tokens and nonces are in the starter's {@code JdbcWalletStore}
   * (the portal's database), so every node shares them and the data folder keeps no wallet state.
   */
  @Bean
  WalletIssuer portalWalletIssuer(PortalProperties props, BadgeIssuer badges, WalletStore store, Clock clock) {
    return WalletIssuer.builder(URI.create(props.base() + WALLET_PATH), badges)
        .store(store)
        .clock(clock)
        .displayName(props.issuerName())
        .build();
  }

  /** Mounts the wallet issuer: its endpoints under {@code /wallet/} and its metadata at the RFC 8414 well-known paths. */
  @Bean
  ServletRegistrationBean<WalletServlet> portalWalletServlet(WalletIssuer wallet) {
    ServletRegistrationBean<WalletServlet> r = new ServletRegistrationBean<>(new WalletServlet(wallet),
        WALLET_PATH + "/*", "/.well-known/openid-credential-issuer" + WALLET_PATH,
        "/.well-known/oauth-authorization-server" + WALLET_PATH);
    r.setName("insigniaWallet");
    return r;
  }

  /** {@link WalletCopies} in front of the wallet servlet only. */
  @Bean
  FilterRegistrationBean<WalletCopies> portalWalletCopiesFilter(WalletCopies copies) {
    FilterRegistrationBean<WalletCopies> r = new FilterRegistrationBean<>(copies);
    r.addUrlPatterns(WALLET_PATH + "/*");
    return r;
  }

  /**
   * The wallet endpoints are called by wallets, not browsers: no session, no CSRF (the pre-authorized
   * code, the bearer token and the holder's proof authenticate each call); the servlet sets its own
   * headers ({@code Cache-Control: no-store}).
   */
  @Bean
  @Order(0)
  SecurityFilterChain portalWalletEndpoints(HttpSecurity http) throws Exception {
    http.securityMatcher(WALLET_PATH + "/**", "/.well-known/openid-credential-issuer" + WALLET_PATH,
            "/.well-known/oauth-authorization-server" + WALLET_PATH)
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.disable())
        .requestCache(r -> r.disable())
        .securityContext(s -> s.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(h -> h.disable());
    return http.build();
  }
}
