package uk.gov.placements.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls as the application rather than as the calling user, for steps the product
 * has already authorised itself (e.g. creating a provider's group after checking the caller's role),
 * and restores the caller's authentication afterwards.
 */
@Component
public class SystemActions {
    private final IdentityService identityService;

    public SystemActions(IdentityService identityService) {
        this.identityService = identityService;
    }

    public <T> T run(Supplier<T> action) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return action.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    public void run(Runnable action) {
        run(() -> {
            action.run();
            return null;
        });
    }
}
