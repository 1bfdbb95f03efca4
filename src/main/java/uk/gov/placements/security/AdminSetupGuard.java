package uk.gov.placements.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;

/**
 * CVE-2026-77226: the Admin webapp's first-run setup endpoint creates an administrator for an
 * unauthenticated caller when {@code camunda-admin} has no direct member. This application
 * always creates its administrator at start-up, so once any user exists the endpoint is refused,
 * whatever has since happened to the group's membership.
 */
class AdminSetupGuard implements Filter {
    private final IdentityService identityService;

    AdminSetupGuard(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (identityService.createUserQuery().count() > 0) {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(HttpServletResponse.SC_FORBIDDEN);
            http.setContentType("application/json");
            http.getWriter().write("{\"message\":\"Initial setup is closed: the administrator already exists\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
