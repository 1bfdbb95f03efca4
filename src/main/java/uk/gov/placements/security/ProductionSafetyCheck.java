package uk.gov.placements.security;

import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The prod profile refuses to start with a missing, default or short administrator password.
 * It is an engine plugin so that the check runs before the engine exists and before any
 * administrator could be written with a weak password.
 */
@Component
@Profile("prod")
class ProductionSafetyCheck extends AbstractProcessEnginePlugin {
    private static final Set<String> DEFAULTS = Set.of("demo", "admin", "password", "camunda", "changeme");

    ProductionSafetyCheck(@Value("${camunda.bpm.admin-user.password:}") String adminPassword) {
        if (adminPassword == null || adminPassword.isBlank() || DEFAULTS.contains(adminPassword.toLowerCase()) || adminPassword.length() < 12) {
            throw new IllegalStateException("Refusing to start: set PLACEMENTS_ADMIN_PASSWORD to a password of at least 12 characters "
                    + "that is not a default");
        }
    }
}
