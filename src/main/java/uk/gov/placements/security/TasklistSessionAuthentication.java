package uk.gov.placements.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The product's pages (case pages, register, reports) call {@code /api} in the session a person opened by signing in
 * to the Tasklist, so nobody signs in twice and signing out of the Tasklist signs them out of the pages too. Only when
 * the request carries no credentials of its own: an API client's HTTP Basic credentials are checked as before.
 *
 * <p>The session is Camunda's: the user is the one its webapp authenticated for this engine, still present in the
 * identity service, with groups read afresh (a user removed from a group loses its pages at once). A request that
 * changes something must carry the session's CSRF token in {@code X-XSRF-TOKEN}, as the Tasklist's own requests do,
 * so another site cannot make a signed-in browser act.
 */
class TasklistSessionAuthentication extends OncePerRequestFilter {
    private final IdentityService identityService;
    private final String engineName;
    private final RequestAttributeSecurityContextRepository requestContexts = new RequestAttributeSecurityContextRepository();

    TasklistSessionAuthentication(IdentityService identityService, String engineName) {
        this.identityService = identityService;
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session == null || request.getHeader("Authorization") != null || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            chain.doFilter(request, response);
            return;
        }
        String userId = TasklistSessions.user(session, engineName);
        List<SimpleGrantedAuthority> groups = userId == null ? null : groupsOf(userId);
        if (groups == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!CsrfConstants.CSRF_NON_MODIFYING_METHODS_PATTERN.matcher(request.getMethod()).matches() && !sameToken(request, session)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.getWriter().write("{\"status\":403,\"message\":\"This change did not come from the product's own pages; reload the page and try again\",\"errors\":[]}");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(userId, null, groups));
        SecurityContextHolder.setContext(context);
        // kept for the request's own dispatches (an error page is rendered for the same person), as HTTP Basic does
        requestContexts.saveContext(context, request, response);
        chain.doFilter(request, response);
    }

    /** The user's groups as the identity service holds them now, or null for a user no longer there. */
    private List<SimpleGrantedAuthority> groupsOf(String userId) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            return null;
        }
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).map(SimpleGrantedAuthority::new).toList();
    }

    private static boolean sameToken(HttpServletRequest request, HttpSession session) {
        Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        String given = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        return expected instanceof String token && given != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
