package uk.gov.placements.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Component;

/**
 * Provider groups serve every council of the consortium: they are members of every council's
 * tenant, so that a referral of any council can reach them, while Camunda authorization (the
 * candidate group of each task) keeps each provider to its own tasks.
 */
@Component
public class TenantAccess {
    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    public TenantAccess(IdentityService identityService, AuthorizationService authorizationService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    /** Call as the application (see {@link SystemActions}). */
    public void grantProviderGroup(String groupId) {
        IdentitySetup.grantTasklist(authorizationService, groupId);
        for (Tenant tenant : identityService.createTenantQuery().list()) {
            if (identityService.createGroupQuery().groupId(groupId).memberOfTenant(tenant.getId()).count() == 0) {
                identityService.createTenantGroupMembership(tenant.getId(), groupId);
            }
        }
    }
}
