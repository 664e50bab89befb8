package io.github.insignia.openbadges.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Security (CSRF, sessions, CSP, rate limits, the API key), languages, mail and the small services. */
@Configuration(proxyBeanMethods = false)
class PortalWebConfiguration implements WebMvcConfigurer {
  static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));
  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  @Bean
  Clock portalClock() {
    return Clock.systemUTC();
  }

  @Bean
  RateLimiter portalRateLimiter(PortalProperties props, Clock clock) {
    return new RateLimiter(clock, props.rateLimits());
  }

  @Bean
  ProofOfWork portalProofOfWork(PortalProperties props, Clock clock) {
    return new ProofOfWork(props.captchaBits(), clock);
  }

  @Bean
  Mailer portalMailer(PortalProperties props, ObjectProvider<JavaMailSender> smtp, Clock clock) {
    return new Mailer(smtp.getIfAvailable(), props.dataDir().resolve("mail"), props.mailFrom(), clock);
  }

  /**
   * Argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane), at most {@code
   * insignia.portal.password-hash-concurrency} hashes at once (default one per core; {@link
   * BoundedPasswordEncoder}: a burst of log-ins queues instead of starving every other page).
   */
  @Bean
  PasswordEncoder portalPasswordEncoder(@Value("${insignia.portal.password-hash-concurrency:0}") int concurrency) {
    return new BoundedPasswordEncoder(new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2),
        concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors());
  }

  /** Only a confirmed address logs in; an unknown or unconfirmed one fails like a wrong password. */
  @Bean
  UserDetailsService portalUsers(Accounts accounts) {
    return username -> Accounts.normalizeEmail(username)
        .flatMap(accounts::byConfirmedEmail)
        .map(a -> User.withUsername(Long.toString(a.id())).password(a.passwordHash()).roles("LEARNER").build())
        .orElseThrow(() -> new UsernameNotFoundException("no such learner"));
  }

  /** Session cookies: HttpOnly, SameSite=Lax, and Secure whenever the portal is served over https. */
  @Bean
  ServletContextInitializer portalSessionCookie(PortalProperties props) {
    return ctx -> {
      ctx.getSessionCookieConfig().setHttpOnly(true);
      ctx.getSessionCookieConfig().setSecure("https".equalsIgnoreCase(props.baseUrl().getScheme()));
      ctx.getSessionCookieConfig().setAttribute("SameSite", "Lax");
    };
  }

  /**
   * The public badge pages (the web module sets its own headers: its CSP allows its inline style)
   * and the OB 2.0 hosted documents ({@link Ob2HostingController} sets its own).
   */
  @Bean
  @Order(1)
  SecurityFilterChain portalBadgePages(HttpSecurity http) throws Exception {
    http.securityMatcher("/badges/**", Ob2Twins.PATH + "**")
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.disable()) // nothing there depends on cookies
        .requestCache(r -> r.disable())
        .securityContext(s -> s.disable())
        .sessionManagement(s -> s.disable())
        .headers(h -> h.disable());
    return http.build();
  }

  /** The course platform's API: a configured key in {@code Authorization: Bearer}, no session, no CSRF. */
  @Bean
  @Order(2)
  SecurityFilterChain portalApi(HttpSecurity http, PortalProperties props) throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.disable())
        .requestCache(r -> r.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
        .addFilterBefore(new ApiKeyFilter(props.apiKey()), UsernamePasswordAuthenticationFilter.class);
    return http.build();
  }

  /** The learner's pages. */
  @Bean
  @Order(3)
  SecurityFilterChain portalPages(HttpSecurity http, RateLimiter limiter) throws Exception {
    http.authorizeHttpRequests(a -> a
            .requestMatchers("/", "/signup", "/confirm", "/login", "/reset", "/reset/new", "/css/**", "/js/**", "/error",
                "/favicon.ico", "/actuator/health")
            .permitAll()
            .anyRequest().authenticated())
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/my", true).failureUrl("/login?error").permitAll())
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/?bye").permitAll())
        .sessionManagement(s -> s.sessionFixation(sf -> sf.changeSessionId()))
        .headers(h -> h
            .contentSecurityPolicy(c -> c.policyDirectives(CSP))
            .frameOptions(f -> f.deny())
            .referrerPolicy(r -> r.policy(org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
        .addFilterBefore(new LoginRateFilter(limiter), UsernamePasswordAuthenticationFilter.class);
    return http.build();
  }

  /** {@code ?lang=es|en} (remembered in a cookie), else the best of Accept-Language, else English. */
  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver r = new CookieLocaleResolver("insignia-lang");
    r.setDefaultLocaleFunction(req -> {
      for (java.util.Enumeration<Locale> e = req.getLocales(); e.hasMoreElements(); ) {
        Locale l = e.nextElement();
        for (Locale s : LOCALES) {
          if (s.getLanguage().equals(l.getLanguage())) {
            return s;
          }
        }
      }
      return Locale.ENGLISH;
    });
    return r;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
    lang.setParamName("lang");
    lang.setIgnoreInvalidLocale(true);
    registry.addInterceptor(new org.springframework.web.servlet.HandlerInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) throws Exception {
        String v = req.getParameter("lang");
        // only the languages the portal speaks; anything else is ignored
        return v == null || !(v.equals("en") || v.equals("es")) || lang.preHandle(req, res, handler);
      }
    });
  }

  static String clientIp(HttpServletRequest req) {
    return req.getRemoteAddr();
  }

  /** Log-in attempts: 10 at once then 5 a minute, per IP address and per address tried. */
  static final class LoginRateFilter extends OncePerRequestFilter {
    private final RateLimiter limiter;

    LoginRateFilter(RateLimiter limiter) {
      this.limiter = limiter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
      if ("POST".equals(req.getMethod()) && "/login".equals(req.getServletPath())) {
        String who = Accounts.normalizeEmail(req.getParameter("username")).orElse("-");
        if (!limiter.tryAcquire("login-ip", 60, 60, clientIp(req)) || !limiter.tryAcquire("login", 5, 5, who)) {
          res.sendRedirect(req.getContextPath() + "/login?limited");
          return;
        }
      }
      chain.doFilter(req, res);
    }
  }

  /** Checks the course platform's key in constant time; without a configured key the API answers 404. */
  static final class ApiKeyFilter extends OncePerRequestFilter {
    private final byte[] key;

    ApiKeyFilter(String key) {
      this.key = key == null || key.isBlank() ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
      if (key == null) {
        res.sendError(404);
        return;
      }
      String auth = req.getHeader("Authorization");
      byte[] given = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
      if (!MessageDigest.isEqual(key, given)) {
        res.setHeader("WWW-Authenticate", "Bearer");
        res.setStatus(401);
        res.setContentType("application/json");
        res.getWriter().write("{\"error\":\"unauthorized\"}");
        return;
      }
      chain.doFilter(req, res);
    }
  }
}
