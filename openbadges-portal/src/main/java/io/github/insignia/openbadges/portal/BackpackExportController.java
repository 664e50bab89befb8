package io.github.insignia.openbadges.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Export to a backpack" on a badge's details page: the form posts the backpack's address; the
 * portal pushes the badge at once when it holds a token there, else shows the link to the
 * backpack's authorization page (a link, not a redirect: the CSP's {@code form-action 'self'} would
 * stop a form's redirect to another site, and the learner sees where they are going). The backpack
 * sends the learner back to {@value BackpackExports#CALLBACK_PATH}, where the state is looked up in
 * this session only (used once), and the badge is pushed.
 */
@Controller
class BackpackExportController {
  /** The session attribute holding the authorizations in progress, by state. */
  static final String PENDING = "insignia.backpack.pending";
  /** At most this many authorizations in progress per session (the oldest is dropped). */
  static final int MAX_PENDING = 5;

  private final ExportableBadges exportable;
  private final BackpackExports exports;

  BackpackExportController(ExportableBadges exportable, BackpackExports exports) {
    this.exportable = exportable;
    this.exports = exports;
  }

  @PostMapping("/my/badges/{badgeId}/backpack")
  String export(@PathVariable String badgeId, @RequestParam(defaultValue = "") String backpack, Authentication auth,
      HttpServletRequest req, HttpServletResponse res, Model model) {
    long id = BadgeController.accountId(auth);
    ExportableBadges.Owned owned = exportable.forPage(id, badgeId, model);
    if (!exportable.withinLimits(id, req)) {
      res.setStatus(429);
      return "limited";
    }
    if (!owned.exportable()) {
      return show(res, model, BackpackExports.Result.refused("backpack.error.notValid"));
    }
    BackpackExports.Result result = exports.export(id, badgeId, owned.credential(), backpack);
    if (result.kind() == BackpackExports.Kind.AUTHORIZE) {
      keep(req.getSession(), result.pending());
    }
    return show(res, model, result);
  }

  @GetMapping(BackpackExports.CALLBACK_PATH)
  String callback(@RequestParam(defaultValue = "") String state, Authentication auth, HttpServletRequest req,
      HttpServletResponse res, Model model) {
    long id = BadgeController.accountId(auth);
    Optional<BackpackExports.Pending> pending = take(req.getSession(false), state);
    if (pending.isEmpty()) {
      // no such authorization in this session: forged, replayed, or begun in another browser
      return show(res, model, BackpackExports.Result.refused("backpack.error.authorization"));
    }
    String badgeId = pending.get().badgeId();
    model.addAttribute("badgeId", badgeId);
    Optional<ExportableBadges.Owned> owned = exportable.owned(id, badgeId);
    owned.ifPresent(o -> model.addAttribute("badgeName", o.claim().name()));
    if (owned.isEmpty() || !owned.get().exportable()) {
      return show(res, model, BackpackExports.Result.refused("backpack.error.notValid"));
    }
    return show(res, model, exports.complete(pending.get(), id, owned.get().credential(), req.getQueryString()));
  }

  private static String show(HttpServletResponse res, Model model, BackpackExports.Result result) {
    if (result.kind() == BackpackExports.Kind.REFUSED) {
      res.setStatus(422);
    }
    model.addAttribute("result", result.kind().name());
    model.addAttribute("reason", result.reason());
    model.addAttribute("detail", result.detail());
    model.addAttribute("backpackName", result.backpackName() == null || result.backpackName().isBlank() ? null : result.backpackName());
    if (result.pending() != null) {
      java.net.URI go = java.net.URI.create(result.pending().authorizationUri());
      model.addAttribute("authorizationUri", go.toString());
      model.addAttribute("backpackHost", go.getHost());
    }
    return "backpack";
  }

  @SuppressWarnings("unchecked")
  private static void keep(HttpSession session, BackpackExports.Pending pending) {
    synchronized (org.springframework.web.util.WebUtils.getSessionMutex(session)) {
      Object o = session.getAttribute(PENDING);
      LinkedHashMap<String, BackpackExports.Pending> all = o instanceof LinkedHashMap<?, ?> m
          ? (LinkedHashMap<String, BackpackExports.Pending>) m : new LinkedHashMap<>();
      all.put(pending.state(), pending);
      for (Iterator<String> it = all.keySet().iterator(); all.size() > MAX_PENDING && it.hasNext(); ) {
        it.next();
        it.remove();
      }
      session.setAttribute(PENDING, all);
    }
  }

  @SuppressWarnings("unchecked")
  private static Optional<BackpackExports.Pending> take(HttpSession session, String state) {
    if (session == null || state.isEmpty()) {
      return Optional.empty();
    }
    synchronized (org.springframework.web.util.WebUtils.getSessionMutex(session)) {
      Object o = session.getAttribute(PENDING);
      if (!(o instanceof Map<?, ?> m)) {
        return Optional.empty();
      }
      BackpackExports.Pending p = ((Map<String, BackpackExports.Pending>) m).remove(state);
      session.setAttribute(PENDING, m);
      return Optional.ofNullable(p);
    }
  }
}
