package uk.gov.placements.security;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.gov.placements.referral.PlacementReferralProcess;

/**
 * The roles of the product, in every profile: the spec's groups, what each may open and start,
 * and the shared Tasklist filters. Idempotent, so it runs at every start. Users and councils are
 * not created here (see the demo data, or the Admin webapp in production).
 */
@Component
public class IdentitySetup {
    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;

    public IdentitySetup(IdentityService identityService, AuthorizationService authorizationService, FilterService filterService,
                         TaskService taskService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @EventListener(ContextRefreshedEvent.class)
    @Order(1)
    public void onDeployed() {
        setUp();
    }

    public void setUp() {
        for (String groupId : Roles.STAFF) {
            ensureGroup(groupId, "WORKFLOW");
            grantTasklist(authorizationService, groupId);
        }
        ensureGroup(Roles.PROVIDERS, "WORKFLOW");
        grantTasklist(authorizationService, Roles.PROVIDERS);
        grant(authorizationService, Roles.SOCIAL_WORKERS, Resources.PROCESS_DEFINITION, PlacementReferralProcess.KEY,
                Permissions.READ, Permissions.CREATE_INSTANCE);
        grant(authorizationService, Roles.SOCIAL_WORKERS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        ensureFilters();
    }

    private void ensureGroup(String id, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(id.substring(0, 1).toUpperCase() + id.substring(1).replace('-', ' '));
            group.setType(type);
            identityService.saveGroup(group);
        }
    }

    static void grantTasklist(AuthorizationService auth, String groupId) {
        grant(auth, groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    }

    static void grant(AuthorizationService auth, String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = auth.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
                .authorizationType(Authorization.AUTH_TYPE_GRANT).singleResult();
        Authorization a = existing != null ? existing : auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        a.setGroupId(groupId);
        a.setResource(resource);
        a.setResourceId(resourceId);
        for (Permission p : permissions) {
            a.addPermission(p);
        }
        auth.saveAuthorization(a);
    }

    /** Shared Tasklist filters; everyone may read them, only administrators may create more. */
    private void ensureFilters() {
        Map<String, Object> props = Map.of("description", "Tasks for my groups", "priority", -10, "refresh", true);
        ensureFilter("My group tasks", taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks(), props);
        ensureFilter("My tasks", taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
                Map.of("description", "Tasks I have claimed", "priority", -20, "refresh", true));
    }

    private void ensureFilter(String name, TaskQuery query, Map<String, Object> properties) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name).setOwner("admin").setQuery(query).setProperties(properties);
            filterService.saveFilter(filter);
        }
        if (authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filter.getId())
                .authorizationType(Authorization.AUTH_TYPE_GLOBAL).count() == 0) {
            Authorization a = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            a.setUserId(Authorization.ANY);
            a.setResource(Resources.FILTER);
            a.setResourceId(filter.getId());
            a.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(a);
        }
    }
}
