package io.github.insignia.openbadges.portal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-up with a confirmation mail, password reset, and account deletion. No answer tells whether an
 * address has an account: sign-up and reset always say "if the address can be used, a mail is on its
 * way", and the mail itself tells the owner what happened.
 */
@Controller
class AccountController {
  private static final Duration CONFIRM_TTL = Duration.ofHours(24);
  private static final Duration RESET_TTL = Duration.ofHours(1);

  private final Accounts accounts;
  private final PasswordEncoder encoder;
  private final Mailer mailer;
  private final MessageSource messages;
  private final RateLimiter limiter;
  private final ProofOfWork pow;
  private final PortalProperties props;
  private final Badges badges;
  private final AuditLog audit;
  private final ExportCleanup exports;

  AccountController(Accounts accounts, PasswordEncoder encoder, Mailer mailer, MessageSource messages, RateLimiter limiter,
      ProofOfWork pow, PortalProperties props, Badges badges, AuditLog audit, ExportCleanup exports) {
    this.exports = exports;
    this.accounts = accounts;
    this.encoder = encoder;
    this.mailer = mailer;
    this.messages = messages;
    this.limiter = limiter;
    this.pow = pow;
    this.props = props;
    this.badges = badges;
    this.audit = audit;
  }

  @GetMapping("/")
  String home() {
    return "home";
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }

  @GetMapping("/signup")
  String signupForm(Model model) {
    addChallenge(model);
    return "signup";
  }

  private void addChallenge(Model model) {
    model.addAttribute("powEnabled", pow.enabled());
    model.addAttribute("powChallenge", pow.enabled() ? pow.challenge() : "");
  }

  @PostMapping("/signup")
  String signup(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String password, @RequestParam(name = "pow_challenge", required = false) String challenge,
      @RequestParam(name = "pow_nonce", required = false) String nonce, HttpServletRequest req, HttpServletResponse res,
      Locale locale, Model model) {
    Optional<String> address = Accounts.normalizeEmail(email);
    if (!(limiter.tryAcquire("signup-ip", 20, 10, PortalWebConfiguration.clientIp(req))
        && limiter.tryAcquire("signup", 3, 1, address.orElse("-")))) {
      res.setStatus(429);
      return "limited";
    }
    String error = null;
    if (!pow.verify(challenge, nonce)) {
      error = "signup.error.captcha";
    } else if (name.isBlank() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
      error = "signup.error.name";
    } else if (address.isEmpty()) {
      error = "signup.error.email";
    } else if (password.length() < 10 || password.length() > 128) {
      error = "signup.error.password";
    }
    if (error != null) {
      res.setStatus(400);
      model.addAttribute("error", error);
      model.addAttribute("name", name.length() > 200 ? "" : name);
      model.addAttribute("email", email.length() > 320 ? "" : email);
      addChallenge(model);
      return "signup";
    }
    String to = address.get();
    // hashed whether or not the address is taken, so the answer takes as long either way
    String hash = encoder.encode(password);
    Optional<Long> owner = accounts.ownerOf(to);
    if (owner.isPresent() && accounts.confirmedEmails(owner.get()).isEmpty()) {
      // an account nobody confirmed proves nothing: whoever receives this mail takes the address
      accounts.delete(owner.get());
      owner = Optional.empty();
    }
    Optional<Long> created = owner.isPresent()
        ? Optional.empty()
        : accounts.create(name.strip(), hash, locale, to);
    if (created.isPresent()) {
      String token = accounts.issueToken(created.get(), Accounts.Purpose.CONFIRM, to, CONFIRM_TTL);
      mail(to, locale, "mail.confirm.subject", "mail.confirm.body", name.strip(), props.base() + "/confirm?token=" + token);
      audit.record(AuditLog.Action.SIGN_UP, created.get(), null, null);
    } else {
      // the owner learns that someone tried; the visitor learns nothing
      mail(to, locale, "mail.exists.subject", "mail.exists.body", "", props.base() + "/login", props.base() + "/reset");
    }
    return "signup-done";
  }

  @GetMapping("/confirm")
  String confirm(@RequestParam(required = false) String token, Model model) {
    Optional<Accounts.Token> t = accounts.consumeToken(token, Accounts.Purpose.CONFIRM);
    t.ifPresent(x -> accounts.confirm(x.accountId(), x.email()));
    model.addAttribute("ok", t.isPresent());
    return "confirmed";
  }

  @GetMapping("/reset")
  String resetForm() {
    return "reset";
  }

  @PostMapping("/reset")
  String reset(@RequestParam(defaultValue = "") String email, HttpServletRequest req, HttpServletResponse res, Locale locale) {
    Optional<String> address = Accounts.normalizeEmail(email);
    if (!(limiter.tryAcquire("reset-ip", 20, 10, PortalWebConfiguration.clientIp(req))
        && limiter.tryAcquire("reset", 3, 1, address.orElse("-")))) {
      res.setStatus(429);
      return "limited";
    }
    address.flatMap(accounts::byConfirmedEmail).ifPresent(a -> {
      String token = accounts.issueToken(a.id(), Accounts.Purpose.RESET, address.get(), RESET_TTL);
      mail(address.get(), locale, "mail.reset.subject", "mail.reset.body", a.name(), props.base() + "/reset/new?token=" + token);
    });
    return "reset-sent";
  }

  @GetMapping("/reset/new")
  String newPasswordForm(@RequestParam(required = false) String token, Model model) {
    model.addAttribute("token", token);
    model.addAttribute("valid", accounts.tokenValid(token, Accounts.Purpose.RESET));
    return "reset-new";
  }

  @PostMapping("/reset/new")
  String newPassword(@RequestParam(required = false) String token, @RequestParam(defaultValue = "") String password,
      HttpServletResponse res, Model model) {
    if (password.length() < 10 || password.length() > 128) {
      res.setStatus(400);
      model.addAttribute("token", token);
      model.addAttribute("valid", accounts.tokenValid(token, Accounts.Purpose.RESET));
      model.addAttribute("error", "signup.error.password");
      return "reset-new";
    }
    Optional<Accounts.Token> t = accounts.consumeToken(token, Accounts.Purpose.RESET);
    t.ifPresent(x -> {
      accounts.setPassword(x.accountId(), encoder.encode(password));
      audit.record(AuditLog.Action.PASSWORD_RESET, x.accountId(), null, null);
    });
    model.addAttribute("ok", t.isPresent());
    return "reset-done";
  }

  @GetMapping("/account/delete")
  String deleteForm() {
    return "delete";
  }

  /**
   * Deletes the account after the learner typed the password again and ticked the box: the badges
   * issued to its addresses are revoked (the status list says so) and the addresses erased from
   * them, imported badges and personal data are deleted.
   */
  @PostMapping("/account/delete")
  @Transactional
  String delete(@RequestParam(defaultValue = "") String password, @RequestParam(required = false) String confirm,
      Authentication auth, HttpServletRequest req, HttpServletResponse res, Model model) throws ServletException {
    long id = Long.parseLong(auth.getName());
    Optional<Accounts.Account> account = accounts.byId(id);
    if (account.isEmpty() || confirm == null || !encoder.matches(password, account.get().passwordHash())) {
      res.setStatus(400);
      model.addAttribute("error", true);
      return "delete";
    }
    List<String> emails = accounts.confirmedEmails(id);
    int revoked = badges.revokeAndErase(id, emails, "Account deleted at the learner's request");
    exports.accountDeleted(id); // backpack tokens forgotten, wallet copies revoked
    accounts.delete(id);
    audit.record(AuditLog.Action.DELETION, id, null, revoked + " badge(s) revoked");
    req.logout();
    if (req.getSession(false) != null) {
      req.getSession(false).invalidate();
    }
    return "redirect:/?deleted";
  }

  private void mail(String to, Locale locale, String subjectKey, String bodyKey, Object... args) {
    mailer.send(to, messages.getMessage(subjectKey, null, locale), messages.getMessage(bodyKey, args, locale));
  }
}
