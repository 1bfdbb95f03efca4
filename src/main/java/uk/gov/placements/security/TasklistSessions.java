package uk.gov.placements.security;

import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/** Who signed in to the Camunda webapps in a browser's session: read in one place, as Camunda's webapp keeps it. */
public final class TasklistSessions {
    private TasklistSessions() {
    }

    /** The user the webapps authenticated for this engine in the session, or null (none, or the session is gone). */
    public static String user(HttpSession session, String engineName) {
        if (session == null) {
            return null;
        }
        Authentications authentications;
        try {
            authentications = AuthenticationUtil.getAuthsFromSession(session);
        } catch (IllegalStateException invalidated) {
            return null;
        }
        if (authentications == null || !authentications.hasAuthenticationForProcessEngine(engineName)) {
            return null;
        }
        return authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user ? user.getIdentityId() : null;
    }
}
