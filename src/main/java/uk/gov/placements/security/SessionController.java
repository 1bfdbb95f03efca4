package uk.gov.placements.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is signed in, for the product's pages: the person's name and groups as people call them, and (for a page in the
 * Tasklist's session) the session's CSRF token, which the pages send back with any change, as the Tasklist does.
 */
@RestController
class SessionController {
    record Session(String userId, String name, List<String> groups, String csrfToken) {
    }

    private final IdentityService identityService;
    private final CurrentUser currentUser;

    SessionController(IdentityService identityService, CurrentUser currentUser) {
        this.identityService = identityService;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/session")
    Session session(HttpServletRequest request) {
        String userId = currentUser.userId();
        User user = identityService.createUserQuery().userId(userId).singleResult();
        String name = user == null ? userId : (Objects.toString(user.getFirstName(), "") + " " + Objects.toString(user.getLastName(), "")).trim();
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(g -> Roles.name(g.getId()) != null ? Roles.name(g.getId()) : g.getName()).filter(Objects::nonNull).sorted().toList();
        HttpSession session = request.getHeader("Authorization") == null ? request.getSession(false) : null;
        Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        return new Session(userId, name.isEmpty() ? userId : name, groups, token instanceof String t ? t : null);
    }
}
