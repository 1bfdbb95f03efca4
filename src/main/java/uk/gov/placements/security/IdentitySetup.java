package uk.gov.placements.security;

import java.util.HashMap;
import java.util.List;
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

/**
 * The roles of the product, in every profile: the spec's groups, what each may open and start,
 * and the shared Tasklist filters. Idempotent, so it runs at every start. Users and councils are
 * not created here (see the demo data, or the Admin webapp in production).
 */
@Component
public class IdentitySetup {

    /** The columns a role scans a queue by (process variables kept for exactly this: initials, not names). */
    static final List<Map<String, String>> REFERRAL_COLUMNS = List.of(
            Map.of("name", "childInitials", "label", "Child"), Map.of("name", "childAge", "label", "Age"),
            Map.of("name", "urgency", "label", "Urgency"), Map.of("name", "requiredBy", "label", "Required by"),
            Map.of("name", "weeklyCost", "label", "£/week"), Map.of("name", "providerName", "label", "Provider"));
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
        ensureGroup(Roles.CONSORTIUM_COMMISSIONERS, "WORKFLOW");
        ensureGroup(Roles.VIRTUAL_SCHOOL, "WORKFLOW");
        grantTasklist(authorizationService, Roles.PROVIDERS);
        ensureFilters();
    }

    /** Each group with the name people know it by (a database set up before names were plain is renamed). */
    private void ensureGroup(String id, String type) {
        Group group = identityService.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
            group = identityService.newGroup(id);
            group.setType(type);
        } else if (Roles.name(id).equals(group.getName())) {
            return;
        }
        group.setName(Roles.name(id));
        identityService.saveGroup(group);
    }

    static void grantTasklist(AuthorizationService auth, String groupId) {
        grant(auth, groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    }

    /** A grant made once: a restart finds it and adds nothing. Modules grant the rights on their own processes through it. */
    public static void grant(AuthorizationService auth, String groupId, Resource resource, String resourceId, Permission... permissions) {
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

    /**
     * Shared Tasklist filters, one queue per way of working, each readable by the groups that work it.
     * Only administrators may create filters (no other group has FILTER CREATE).
     */
    void ensureFilters() {
        List<String> allStaff = Roles.STAFF;
        List<String> approvers = Roles.APPROVAL_TIERS;
        ensureFilter("My group tasks", -30, "Everything for my groups, most urgent first", taskService.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                .orderByTaskPriority().desc().orderByDueDate().asc(), List.of("*"));
        ensureFilter("My tasks", -20, "Tasks I have claimed", taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")
                .orderByDueDate().asc(), List.of("*"));
        ensureFilter("Referrals to triage", -10, "New and returned referrals for the placements team", taskService.createTaskQuery()
                .taskDefinitionKey("Task_TriageReferral").orderByTaskPriority().desc().orderByDueDate().asc(), List.of(Roles.PLACEMENTS_TEAM));
        ensureFilter("Emergency referrals", -9, "Every open task of an emergency referral", taskService.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                .processVariableValueEquals("urgency", "EMERGENCY").orderByDueDate().asc(),
                List.of(Roles.PLACEMENTS_TEAM, Roles.SOCIAL_WORKERS, Roles.TEAM_MANAGERS, Roles.HEADS_OF_SERVICE,
                        Roles.ASSISTANT_DIRECTORS, Roles.DIRECTORS));
        ensureFilter("Placements awaiting my approval", -8, "Approvals for my tier of the scheme of delegation", taskService.createTaskQuery()
                .taskDefinitionKey("Task_ApprovePlacement").taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                .orderByTaskPriority().desc().orderByDueDate().asc(), approvers);
        ensureFilter("Procurement waivers", -7, "Fewer than two written offers above £10,000", taskService.createTaskQuery()
                .taskDefinitionKey("Task_ApproveProcurementWaiver").orderByDueDate().asc(), List.of(Roles.HEADS_OF_SERVICE));
        ensureFilter("Due today", -6, "Due before midnight", taskService.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                .dueAfterExpression("${dateTime().withTimeAtStartOfDay().toDate()}")
                .dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}").orderByDueDate().asc(), allStaff);
        ensureFilter("Overdue", -5, "Past their due date", taskService.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                .dueBeforeExpression("${now()}").orderByDueDate().asc(), allStaff);
        ensureFilter("My IRO reviews", -4, "Consultations, reviews and their due dates", taskService.createTaskQuery()
                .processDefinitionKey("iroReview").taskCandidateGroup(Roles.IROS).orderByDueDate().asc(), List.of(Roles.IROS));
        ensureFilter("Contracts queue", -3, "Form A reviews, visits, monitoring and action plans", taskService.createTaskQuery()
                .taskCandidateGroup(Roles.CONTRACTS_OFFICERS).includeAssignedTasks().orderByDueDate().asc(), List.of(Roles.CONTRACTS_OFFICERS));
        ensureFilter("Provider: referrals to answer", -2, "Referrals sent to my provider, by deadline", taskService.createTaskQuery()
                .taskDefinitionKey("Task_RespondToReferral").taskCandidateGroupInExpression("${currentUserGroups()}")
                .orderByDueDate().asc(), List.of(Roles.PROVIDERS));
    }

    private void ensureFilter(String name, int priority, String description, TaskQuery query, List<String> groups) {
        Map<String, Object> props = new HashMap<>();
        props.put("description", description);
        props.put("priority", priority);
        props.put("refresh", true);
        props.put("variables", REFERRAL_COLUMNS);
        ensureFilter(name, query, props);
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        for (String group : groups) {
            if ("*".equals(group)) {
                if (authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filter.getId())
                        .authorizationType(Authorization.AUTH_TYPE_GLOBAL).count() == 0) {
                    Authorization a = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
                    a.setUserId(Authorization.ANY);
                    a.setResource(Resources.FILTER);
                    a.setResourceId(filter.getId());
                    a.addPermission(Permissions.READ);
                    authorizationService.saveAuthorization(a);
                }
            } else {
                grant(authorizationService, group, Resources.FILTER, filter.getId(), Permissions.READ);
            }
        }
    }

    private void ensureFilter(String name, TaskQuery query, Map<String, Object> properties) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name).setOwner("admin");
        }
        // definitions are the product's: brought up to date at every start
        filterService.saveFilter(filter.setQuery(query).setProperties(properties));
    }
}
