package io.github.insignia.openbadges.portal;

import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header needs: whether a learner is logged in. */
@ControllerAdvice
class PortalModelAdvice {
  @ModelAttribute("loggedIn")
  boolean loggedIn(Principal principal) {
    return principal != null;
  }
}
