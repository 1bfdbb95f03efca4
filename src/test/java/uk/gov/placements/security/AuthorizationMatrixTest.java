package uk.gov.placements.security;



import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import uk.gov.placements.placement.PlacementFixtures;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.accreditation.AccreditationService;
import uk.gov.placements.accreditation.ProviderAccreditationProcess;
import uk.gov.placements.child.Child;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.iro.IroReviewProcess;
import uk.gov.placements.monitoring.ContractMonitoringProcess;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.provider.AccreditationStatus;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.provider.Provider;
import uk.gov.placements.provider.ProviderFixtures;
import uk.gov.placements.provider.OfstedRatings;
import uk.gov.placements.monitoring.ActionPlan;
import uk.gov.placements.provider.ProviderService;
import uk.gov.placements.referral.PlacementReferralProcess;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.search.SearchService;
import uk.gov.placements.safety.PlacementSafetyReviewProcess;
import uk.gov.placements.referral.search.PlacementSearchProcess;
import uk.gov.placements.trust.ReliabilityFigures;

/**
 * The authorization matrix: every user task of the five processes (and the approval task at each
 * of the four tiers) against every demo user, through the engine REST API as that user; and every
 * endpoint of the product's API against every demo user. Each cell says whether the user may see
 * and act, as the spec's groups, councils and provider isolation have it; the expectations are
 * written out here, not read from the BPMN files, so a wrong candidate group fails.
 */
@IntegrationTest
class AuthorizationMatrixTest {
    static final String NS = "northshire";
    static final String EM = "eastmoor";
    static final String ANY_COUNCIL = "*";
    static final String MATRIX_PROVIDER_USER = "matrix-provider";
    static final String MATRIX_PASSWORD = "matrix-provider-pass";

    /** Where a user task stands and who works it ("provider" is the task's own provider). */
    record Route(String process, String... groups) {
    }

    /** The spec's table of user tasks and groups, with the tasks it does not list (approval is checked at every tier below). */
    static final Map<String, Route> TASKS = Map.ofEntries(
            Map.entry(PlacementReferralProcess.TASK_CARER_REVIEW, new Route(PlacementReferralProcess.KEY, "social-workers", "provider")),
            Map.entry(PlacementReferralProcess.TASK_TRIAGE, new Route(PlacementReferralProcess.KEY, "placements-team")),
            Map.entry(PlacementReferralProcess.TASK_PROVIDE_MORE_INFORMATION, new Route(PlacementReferralProcess.KEY, "social-workers")),
            Map.entry(PlacementReferralProcess.TASK_SELECT_PLACEMENT, new Route(PlacementReferralProcess.KEY, "social-workers")),
            Map.entry(PlacementReferralProcess.TASK_ANSWER_APPROVER, new Route(PlacementReferralProcess.KEY, "social-workers")),
            Map.entry(PlacementReferralProcess.TASK_REVIEW_OVERDUE_REFERRAL, new Route(PlacementReferralProcess.KEY, "placements-team", "heads-of-service")),
            Map.entry(PlacementReferralProcess.TASK_WRITE_PLACEMENT_PLAN, new Route(PlacementReferralProcess.KEY, "social-workers")),
            Map.entry(PlacementReferralProcess.TASK_SEND_NOTIFICATIONS, new Route(PlacementReferralProcess.KEY, "social-workers")),
            Map.entry(PlacementSearchProcess.TASK_REVIEW_IN_HOUSE_OPTIONS, new Route(PlacementSearchProcess.KEY, "placements-team")),
            Map.entry(PlacementSearchProcess.TASK_RESPOND_TO_REFERRAL, new Route(PlacementSearchProcess.KEY, "provider")),
            Map.entry(PlacementSearchProcess.TASK_APPROVE_PROCUREMENT_WAIVER, new Route(PlacementSearchProcess.KEY, "heads-of-service")),
            Map.entry(ProviderAccreditationProcess.TASK_COMPLETE_FORM_A, new Route(ProviderAccreditationProcess.KEY, "provider")),
            Map.entry(ProviderAccreditationProcess.TASK_REVIEW_FORM_A, new Route(ProviderAccreditationProcess.KEY, "contracts-officers")),
            Map.entry(ProviderAccreditationProcess.TASK_COMPLETE_FORM_B, new Route(ProviderAccreditationProcess.KEY, "contracts-officers")),
            Map.entry(ProviderAccreditationProcess.TASK_COMPLETE_FORM_C, new Route(ProviderAccreditationProcess.KEY, "social-workers")),
            Map.entry(ProviderAccreditationProcess.TASK_CONFIRM_ACCREDITATION, new Route(ProviderAccreditationProcess.KEY, "commissioning-managers")),
            Map.entry(IroReviewProcess.TASK_CONSULT_CHILD, new Route(IroReviewProcess.KEY, "iros")),
            Map.entry(IroReviewProcess.TASK_CONSULT_PARENTS, new Route(IroReviewProcess.KEY, "iros")),
            Map.entry(IroReviewProcess.TASK_CONSULT_CARERS, new Route(IroReviewProcess.KEY, "iros")),
            Map.entry(IroReviewProcess.TASK_HOLD_REVIEW, new Route(IroReviewProcess.KEY, "iros")),
            Map.entry(IroReviewProcess.TASK_ANSWER_CONCERN, new Route(IroReviewProcess.KEY, "team-managers")),
            Map.entry(IroReviewProcess.TASK_DECIDE_ON_ANSWER, new Route(IroReviewProcess.KEY, "iros")),
            Map.entry(IroReviewProcess.TASK_REFER_TO_CAFCASS, new Route(IroReviewProcess.KEY, "iros")),
            Map.entry(ContractMonitoringProcess.TASK_GIVE_FEEDBACK, new Route(ContractMonitoringProcess.KEY, "social-workers")),
            Map.entry(ContractMonitoringProcess.TASK_SUBMIT_OUTCOME_REPORT, new Route(ContractMonitoringProcess.KEY, "provider")),
            Map.entry(ContractMonitoringProcess.TASK_REVIEW_MONITORING, new Route(ContractMonitoringProcess.KEY, "contracts-officers")),
            Map.entry(ContractMonitoringProcess.TASK_RESPOND_WITH_ACTION_PLAN, new Route(ContractMonitoringProcess.KEY, "provider")),
            Map.entry(ContractMonitoringProcess.TASK_CHECK_ACTION_PLAN, new Route(ContractMonitoringProcess.KEY, "contracts-officers")),
            Map.entry(ContractMonitoringProcess.TASK_DECIDE_UNRESOLVED, new Route(ContractMonitoringProcess.KEY, "commissioning-managers")),
            Map.entry(ProviderAccreditationProcess.TASK_SET_CONDITIONS_DEADLINE, new Route(ProviderAccreditationProcess.KEY, "contracts-officers")),
            Map.entry(ContractMonitoringProcess.TASK_RECORD_EXIT_INTERVIEW, new Route(ContractMonitoringProcess.KEY, "social-workers")),
            Map.entry(PlacementSafetyReviewProcess.TASK_REVIEW_PLACEMENT_SAFETY, new Route(PlacementSafetyReviewProcess.KEY, "social-workers")));

    /** Reached on a real dispute, each at the tier the dispute's record names, not started in isolation. */
    static final Set<String> DISPUTE_TASKS = Set.of(IroReviewProcess.TASK_ANSWER_CONCERN, IroReviewProcess.TASK_DECIDE_ON_ANSWER, IroReviewProcess.TASK_REFER_TO_CAFCASS);

    /** A demo user: its groups and its council ("*" for provider staff, who serve every council's referrals). */
    record User(String id, String password, Set<String> groups, String council) {
        boolean in(String group) {
            return groups.contains(group);
        }
    }

    @Autowired TestRestTemplate http;
    @Autowired Clock clock;
    @Autowired Journeys journeys;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired org.camunda.bpm.engine.ManagementService managementService;
    @Autowired ProviderService providerService;
    @Autowired ProviderFixtures providerFixtures;
    @Autowired AccreditationService accreditation;
    @Autowired SearchService searchService;
    @Autowired PlacementService placements;
    @Autowired PlacementFixtures placementFixtures;
    @Autowired OfstedRatings ofstedRatings;
    @Autowired uk.gov.placements.monitoring.ActionPlanService actionPlans;
    final ObjectMapper json = new ObjectMapper();
    int requests;

    List<User> users(Provider own, String providerUser) {
        String brightwater = providerService.allProviders().stream().filter(p -> p.getName().equals("Brightwater Care")).findFirst().orElseThrow().candidateGroup();
        List<User> users = new ArrayList<>();
        for (String[] u : new String[][] {{"sw1", "social-workers", NS}, {"pt1", "placements-team", NS}, {"tm1", "team-managers", NS},
                {"hos1", "heads-of-service", NS}, {"ad1", "assistant-directors", NS}, {"dcs1", "directors", NS}, {"iro1", "iros", NS},
                {"co1", "contracts-officers", NS}, {"cm1", "commissioning-managers", NS}, {"sw2", "social-workers", EM},
                {"pt2", "placements-team", EM}, {"tm2", "team-managers", EM}, {"cm2", "commissioning-managers", EM},
                {"cc1", "consortium-commissioners", ANY_COUNCIL}}) {
            users.add(new User(u[0], "demo", Set.of(u[1]), u[2]));
        }
        users.add(new User("prov1", "demo", Set.of("providers", brightwater), ANY_COUNCIL));
        users.add(new User(providerUser, MATRIX_PASSWORD, Set.of("providers", own.candidateGroup()), ANY_COUNCIL));
        return users;
    }

    ResponseEntity<String> call(User user, HttpMethod method, String url, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user.id(), user.password());
        requests++;
        return http.exchange(url, method, new HttpEntity<>(body, headers), String.class);
    }

    /** One live task checked against every user: who sees it, who may claim it, and that nobody else can. */
    void check(Task task, List<String> expectedGroups, List<User> users, Map<String, Integer> cells) throws Exception {
        for (User u : users) {
            boolean groupMatches = expectedGroups.stream().anyMatch(u::in);
            boolean councilMatches = task.getTenantId() == null || ANY_COUNCIL.equals(u.council()) || task.getTenantId().equals(u.council());
            boolean expected = groupMatches && councilMatches;
            String cell = task.getTaskDefinitionKey() + (task.getTaskDefinitionKey().equals(PlacementReferralProcess.TASK_APPROVE_PLACEMENT) ? "[" + expectedGroups.get(0) + "]" : "")
                    + " × " + u.id();
            JsonNode seen = json.readTree(call(u, HttpMethod.GET, "/engine-rest/task?taskId=" + task.getId(), null).getBody());
            assertThat(seen.size() == 1).as(cell + " sees the task").isEqualTo(expected);
            ResponseEntity<String> claim = call(u, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", u.id()));
            if (expected) {
                assertThat(claim.getStatusCode().value()).as(cell + " claims: " + claim.getBody()).isEqualTo(204);
                assertThat(call(u, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/unclaim", null).getStatusCode().value()).isEqualTo(204);
            } else {
                assertThat(claim.getStatusCode().value()).as(cell + " is refused the claim: " + claim.getBody()).isIn(403, 404);
                ResponseEntity<String> complete = call(u, HttpMethod.POST, "/api/tasks/" + task.getId() + "/complete", Map.of());
                assertThat(complete.getStatusCode().value()).as(cell + " is refused completion: " + complete.getBody()).isIn(403, 404);
                assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).as(cell).isNull();
            }
            cells.merge(expected ? "allowed" : "refused", 1, Integer::sum);
        }
    }

    Task only(ProcessInstance pi, String taskKey) {
        Task t = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
        assertThat(t).as(taskKey).isNotNull();
        return t;
    }

    ProcessInstance instance(Referral r) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(r.getProcessInstanceId()).singleResult();
    }

    ProcessInstance instanceOf(Task t) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult();
    }

    /** A Northshire referral searched in-house only, with the given home chosen: waiting at its approval. */
    Task approvalFor(CareService home, int weeks) {
        Journeys.Council northshire = new Journeys.Council(NS, 53.80, -1.55);
        Referral r = journeys.refer(journeys.child(northshire, 14), "PLANNED", home.getPlacementType(), weeks, null, NeedCode.SELF_HARM);
        ProcessInstance pi = instance(r);
        taskService.complete(only(pi, PlacementReferralProcess.TASK_TRIAGE).getId(), Map.of(PlacementReferralProcess.TRIAGE_OUTCOME, "ACCEPT"));
        journeys.runDueJobsOfTree(pi.getId());
        ProcessInstance search = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
        taskService.complete(only(search, PlacementSearchProcess.TASK_REVIEW_IN_HOUSE_OPTIONS).getId(),
                Map.of(PlacementSearchProcess.RESTRICT_TO_IN_HOUSE, true, PlacementSearchProcess.RESTRICTION_REASON, "Authorization matrix: an in-house home is chosen"));
        journeys.runDueJobsOfTree(pi.getId());
        Long chosen = searchService.optionsOf(r.getId()).stream()
                .filter(o -> o.getService().getId().equals(home.getId())).findFirst().orElseThrow().getId();
        taskService.complete(only(pi, PlacementReferralProcess.TASK_SELECT_PLACEMENT).getId(), Map.of(PlacementReferralProcess.SELECTED_OPTION_ID, chosen, PlacementReferralProcess.SELECTION_REASON, "The home asked for"));
        journeys.runDueJobsOfTree(pi.getId());
        return only(pi, PlacementReferralProcess.TASK_APPROVE_PLACEMENT);
    }

    /** A task of the given kind on a fresh instance that starts right before it, with the variables of a real instance. */
    Task startBefore(String taskKey, Map<String, Object> variables, String businessKey) {
        ProcessInstance pi = runtimeService.createProcessInstanceByKey(taskKey.equals(PlacementReferralProcess.TASK_APPROVE_PLACEMENT) ? PlacementReferralProcess.KEY : TASKS.get(taskKey).process())
                .businessKey(businessKey).setVariables(variables).startBeforeActivity(taskKey).execute();
        return only(pi, taskKey);
    }

    @Test
    void shouldLetEachGroupSeeAndWorkOnlyItsOwnTasksInItsOwnCouncil() throws Exception {
        // an independent provider of our own with one member of staff, accredited, with a home near Northshire
        Provider own = providerService.create(new ProviderService.NewProvider("Matrix Homes", "INDEPENDENT", "PRIVATE", null, "SC700700", "GOOD"));
        own = providerFixtures.accredited(own, AccreditationStatus.ACCREDITED, LocalDate.now().plusMonths(6));
        providerService.addUser(own.getId(), new ProviderService.NewProviderUser(MATRIX_PROVIDER_USER, "Mo", "Trix", "mo@matrix.example.org",
                MATRIX_PASSWORD));
        CareService home = journeys.service(own, NS, PlacementType.FOSTER, 15_000, 3, 53.79, -1.55, NeedCode.PHYSICAL_DISABILITY);
        List<User> users = users(own, MATRIX_PROVIDER_USER);
        Map<String, Integer> cells = new LinkedHashMap<>();

        // a real journey in Northshire, checked at each task on the way
        Journeys.Council northshire = new Journeys.Council(NS, 53.80, -1.55);
        Child child = journeys.child(northshire, 12);
        Referral r = journeys.refer(child, "PLANNED", PlacementType.FOSTER, 4, null, NeedCode.PHYSICAL_DISABILITY);
        ProcessInstance referral = runtimeService.createProcessInstanceQuery().processInstanceId(r.getProcessInstanceId()).singleResult();
        Task triage = only(referral, PlacementReferralProcess.TASK_TRIAGE);
        check(triage, List.of("placements-team"), users, cells);
        taskService.complete(triage.getId(), Map.of(PlacementReferralProcess.TRIAGE_OUTCOME, "ACCEPT"));
        journeys.runDueJobs();
        ProcessInstance search = runtimeService.createProcessInstanceQuery().superProcessInstanceId(referral.getId()).singleResult();
        Task inHouse = only(search, PlacementSearchProcess.TASK_REVIEW_IN_HOUSE_OPTIONS);
        check(inHouse, List.of("placements-team"), users, cells);
        taskService.complete(inHouse.getId(), Map.of(PlacementSearchProcess.RESTRICT_TO_IN_HOUSE, false));
        journeys.runDueJobs();
        Task respond = only(search, PlacementSearchProcess.TASK_RESPOND_TO_REFERRAL);
        check(respond, List.of(own.candidateGroup()), users, cells);
        journeys.offerAll(search);
        Task waiver = only(search, PlacementSearchProcess.TASK_APPROVE_PROCUREMENT_WAIVER);   // one offer of 15,000 a week: a waiver is needed
        check(waiver, List.of("heads-of-service"), users, cells);
        journeys.waiveIfAsked(search);
        Task select = only(referral, PlacementReferralProcess.TASK_SELECT_PLACEMENT);
        check(select, List.of("social-workers"), users, cells);
        Long chosen = searchService.optionsOf(r.getId()).stream()
                .filter(o -> o.getService().getId().equals(home.getId())).findFirst().orElseThrow().getId();
        taskService.complete(select.getId(), Map.of(PlacementReferralProcess.SELECTED_OPTION_ID, chosen, PlacementReferralProcess.SELECTION_REASON, "Only home with adaptations"));
        Task approve = only(referral, PlacementReferralProcess.TASK_APPROVE_PLACEMENT);
        String approver = (String) runtimeService.getVariable(referral.getId(), PlacementReferralProcess.APPROVER_GROUP);
        check(approve, List.of(approver), users, cells);
        taskService.complete(approve.getId(), Map.of(PlacementReferralProcess.APPROVAL_DECISION, "APPROVE", PlacementReferralProcess.APPROVAL_REASON, "Needs met"));
        journeys.runDueJobs();
        Task plan = only(referral, PlacementReferralProcess.TASK_WRITE_PLACEMENT_PLAN);
        check(plan, List.of("social-workers"), users, cells);
        check(only(referral, PlacementReferralProcess.TASK_SEND_NOTIFICATIONS), List.of("social-workers"), users, cells);

        // the approval task at each tier of the approvalLevel decision, each on a real referral whose chosen home's
        // commitment and area give that tier (a referral's steps act only on their own instance, so none is started mid-way)
        Map<String, Task> approvals = new LinkedHashMap<>();
        approvals.put("team-managers", approvalFor(journeys.inHouse(northshire, NS, PlacementType.FOSTER, 450, NeedCode.SELF_HARM), 4));
        approvals.put("heads-of-service", approvalFor(journeys.inHouse(northshire, "westdale", PlacementType.CHILDRENS_HOME, 500,
                NeedCode.SELF_HARM), 4));
        approvals.put("assistant-directors", approvalFor(journeys.inHouse(northshire, NS, PlacementType.CHILDRENS_HOME, 10_000,
                NeedCode.SELF_HARM), 4));
        approvals.put("directors", approvalFor(journeys.inHouse(northshire, NS, PlacementType.CHILDRENS_HOME, 10_001, NeedCode.SELF_HARM), 20));
        for (Map.Entry<String, Task> tier : approvals.entrySet()) {
            check(tier.getValue(), List.of(tier.getKey()), users, cells);
        }
        // every other referral task, reached on real referrals: the carer's review of a child moving on,
        // more information asked at triage, the approver's question, and the required-by date passed
        Long current = placements.placementsOf(child.getId()).get(0).getId();
        Referral moving = journeys.refer(child, "PLANNED", PlacementType.FOSTER, 4, current, NeedCode.PHYSICAL_DISABILITY);
        check(only(instance(moving), PlacementReferralProcess.TASK_CARER_REVIEW), expectedGroups(PlacementReferralProcess.TASK_CARER_REVIEW, own), users, cells);
        Referral unclear = journeys.refer(journeys.child(northshire, 9), "PLANNED", PlacementType.FOSTER, 4, null, NeedCode.SELF_HARM);
        taskService.complete(only(instance(unclear), PlacementReferralProcess.TASK_TRIAGE).getId(),
                Map.of(PlacementReferralProcess.TRIAGE_OUTCOME, "MORE_INFORMATION", PlacementReferralProcess.TRIAGE_NOTES, "Which school?"));
        check(only(instance(unclear), PlacementReferralProcess.TASK_PROVIDE_MORE_INFORMATION), expectedGroups(PlacementReferralProcess.TASK_PROVIDE_MORE_INFORMATION, own), users, cells);
        Task returned = approvals.get("team-managers");
        taskService.complete(returned.getId(), Map.of(PlacementReferralProcess.APPROVAL_DECISION, "RETURN", PlacementReferralProcess.APPROVAL_REASON, "Which school will she attend?"));
        check(only(instanceOf(returned), PlacementReferralProcess.TASK_ANSWER_APPROVER), expectedGroups(PlacementReferralProcess.TASK_ANSWER_APPROVER, own), users, cells);
        var requiredBy = managementService.createJobQuery().processInstanceId(unclear.getProcessInstanceId())
                .activityId(PlacementReferralProcess.TIMER_REQUIRED_BY).singleResult();
        managementService.executeJob(requiredBy.getId());
        journeys.runDueJobsOf(unclear.getProcessInstanceId());
        check(only(instance(unclear), PlacementReferralProcess.TASK_REVIEW_OVERDUE_REFERRAL), expectedGroups(PlacementReferralProcess.TASK_REVIEW_OVERDUE_REFERRAL, own), users, cells);

        // the IRO's reviews and the contract monitoring of the placement, started by it
        ProcessInstance reviews = runtimeService.createProcessInstanceQuery().processDefinitionKey(IroReviewProcess.KEY)
                .processInstanceBusinessKey("CHILD-" + child.getId()).singleResult();
        Long placementId = placements.placementsOf(child.getId()).get(0).getId();
        ProcessInstance monitoring = runtimeService.createProcessInstanceQuery().processDefinitionKey(ContractMonitoringProcess.KEY)
                .processInstanceBusinessKey("PLACEMENT-" + placementId).singleResult();
        journeys.runDueJobsOf(reviews.getId(), monitoring.getId());
        Map<String, Object> reviewVariables = runtimeService.getVariables(reviews.getId());
        Map<String, Object> monitoringVariables = runtimeService.getVariables(monitoring.getId());
        // the action-plan tasks show the plan they are about: a real one, as a rating opens it
        ActionPlan concern = new ActionPlan((Long) monitoringVariables.get("providerId"), (Long) monitoringVariables.get("roundId"),
                ActionPlan.Source.CONTRACT_MONITORING, "Authorization matrix: a concern", java.time.Instant.now());
        monitoringVariables.put("actionPlanId", actionPlans.open(concern, LocalDate.now().plusMonths(1)).getId());
        monitoringVariables.put("actionPlanDeadline", uk.gov.placements.monitoring.ActionPlanService.timerDate(concern));
        for (String key : TASKS.keySet()) {
            String process = TASKS.get(key).process();
            Map<String, Object> vars = process.equals(IroReviewProcess.KEY) ? reviewVariables : process.equals(ContractMonitoringProcess.KEY) ? monitoringVariables : null;
            if (vars != null && !DISPUTE_TASKS.contains(key)) {
                check(startBefore(key, vars, process.equals(IroReviewProcess.KEY) ? reviews.getBusinessKey() : monitoring.getBusinessKey()),
                        expectedGroups(key, own), users, cells);
            }
        }

        // a real dispute: a review held with concerns, each tier answering in turn (the tier read from the dispute's
        // record), the IRO deciding on each answer, and the referral to Cafcass
        Task hold = startBefore(IroReviewProcess.TASK_HOLD_REVIEW, reviewVariables, reviews.getBusinessKey());
        taskService.complete(hold.getId(), Map.of("reviewDecisions", "Placement to continue", IroReviewProcess.REVIEW_OUTCOME, "CONCERNS",
                IroReviewProcess.CONCERNS, "Therapy has not started"));
        ProcessInstance disputed = instanceOf(hold);
        for (String tier : Roles.APPROVAL_TIERS) {
            Task answer = only(disputed, IroReviewProcess.TASK_ANSWER_CONCERN);
            check(answer, List.of(tier), users, cells);
            taskService.complete(answer.getId(), Map.of(IroReviewProcess.DISPUTE_ANSWER, "The answer of " + tier));
            Task decide = only(disputed, IroReviewProcess.TASK_DECIDE_ON_ANSWER);
            if (tier.equals(Roles.TEAM_MANAGERS)) {
                check(decide, expectedGroups(IroReviewProcess.TASK_DECIDE_ON_ANSWER, own), users, cells);
            }
            taskService.complete(decide.getId(), Map.of(IroReviewProcess.DISPUTE_DECISION, tier.equals(Roles.DIRECTORS) ? "REFER_TO_CAFCASS" : "ESCALATE",
                    IroReviewProcess.DISPUTE_DECISION_REASON, "Not yet resolved"));
        }
        check(only(disputed, IroReviewProcess.TASK_REFER_TO_CAFCASS), expectedGroups(IroReviewProcess.TASK_REFER_TO_CAFCASS, own), users, cells);

        // accreditation of the provider: the shared register, no council's
        ProcessInstance accreditationInstance = accreditation.start(own.getId());
        Map<String, Object> accreditationVariables = runtimeService.getVariables(accreditationInstance.getId());
        Long accreditationId = ((Number) accreditationVariables.get("accreditationId")).longValue();
        accreditationVariables.put("actionPlanId", actionPlans.openForConditions(own.getId(), accreditationId,
                "Authorization matrix: conditions").getId());
        for (String key : List.of(ProviderAccreditationProcess.TASK_COMPLETE_FORM_A, ProviderAccreditationProcess.TASK_REVIEW_FORM_A, ProviderAccreditationProcess.TASK_COMPLETE_FORM_B, ProviderAccreditationProcess.TASK_COMPLETE_FORM_C, ProviderAccreditationProcess.TASK_CONFIRM_ACCREDITATION,
                ProviderAccreditationProcess.TASK_SET_CONDITIONS_DEADLINE)) {
            Task t = startBefore(key, accreditationVariables, accreditationInstance.getBusinessKey());
            assertThat(t.getTenantId()).as(key + " belongs to no council").isNull();
            check(t, expectedGroups(key, own), users, cells);
        }

        // the home of the journey's placement rated inadequate: the child's social worker reviews the placement's safety
        ofstedRatings.rateByHand(own.getId(), home.getId(), new OfstedRatings.HandRating("INADEQUATE", LocalDate.now(), "Ofsted's report"));
        check(taskService.createTaskQuery().processDefinitionKey(PlacementSafetyReviewProcess.KEY).processInstanceBusinessKey("PLACEMENT-" + placementId)
                .singleResult(), expectedGroups(PlacementSafetyReviewProcess.TASK_REVIEW_PLACEMENT_SAFETY, own), users, cells);

        // every user task of the spec and the BPMN was checked
        // (the approval on the journey and again at each tier, and the dispute's answer at each tier)
        int checked = TASKS.size() + Roles.APPROVAL_TIERS.size() + 1 + Roles.APPROVAL_TIERS.size() - 1;
        assertThat(cells.get("allowed") + cells.get("refused")).isEqualTo(users.size() * checked);
        ReliabilityFigures.record("Authorization matrix, user tasks", "%d tasks × %d users: %d allowed, %d refused, 0 wrong (%d requests)",
                checked, users.size(), cells.get("allowed"), cells.get("refused"), requests);
    }

    /** One row of the API matrix: a request and, for each user, the status the spec's rules give. */
    record Row(HttpMethod method, String url, Object body, java.util.function.Function<User, Integer> expected) {
    }

    static boolean staff(User u) {
        return Roles.STAFF.stream().anyMatch(u::in);
    }

    /** Who reads a council's reports: its managers (the consortium's commissioner reads figures, not children). */
    static boolean reader(User u) {
        return anyOf(u, "commissioning-managers", "heads-of-service", "assistant-directors", "directors");
    }

    static boolean anyOf(User u, String... groups) {
        return java.util.Arrays.stream(groups).anyMatch(u::in);
    }

    /** Staff of Northshire see its child (200); everybody else is told it is not there (404). */
    static int northshireOnly(User u) {
        return staff(u) && NS.equals(u.council()) ? 200 : 404;
    }

    @Test
    void shouldAnswerEveryApiEndpointForEachGroupAsTheSpecSays() throws Exception {
        Provider own = providerService.create(new ProviderService.NewProvider("Matrix API Homes", "INDEPENDENT", "PRIVATE", null, "SC700701", "GOOD"));
        providerService.addUser(own.getId(), new ProviderService.NewProviderUser("matrix-api-provider", "Mo", "Api", "api@matrix.example.org",
                MATRIX_PASSWORD));
        List<User> users = users(own, "matrix-api-provider");
        Journeys.Council northshire = new Journeys.Council(NS, 53.80, -1.55);
        Child child = journeys.child(northshire, 11);
        Child noReviews = journeys.child(northshire, 11);
        Referral r = journeys.refer(child, "PLANNED", PlacementType.FOSTER, 4, null);
        String from = LocalDate.now().minusMonths(1).toString();
        String to = LocalDate.now().toString();
        long c = child.getId();
        long p = own.getId();
        long home = journeys.service(own, NS, PlacementType.CHILDRENS_HOME, 4000, 3, 53.80, -1.55).getId();
        // a Northshire home of the council's own, far from every search: its vacancies are Northshire's to keep
        Provider northshireOwn = providerFixtures.save(new Provider("Matrix in-house homes", uk.gov.placements.provider.ProviderKind.IN_HOUSE,
                Provider.Sector.PUBLIC, NS, null, OfstedRating.GOOD, clock.instant()));
        Journeys.Council far = journeys.newCouncil();
        long inHouseHome = journeys.service(northshireOwn, NS, PlacementType.FOSTER, 450, 2, far.lat(), far.lon()).getId();
        Placement placed = placementFixtures.save(PlacementFixtures.of(null, c, NS, PlacementType.FOSTER, LocalDate.now().minusDays(10))
                .at(null, own.getId(), false, java.math.BigDecimal.valueOf(900), 2.0, "NS1 1AA", "NS1 2BB", "SC700701")
                .codes("U4", "PR4", null).approval("tm1", "team-managers", java.time.Instant.now(), "matrix").planDue(LocalDate.now()));
        List<Row> rows = List.of(
                new Row(HttpMethod.PUT, "/api/children/" + c + "/legal-status", Map.of(),
                        u -> !anyOf(u, "social-workers", "team-managers") ? 403 : NS.equals(u.council()) ? 400 : 404),
                new Row(HttpMethod.PUT, "/api/children/" + c + "/ssda903", Map.of("ethnicity", "NOT_A_CODE"),
                        u -> !anyOf(u, "social-workers", "team-managers") ? 403 : NS.equals(u.council()) ? 400 : 404),
                new Row(HttpMethod.POST, "/api/placements/" + placed.getId() + "/missing-episodes", Map.of(),
                        u -> u.id().equals("matrix-api-provider") || NS.equals(u.council()) && anyOf(u, "social-workers", "team-managers") ? 400 : 404),
                new Row(HttpMethod.GET, "/api/children/" + c, null, AuthorizationMatrixTest::northshireOnly),
                new Row(HttpMethod.POST, "/api/children", Map.of(), u -> u.in("social-workers") ? 400 : 403),
                new Row(HttpMethod.GET, "/api/children/" + c + "/reviews", null, AuthorizationMatrixTest::northshireOnly),
                new Row(HttpMethod.GET, "/api/children/" + c + "/disputes", null, AuthorizationMatrixTest::northshireOnly),
                new Row(HttpMethod.GET, "/api/children/" + c + "/matching-record", null, AuthorizationMatrixTest::northshireOnly),
                new Row(HttpMethod.POST, "/api/children/" + noReviews.getId() + "/left-care", null,
                        u -> !anyOf(u, "social-workers", "iros", "team-managers") ? 403 : NS.equals(u.council()) ? 409 : 404),
                new Row(HttpMethod.GET, "/api/referrals/" + r.getId(), null, AuthorizationMatrixTest::northshireOnly),
                new Row(HttpMethod.GET, "/api/referrals/" + r.getId() + "/options", null, AuthorizationMatrixTest::northshireOnly),
                new Row(HttpMethod.GET, "/api/referrals/" + r.getId() + "/decisions", null, AuthorizationMatrixTest::northshireOnly),
                new Row(HttpMethod.GET, "/api/referrals/" + r.getId() + "/timeline", null, AuthorizationMatrixTest::northshireOnly),
                new Row(HttpMethod.GET, "/api/cases/referrals/" + r.getId(), null, AuthorizationMatrixTest::northshireOnly),
                new Row(HttpMethod.GET, "/api/cases/children/" + c, null, AuthorizationMatrixTest::northshireOnly),
                new Row(HttpMethod.GET, "/api/cases/processes/" + r.getProcessInstanceId(), null, AuthorizationMatrixTest::northshireOnly),
                new Row(HttpMethod.GET, "/api/session", null, u -> 200),
                new Row(HttpMethod.GET, "/api/labels", null, u -> 200),
                new Row(HttpMethod.POST, "/api/referrals", Map.of(), u -> u.in("social-workers") ? 400 : 403),
                new Row(HttpMethod.GET, "/api/placements?childId=" + c, null, AuthorizationMatrixTest::northshireOnly),
                new Row(HttpMethod.POST, "/api/providers", Map.of(), u -> anyOf(u, "contracts-officers", "commissioning-managers", "placements-team") ? 400 : 403),
                new Row(HttpMethod.POST, "/api/providers/999999999/accreditations", null,
                        u -> anyOf(u, "contracts-officers", "commissioning-managers") ? 404 : 403),
                new Row(HttpMethod.POST, "/api/providers/" + p + "/services", Map.of(),
                        u -> anyOf(u, "contracts-officers", "commissioning-managers", "placements-team") ? 400 : 403),
                new Row(HttpMethod.POST, "/api/providers/" + p + "/users", Map.of(), u -> anyOf(u, "contracts-officers", "commissioning-managers") ? 400 : 403),
                // where referrals go when no one signs in for the provider, and the providers nobody can reach: the register's keepers
                new Row(HttpMethod.PUT, "/api/providers/" + p + "/referral-email", Map.of("referralEmail", "not an address"),
                        u -> anyOf(u, "contracts-officers", "commissioning-managers") ? 400 : 403),
                new Row(HttpMethod.GET, "/api/providers/unreachable", null, u -> anyOf(u, "contracts-officers", "commissioning-managers") ? 200 : 403),
                // a home's rating by hand (a worse judgement Ofsted published before its next list): the register's keepers only
                new Row(HttpMethod.PUT, "/api/providers/" + p + "/services/" + home + "/ofsted-rating", Map.of(),
                        u -> anyOf(u, "contracts-officers", "commissioning-managers") ? 400 : 403),
                // live vacancies: a provider's own staff for its homes (another provider's answered as missing); for a council's
                // own homes its placements team and commissioning managers (another council's answered as missing)
                new Row(HttpMethod.PUT, "/api/providers/" + p + "/services/" + home + "/vacancies", Map.of(),
                        u -> u.id().equals("matrix-api-provider") ? 400 : u.in("providers") ? 404 : 403),
                new Row(HttpMethod.PUT, "/api/providers/" + northshireOwn.getId() + "/services/" + inHouseHome + "/vacancies", Map.of(),
                        u -> u.in("providers") ? 404 : !anyOf(u, "placements-team", "commissioning-managers") ? 403 : NS.equals(u.council()) ? 400 : 404),
                new Row(HttpMethod.GET, "/api/providers/vacancies", null,
                        u -> anyOf(u, "providers", "placements-team", "commissioning-managers") ? 200 : 403),
                new Row(HttpMethod.GET, "/api/providers/search?placementType=FOSTER&age=10&latitude=53.8&longitude=-1.55&maxMiles=20", null,
                        u -> staff(u) ? 200 : 403),
                new Row(HttpMethod.GET, "/api/providers/search?placementType=FOSTER&age=10&postcode=LS1&maxMiles=20", null,
                        u -> staff(u) ? 200 : 403),
                // where a postcode's district is: reference data, for anyone signed in
                new Row(HttpMethod.GET, "/api/postcodes/LS1", null, u -> 200),
                new Row(HttpMethod.GET, "/api/providers/" + p + "/history", null, u -> staff(u) ? 200 : 403),
                new Row(HttpMethod.POST, "/api/providers/" + p + "/suspension", Map.of(), u -> u.in("commissioning-managers") ? 400 : 403),
                // a reader of another council is answered as for a council that does not exist (400 naming the field)
                new Row(HttpMethod.GET, "/api/reports/sufficiency?council=northshire&from=" + from + "&to=" + to, null,
                        u -> u.in("consortium-commissioners") || reader(u) && NS.equals(u.council()) ? 200 : reader(u) ? 400 : 403),
                new Row(HttpMethod.POST, "/api/tasks/no-such-task/complete", Map.of(), u -> 404));
        int cells = 0;
        for (Row row : rows) {
            ResponseEntity<String> anonymous = http.exchange(row.url(), row.method(), new HttpEntity<>(row.body()), String.class);
            assertThat(anonymous.getStatusCode().value()).as(row.method() + " " + row.url() + " without credentials").isEqualTo(401);
            for (User u : users) {
                ResponseEntity<String> answer = call(u, row.method(), row.url(), row.body());
                assertThat(answer.getStatusCode().value()).as(row.method() + " " + row.url() + " × " + u.id() + ": " + answer.getBody())
                        .isEqualTo(row.expected().apply(u));
                cells++;
            }
        }
        // the CSV import and the report's CSV, which take other media types
        for (User u : users) {
            HttpHeaders csv = new HttpHeaders();
            csv.setBasicAuth(u.id(), u.password());
            csv.setContentType(MediaType.valueOf("text/csv"));
            assertThat(http.exchange("/api/providers/ofsted-import", HttpMethod.POST, new HttpEntity<>("not,the,register\n", csv), String.class).getStatusCode().value())
                    .as("import × " + u.id()).isEqualTo(u.in("commissioning-managers") ? 400 : 403);
            HttpHeaders accept = new HttpHeaders();
            accept.setBasicAuth(u.id(), u.password());
            accept.setAccept(List.of(MediaType.valueOf("text/csv")));
            assertThat(http.exchange("/api/reports/ssda903?council=northshire&from=" + from + "&to=" + to, HttpMethod.GET, new HttpEntity<>(accept),
                    String.class).getStatusCode().value()).as("ssda903 × " + u.id())
                    .as("child-level: the council's own readers only, never the consortium's commissioner")
                    .isEqualTo(reader(u) && NS.equals(u.council()) ? 200 : reader(u) ? 400 : 403);
            assertThat(http.exchange("/api/reports/ssda903/episodes?council=northshire&year=2026", HttpMethod.GET, new HttpEntity<>(accept),
                    String.class).getStatusCode().value()).as("ssda903 return × " + u.id())
                    .isEqualTo(u.in("commissioning-managers") ? NS.equals(u.council()) ? 200 : 400 : 403);
            cells += 3;
        }
        // the children list names only the caller's own council's children
        for (User u : users) {
            boolean listed = false;
            for (JsonNode listedChild : json.readTree(call(u, HttpMethod.GET, "/api/children", null).getBody())) {
                listed |= listedChild.get("id").asLong() == c;
            }
            assertThat(listed).as(u.id() + " lists the Northshire child").isEqualTo(northshireOnly(u) == 200);
            cells++;
        }
        ReliabilityFigures.record("Authorization matrix, API", "%d endpoints × %d users: %d cells as expected, 401 for each without credentials",
                rows.size() + 4, users.size(), cells);
    }

    static List<String> expectedGroups(String taskKey, Provider own) {
        return java.util.Arrays.stream(TASKS.get(taskKey).groups()).map(g -> g.equals("provider") ? own.candidateGroup() : g).toList();
    }

    @Test
    void shouldRefuseAWebappLoginOrChangeWithoutTheCsrfToken() {
        String login = "/camunda/api/admin/auth/user/default/login/tasklist";
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", "sw1");
        form.add("password", "demo");
        HttpHeaders noToken = new HttpHeaders();
        noToken.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> refused = http.exchange(login, HttpMethod.POST, new HttpEntity<>(form, noToken), String.class);
        assertThat(refused.getStatusCode().value()).as("login without the CSRF token").isEqualTo(403);
        assertThat(refused.getHeaders().getFirst("X-XSRF-TOKEN")).isEqualTo("Required");

        // the webapp hands out its token with the first page, bound to the session: with both, the login goes through
        ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        String token = page.getHeaders().getFirst("X-XSRF-TOKEN");
        assertThat(token).isNotBlank();
        String cookies = String.join("; ", page.getHeaders().get(HttpHeaders.SET_COOKIE).stream().map(c -> c.split(";", 2)[0]).toList());
        HttpHeaders withToken = new HttpHeaders();
        withToken.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        withToken.add("X-XSRF-TOKEN", token);
        withToken.add(HttpHeaders.COOKIE, cookies);
        assertThat(http.exchange(login, HttpMethod.POST, new HttpEntity<>(form, withToken), String.class).getStatusCode().value()).isEqualTo(200);
        // and the same session with a forged token is refused
        withToken.set("X-XSRF-TOKEN", "forged");
        assertThat(http.exchange(login, HttpMethod.POST, new HttpEntity<>(form, withToken), String.class).getStatusCode().value()).isEqualTo(403);
    }
}
