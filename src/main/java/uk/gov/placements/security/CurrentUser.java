package uk.gov.placements.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.ForbiddenException;
import uk.gov.placements.common.InvalidInputException;

/**
 * Who is calling, as the engine knows it: user id, groups and councils (Camunda tenants).
 * A council's staff see only their own council's children; camunda-admin sees every council.
 */
@Component
public class CurrentUser {
    private final IdentityService identityService;

    public CurrentUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    static void authenticateEngine(IdentityService identityService, String userId) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
                .stream().map(Tenant::getId).toList();
        identityService.setAuthentication(userId, groups, tenants);
    }

    private Authentication auth() {
        Authentication auth = identityService.getCurrentAuthentication();
        if (auth == null) {
            throw new IllegalStateException("No authenticated user");
        }
        return auth;
    }

    public String userId() {
        return auth().getUserId();
    }

    public boolean isAdmin() {
        List<String> groups = auth().getGroupIds();
        return groups != null && groups.contains(Groups.CAMUNDA_ADMIN);
    }

    public boolean inGroup(String group) {
        List<String> groups = auth().getGroupIds();
        return groups != null && groups.contains(group);
    }

    /**
     * The councils whose children the caller may see. Provider staff belong to every council's
     * tenant (so that referrals of any council can reach them) but see no council's children.
     */
    /** Refuses (403) unless the caller is in one of the groups, or an administrator. */
    public void requireAnyGroup(String... groups) {
        if (isAdmin()) {
            return;
        }
        for (String g : groups) {
            if (inGroup(g)) {
                return;
            }
        }
        throw new ForbiddenException("Only " + Roles.names(groups) + " may do this");
    }

    public Set<String> councils() {
        if (inGroup(Roles.PROVIDERS)) {
            return Set.of();
        }
        List<String> tenants = auth().getTenantIds();
        return tenants == null ? Set.of() : tenants.stream().collect(Collectors.toSet());
    }

    public boolean canSeeCouncil(String council) {
        return isAdmin() || councils().contains(council);
    }

    /** The council a new record belongs to: the one given, which must be the caller's, or the caller's only one. */
    public String councilFor(String requested, String field) {
        if (requested != null && !requested.isBlank()) {
            if (!canSeeCouncil(requested)) {
                throw InvalidInputException.of(field, "is not a council you work for");
            }
            return requested;
        }
        Set<String> mine = councils();
        if (mine.size() != 1) {
            throw InvalidInputException.of(field, "is required");
        }
        return mine.iterator().next();
    }
}
