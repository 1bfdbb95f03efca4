package uk.gov.placements.referral;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.gov.placements.security.IdentitySetup;
import uk.gov.placements.security.Roles;

/**
 * Social workers start referrals from the Tasklist: the one process a person starts there. The referral module grants
 * it on its own process, just after the groups are set up, so the security module names no module's process.
 */
@Component
class ReferralStartRights {
    private final AuthorizationService authorizationService;

    ReferralStartRights(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    @EventListener(ContextRefreshedEvent.class)
    @Order(2)
    void grant() {
        IdentitySetup.grant(authorizationService, Roles.SOCIAL_WORKERS, Resources.PROCESS_DEFINITION, PlacementReferralProcess.KEY,
                Permissions.READ, Permissions.CREATE_INSTANCE);
        IdentitySetup.grant(authorizationService, Roles.SOCIAL_WORKERS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }
}
