package uk.gov.placements.accreditation;



import uk.gov.placements.audit.DecisionFixtures;
import uk.gov.placements.common.UkTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.placements.accreditation.ProviderAccreditationProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.PreviousRelease;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.monitoring.ActionPlan;
import uk.gov.placements.monitoring.ActionPlanFixtures;
import uk.gov.placements.monitoring.ActionPlanService;
import uk.gov.placements.monitoring.ActionPlanSteps;
import uk.gov.placements.provider.ServiceMatcher;
import uk.gov.placements.provider.AccreditationStatus;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.provider.Provider;
import uk.gov.placements.provider.ProviderFixtures;
import uk.gov.placements.provider.ProviderService;

/** Every path of providerAccreditation: each REFUSED cause, each condition, clean accreditation, Form A sent back, and its timers. */
@IntegrationTest
class ProviderAccreditationProcessTest {
    @Autowired ProcessEngine engine;
    @Autowired Clock clock;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;
    @Autowired DecisionFixtures decisions;
    @Autowired Journeys journeys;
    @Autowired AccreditationService service;
    @Autowired ProviderService providerService;
    @Autowired ProviderFixtures providerFixtures;
    @Autowired ActionPlanFixtures actionPlans;
    @Autowired ActionPlanService actionPlanService;
    @Autowired uk.gov.placements.tasks.TaskDisplay display;

    @Autowired ServiceMatcher matcher;
    Journeys.Council council;
    Provider provider;
    CareService home;
    String urn;
    ProcessInstance pi;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        Journeys.Council c = journeys.newCouncil();
        council = c;
        CareService created = journeys.independent(c, c.id(), PlacementType.CHILDRENS_HOME, 4000, OfstedRating.GOOD);
        // the home as Ofsted registers it: its own URN, rated good
        urn = String.format("SC%06d", 600000 + created.getId() % 400000);
        home = providerFixtures.registered(created, urn, OfstedRating.GOOD, LocalDate.now().minusMonths(3));
        provider = home.getProvider();
        providerFixtures.accredited(provider, AccreditationStatus.NOT_ACCREDITED, null);
        pi = service.start(provider.getId());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    Task task(String key) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }

    Map<String, Object> formA(String rating) {
        return formA(urn, rating);
    }

    Map<String, Object> formA(String claimedUrn, String rating) {
        Map<String, Object> a = new HashMap<>();
        a.put("servicesDescription", "Two children's homes for teenagers");
        a.put("ofstedUrn", claimedUrn);
        a.put(OFSTED_RATING, rating);
        a.put("ofstedRatingDate", "2025-10-01");
        a.put("placementTypes", List.of("CHILDRENS_HOME"));
        a.put("minAge", 11);
        a.put("maxAge", 17);
        a.put("places", 6);
        a.put("locations", "Leeds, Wakefield");
        a.put("specialisms", List.of("SELF_HARM", "GOING_MISSING"));
        a.put("staffing", "Ratio 1:2, two waking night staff");
        a.put("standardWeeklyFee", 4800.0);
        a.put("safeguardingPolicy", true);
        a.put("missingPolicy", true);
        a.put("complaintsPolicy", true);
        return a;
    }

    static Map<String, Object> formB(int lowest, boolean critical, List<String> unverified) {
        Map<String, Object> b = new HashMap<>(Map.of("registrationScore", "3", "staffingScore", String.valueOf(lowest), "healthSafetyScore", "3",
                "safeguardingScore", "4", "educationHealthScore", "3", CRITICAL_CONCERN, String.valueOf(critical)));
        b.put("unverifiedClaims", unverified);
        return b;
    }

    static Map<String, Object> formC(boolean spoke, boolean critical) {
        return Map.of("atmosphereScore", "3", "interactionScore", "4", "childrenViewsScore", "3", "complaintsScore", "3",
                SPOKE_TO_CHILDREN, String.valueOf(spoke), CRITICAL_CONCERN, String.valueOf(critical), "visitNotes", "Calm house");
    }

    /** Ofsted's register rates the home so, and Form A says the same. */
    String outcomeOf(String rating, Map<String, Object> b, Map<String, Object> c) {
        registerRates(rating);
        return outcomeOf(formA(rating), b, c);
    }

    void registerRates(String rating) {
        providerFixtures.rated(home.getId(), OfstedRating.valueOf(rating), LocalDate.now().minusMonths(1));
    }

    /** Form A in, reviewed complete, both visits done: the proposed outcome awaits confirmation. */
    String outcomeOf(Map<String, Object> a, Map<String, Object> b, Map<String, Object> c) {
        taskService.complete(task(TASK_COMPLETE_FORM_A).getId(), a);
        taskService.complete(task(TASK_REVIEW_FORM_A).getId(), Map.of(FORM_A_COMPLETE, true));
        assertThat(pi).isWaitingAt(TASK_COMPLETE_FORM_B, TASK_COMPLETE_FORM_C);
        taskService.complete(task(TASK_COMPLETE_FORM_B).getId(), b);
        taskService.complete(task(TASK_COMPLETE_FORM_C).getId(), c);
        journeys.runDueJobsOf(pi.getId());
        assertThat(pi).hasPassed(TASK_SUMMARISE_VISITS, TASK_DECIDE_OUTCOME).isWaitingAt(TASK_CONFIRM_ACCREDITATION);
        String outcome = (String) runtimeService.getVariable(pi.getId(), ACCREDITATION_OUTCOME);
        assertThat(service.accreditation(((Number) runtimeService.getVariable(pi.getId(), ACCREDITATION_ID)).longValue()).getOutcome())
                .as("the decided outcome is on the accreditation's record, proposed").isEqualTo(outcome);
        return outcome;
    }

    static void clock(java.time.LocalDateTime ukTime) {
        ClockUtil.setCurrentTime(ukDate(ukTime));
    }

    static java.util.Date ukDate(java.time.LocalDateTime ukTime) {
        return java.util.Date.from(ukTime.atZone(java.time.ZoneId.of("Europe/London")).toInstant());
    }

    Job timer(String activityId) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    }

    boolean searchable() {
        var criteria = new ServiceMatcher.Criteria(PlacementType.CHILDRENS_HOME, 14, 1, java.util.Set.of(), java.util.Set.of(),
                council.lat(), council.lon(), 20.0);
        return matcher.independent(criteria).stream().anyMatch(m -> m.service().getId().equals(home.getId()));
    }

    AccreditationStatus status() {
        return providerService.get(provider.getId()).getAccreditationStatus();
    }

    @Test
    void shouldStartReaccreditation90DaysBeforeExpiryKeepingTheProviderAccreditedAndLapseItAtExpiryIfNotConfirmed() {
        assertThat(taskService.getIdentityLinksForTask(task(TASK_COMPLETE_FORM_A).getId())).extracting(l -> l.getGroupId())
                .containsExactly("provider-" + provider.getId());
        assertThat(pi.getTenantId()).as("the register is the consortium's, not one council's").isNull();
        assertThat(outcomeOf("GOOD", formB(3, false, List.of()), formC(true, false))).isEqualTo("ACCREDITED");
        taskService.complete(task(TASK_CONFIRM_ACCREDITATION).getId(), Map.of(ACCREDITATION_CONFIRMED, "true"));
        Provider p = providerService.get(provider.getId());
        LocalDate expiry = LocalDate.now().plusMonths(12);
        assertThat(p.getAccreditationStatus()).isEqualTo(AccreditationStatus.ACCREDITED);
        assertThat(p.getAccreditationExpiry()).isEqualTo(expiry);
        assertThat(p.getOfstedUrn()).as("Form A's claim never becomes the register's").isEqualTo("SC200002");
        assertThat(p.getOfstedRating()).isEqualTo(OfstedRating.GOOD);
        assertThat(pi).hasNotPassed(TASK_SET_CONDITIONS_DEADLINE).isWaitingAt(TIMER_REACCREDITATION_DUE);
        assertThat(timer(TIMER_REACCREDITATION_DUE).getDuedate()).isEqualTo(ukDate(expiry.minusDays(90).atStartOfDay()));

        // 90 days before expiry: the renewal starts, and the provider stays accredited and in every search meanwhile
        clock(expiry.minusDays(90).atTime(0, 30));
        journeys.runDueJobsOf(pi.getId());
        assertThat(pi).hasPassed(TASK_START_REACCREDITATION).isWaitingAt(TIMER_ACCREDITATION_EXPIRES);
        assertThat(timer(TIMER_ACCREDITATION_EXPIRES).getDuedate()).isEqualTo(ukDate(expiry.atStartOfDay()));
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).variableValueEquals(PROVIDER_ID, provider.getId())
                .active().list()).hasSize(2);
        assertThat(status()).isEqualTo(AccreditationStatus.ACCREDITED);
        assertThat(searchable()).isTrue();
        clock(expiry.minusDays(1).atTime(16, 0));
        journeys.runDueJobsOf(pi.getId());
        assertThat(status()).isEqualTo(AccreditationStatus.ACCREDITED);
        assertThat(searchable()).isTrue();

        // the expiry date, the renewal not confirmed: the provider lapses and drops out of searches
        clock(expiry.atTime(0, 30));
        journeys.runDueJobsOf(pi.getId());
        assertThat(pi).isEnded().hasPassed(TASK_LAPSE_UNLESS_RENEWED, "EndEvent_AccreditationLapsed");
        assertThat(status()).isEqualTo(AccreditationStatus.EXPIRED);
        assertThat(searchable()).isFalse();
    }

    /**
     * An accreditation started before this release keeps that model: it waits until the expiry date itself, then starts
     * re-accreditation and ends, with no step of its own to lapse the provider. It lapses there, as that model meant.
     */
    @Test
    void shouldLapseAnInstanceOfThePreviousReleaseAtExpiryRecordingTheDecision() {
        // the instance setUp started is of this release: the same accreditation is started again on the previous one
        Object accreditationId = runtimeService.getVariable(pi.getId(), ACCREDITATION_ID);
        runtimeService.deleteProcessInstance(pi.getId(), "started again on the previous release's model");
        try (PreviousRelease previous = PreviousRelease.deploy(repositoryService, "providerAccreditation.bpmn")) {
            pi = runtimeService.startProcessInstanceById(previous.definitionId(KEY), pi.getBusinessKey(),
                    Map.of(PROVIDER_ID, provider.getId(), ACCREDITATION_ID, accreditationId));
            assertThat(outcomeOf("GOOD", formB(3, false, List.of()), formC(true, false))).isEqualTo("ACCREDITED");
            taskService.complete(task(TASK_CONFIRM_ACCREDITATION).getId(), Map.of(ACCREDITATION_CONFIRMED, "true"));
            LocalDate expiry = LocalDate.now().plusMonths(12);
            assertThat(pi).isWaitingAt(TIMER_ACCREDITATION_EXPIRES);
            assertThat(timer(TIMER_ACCREDITATION_EXPIRES).getDuedate()).isEqualTo(ukDate(expiry.atStartOfDay()));
            clock(expiry.minusDays(1).atTime(16, 0));
            journeys.runDueJobsOf(pi.getId());
            assertThat(status()).isEqualTo(AccreditationStatus.ACCREDITED);

            // the expiry date: the old model starts the renewal and ends, and the provider lapses on the way
            clock(expiry.atTime(0, 30));
            journeys.runDueJobsOf(pi.getId());
            assertThat(pi).isEnded().hasPassed(TASK_START_REACCREDITATION, "EndEvent_ReaccreditationStarted");
            assertThat(status()).isEqualTo(AccreditationStatus.EXPIRED);
            assertThat(searchable()).isFalse();
            assertThat(decisions.all()).filteredOn(d -> ("EXPIRED provider " + provider.getId()).equals(d.getOutcome()))
                    .singleElement().extracting(d -> d.getReason()).isEqualTo("Not re-accredited by the expiry date " + UkFormat.date(expiry));
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).variableValueEquals(PROVIDER_ID, provider.getId())
                    .active().count()).as("the renewal").isEqualTo(1);
        }
        String latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult().getId();
        assertThat((Object) repositoryService.getBpmnModelInstance(latest).getModelElementById(TASK_LAPSE_UNLESS_RENEWED)).as("the current model is the latest again")
                .isNotNull();
    }

    @Test
    void shouldRenewFromTheOldExpiryDateWhenConfirmedBeforeItAndNotLapse() {
        outcomeOf("GOOD", formB(3, false, List.of()), formC(true, false));
        taskService.complete(task(TASK_CONFIRM_ACCREDITATION).getId(), Map.of(ACCREDITATION_CONFIRMED, "true"));
        LocalDate expiry = LocalDate.now().plusMonths(12);
        ProcessInstance first = pi;
        clock(expiry.minusDays(90).atTime(0, 30));
        journeys.runDueJobsOf(first.getId());
        pi = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).variableValueEquals(PROVIDER_ID, provider.getId())
                .active().list().stream().filter(i -> !i.getId().equals(first.getId())).findFirst().orElseThrow();
        // the renewal is confirmed 60 days before expiry: the new year runs from the old expiry date, not from today
        clock(expiry.minusDays(60).atTime(10, 0));
        assertThat(outcomeOf("GOOD", formB(3, false, List.of()), formC(true, false))).isEqualTo("ACCREDITED");
        taskService.complete(task(TASK_CONFIRM_ACCREDITATION).getId(), Map.of(ACCREDITATION_CONFIRMED, "true"));
        assertThat(providerService.get(provider.getId()).getAccreditationExpiry()).isEqualTo(expiry.plusMonths(12));
        assertThat(timer(TIMER_REACCREDITATION_DUE).getDuedate()).isEqualTo(ukDate(expiry.plusMonths(12).minusDays(90).atStartOfDay()));

        // the old expiry date passes: nothing lapses
        clock(expiry.atTime(0, 30));
        journeys.runDueJobsOf(first.getId());
        assertThat(first).isEnded().hasPassed("EndEvent_AccreditationRenewed").hasNotPassed("EndEvent_AccreditationLapsed");
        assertThat(status()).isEqualTo(AccreditationStatus.ACCREDITED);
        assertThat(searchable()).isTrue();
    }

    /** Accredited with conditions (a visit score below 2): the contracts officer's deadline for them is set. */
    ActionPlan conditionsWithDeadline(LocalDate deadline) {
        assertThat(outcomeOf("GOOD", formB(1, false, List.of()), formC(true, false))).isEqualTo("ACCREDITED_WITH_CONDITIONS");
        taskService.complete(task(TASK_CONFIRM_ACCREDITATION).getId(), Map.of(ACCREDITATION_CONFIRMED, true));
        assertThat(pi).isWaitingAt(TASK_SET_CONDITIONS_DEADLINE);
        Task set = task(TASK_SET_CONDITIONS_DEADLINE);
        assertThat(taskService.getIdentityLinksForTask(set.getId())).extracting(l -> l.getGroupId()).containsExactly("contracts-officers");
        assertThat(display.text(set.getId(), "actionPlanSummary")).contains("Accredited with conditions: a visit score below 2");
        assertThatThrownBy(() -> taskService.complete(set.getId(), Map.of(ActionPlanSteps.ACTION_PLAN_DEADLINE,
                UkTime.today(clock).plusMonths(3).plusDays(1).toString())))
                .hasMessageContaining("actionPlanDeadline must be within 3 months");
        taskService.complete(set.getId(), Map.of(ActionPlanSteps.ACTION_PLAN_DEADLINE, deadline.toString()));
        assertThat(pi).isWaitingAt(TASK_RESPOND_WITH_ACTION_PLAN);
        assertThat(taskService.getIdentityLinksForTask(task(TASK_RESPOND_WITH_ACTION_PLAN).getId())).extracting(l -> l.getGroupId())
                .containsExactly("provider-" + provider.getId());
        ActionPlan plan = actionPlans.ofProvider(provider.getId()).get(0);
        assertThat(plan.getSource()).isEqualTo(ActionPlan.Source.ACCREDITATION);
        assertThat(plan.getAccreditationId()).isEqualTo(((Number) runtimeService.getVariable(pi.getId(), ACCREDITATION_ID)).longValue());
        assertThat(plan.getDeadline()).isEqualTo(deadline);
        return plan;
    }

    @Test
    void shouldFollowAccreditationConditionsAsAnActionPlanSilenceUnresolvedExtendedThenResolved() {
        clock(java.time.LocalDateTime.of(2027, 3, 1, 10, 0));
        ActionPlan plan = conditionsWithDeadline(LocalDate.of(2027, 4, 30));
        // the provider is silent at the deadline: unresolved, and the commissioning managers decide
        clock(java.time.LocalDateTime.of(2027, 4, 30, 17, 30));
        journeys.runDueJobsOf(pi.getId());
        assertThat(pi).hasPassed(ActionPlanSteps.TASK_RECORD_NO_ACTION_PLAN).isWaitingAt(TASK_DECIDE_UNRESOLVED);
        assertThat(actionPlanService.plan(plan.getId()).getNotAnsweredBy()).isEqualTo(LocalDate.of(2027, 4, 30));
        Task decide = task(TASK_DECIDE_UNRESOLVED);
        assertThat(taskService.getIdentityLinksForTask(decide.getId())).extracting(l -> l.getGroupId()).containsExactly("commissioning-managers");
        taskService.complete(decide.getId(), Map.of(ActionPlanSteps.ACTION_PLAN_DECISION, "EXTEND", "newDeadline", "2027-06-15",
                "decisionReason", "Training booked for May"));
        taskService.complete(task(TASK_RESPOND_WITH_ACTION_PLAN).getId(), Map.of("actions", "Staff trained; new night rota"));
        assertThat(pi).isWaitingAt(TIMER_ACTION_PLAN_DEADLINE);
        clock(java.time.LocalDateTime.of(2027, 6, 15, 17, 30));
        journeys.runDueJobsOf(pi.getId());
        taskService.complete(task(TASK_CHECK_ACTION_PLAN).getId(), Map.of(ActionPlanSteps.ACTION_PLAN_RESOLVED, true, "checkNotes", "Rota seen on a visit"));
        assertThat(pi).isWaitingAt(TIMER_REACCREDITATION_DUE).hasNotPassed(TASK_SUSPEND_PROVIDER);
        ActionPlan followed = actionPlanService.plan(plan.getId());
        assertThat(followed.getStatus()).isEqualTo(ActionPlan.Status.RESOLVED);
        assertThat(followed.getDecision()).isEqualTo(ActionPlan.Decision.EXTEND);
        assertThat(followed.getDecisionReason()).isEqualTo("Training booked for May");
        assertThat(status()).isEqualTo(AccreditationStatus.ACCREDITED_WITH_CONDITIONS);
    }

    @Test
    void shouldSuspendAProviderWhoseConditionsAreNotMetWhenCommissioningManagersSaySo() {
        clock(java.time.LocalDateTime.of(2027, 3, 1, 10, 0));
        conditionsWithDeadline(LocalDate.of(2027, 4, 30));
        taskService.complete(task(TASK_RESPOND_WITH_ACTION_PLAN).getId(), Map.of("actions", "We will recruit"));
        clock(java.time.LocalDateTime.of(2027, 4, 30, 17, 30));
        journeys.runDueJobsOf(pi.getId());
        taskService.complete(task(TASK_CHECK_ACTION_PLAN).getId(), Map.of(ActionPlanSteps.ACTION_PLAN_RESOLVED, false, "checkNotes", "Nobody recruited"));
        taskService.complete(task(TASK_DECIDE_UNRESOLVED).getId(), Map.of(ActionPlanSteps.ACTION_PLAN_DECISION, "SUSPEND",
                "decisionReason", "Staffing still unsafe"));
        journeys.runDueJobsOf(pi.getId());
        assertThat(pi).hasPassed(TASK_SUSPEND_PROVIDER).isWaitingAt(TIMER_REACCREDITATION_DUE);
        Provider suspended = providerService.get(provider.getId());
        assertThat(suspended.isSuspended()).isTrue();
        assertThat(suspended.getSuspendedReason()).startsWith("Accreditation conditions not resolved by 30/04/2027").contains("; suspended by ")
                .as("the reasons stay in the suspension's decision record").doesNotContain("Staffing still unsafe");
    }

    @Test
    void shouldRefuseForInadequateOfstedCriticalConcernOrNoChildrenSpokenTo() {
        assertThat(outcomeOf("INADEQUATE", formB(3, false, List.of()), formC(true, false))).isEqualTo("REFUSED");
        taskService.complete(task(TASK_CONFIRM_ACCREDITATION).getId(), Map.of(ACCREDITATION_CONFIRMED, true));
        assertThat(pi).isEnded().hasPassed("EndEvent_NotAccredited");
        assertThat(providerService.get(provider.getId()).getAccreditationStatus()).isEqualTo(AccreditationStatus.REFUSED);

        pi = service.start(provider.getId());
        assertThat(outcomeOf("GOOD", formB(3, true, List.of()), formC(true, false))).isEqualTo("REFUSED");
        pi = service.start(provider.getId());
        assertThat(outcomeOf("GOOD", formB(3, false, List.of()), formC(true, true))).isEqualTo("REFUSED");
        pi = service.start(provider.getId());
        assertThat(outcomeOf("OUTSTANDING", formB(4, false, List.of()), formC(false, false))).isEqualTo("REFUSED");
    }

    @Test
    void shouldAccreditWithConditionsForALowScoreADiscrepancyOrOfstedRequiresImprovement() {
        assertThat(outcomeOf("GOOD", formB(1, false, List.of()), formC(true, false))).isEqualTo("ACCREDITED_WITH_CONDITIONS");
        taskService.complete(task(TASK_CONFIRM_ACCREDITATION).getId(), Map.of(ACCREDITATION_CONFIRMED, true));
        assertThat(providerService.get(provider.getId()).getAccreditationStatus())
                .isEqualTo(AccreditationStatus.ACCREDITED_WITH_CONDITIONS);
        assertThat(pi).isWaitingAt(TASK_SET_CONDITIONS_DEADLINE);
        assertThat(actionPlans.ofProvider(provider.getId())).extracting(ActionPlan::getSource, ActionPlan::getConcern)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ActionPlan.Source.ACCREDITATION,
                        "Accredited with conditions: a visit score below 2"));

        pi = service.start(provider.getId());
        String claim = "Staffing: Ratio 1:2, two waking night staff";
        assertThat(outcomeOf("GOOD", formB(3, false, List.of(claim)), formC(true, false))).isEqualTo("ACCREDITED_WITH_CONDITIONS");
        Accreditation a = service.accreditation(((Number) runtimeService.getVariable(pi.getId(), ACCREDITATION_ID)).longValue());
        assertThat(a.getDiscrepancies()).isEqualTo("Not borne out: " + claim);
        pi = service.start(provider.getId());
        assertThat(outcomeOf("REQUIRES_IMPROVEMENT", formB(3, false, List.of()), formC(true, false))).isEqualTo("ACCREDITED_WITH_CONDITIONS");
    }

    @Test
    void shouldDecideOnTheRegistersRatingAndShowFormAsBetterClaimAsADiscrepancyInFormB() {
        registerRates("INADEQUATE");
        taskService.complete(task(TASK_COMPLETE_FORM_A).getId(), formA("GOOD"));
        taskService.complete(task(TASK_REVIEW_FORM_A).getId(), Map.of(FORM_A_COMPLETE, true));
        Task formB = task(TASK_COMPLETE_FORM_B);
        assertThat(display.text(formB.getId(), "ofstedRegisterDiscrepancies"))
                .isEqualTo("Form A claims Good for " + urn + "; Ofsted's register says Inadequate");
        assertThat(display.text(formB.getId(), "formASummary")).contains("Ofsted's register rates the provider **Inadequate**",
                "Discrepancies with Ofsted's register", "Form A claims Good for " + urn);
        assertThat(runtimeService.getVariables(pi.getId()).keySet()).as("a display value, never a process variable")
                .doesNotContain("ofstedRegisterDiscrepancies");
        taskService.complete(formB.getId(), formB(3, false, List.of()));
        taskService.complete(task(TASK_COMPLETE_FORM_C).getId(), formC(true, false));
        journeys.runDueJobsOf(pi.getId());
        assertThat(runtimeService.getVariable(pi.getId(), ACCREDITATION_OUTCOME)).as("decided on the register's inadequate, not the claimed good")
                .isEqualTo("REFUSED");
        assertThat(runtimeService.getVariable(pi.getId(), OFSTED_RATING)).isEqualTo("INADEQUATE");
        assertThat(display.text(task(TASK_CONFIRM_ACCREDITATION).getId(), "ofstedRegisterDiscrepancies")).contains("Form A claims Good");

        // a URN the register does not hold for this provider is a discrepancy too; the register's good decides
        pi = service.start(provider.getId());
        registerRates("GOOD");
        taskService.complete(task(TASK_COMPLETE_FORM_A).getId(), formA("SC654321", "OUTSTANDING"));
        taskService.complete(task(TASK_REVIEW_FORM_A).getId(), Map.of(FORM_A_COMPLETE, true));
        assertThat(display.text(task(TASK_COMPLETE_FORM_B).getId(), "ofstedRegisterDiscrepancies"))
                .contains("Ofsted URN SC654321 is not in the register for " + provider.getName());
        taskService.complete(task(TASK_COMPLETE_FORM_B).getId(), formB(3, false, List.of()));
        taskService.complete(task(TASK_COMPLETE_FORM_C).getId(), formC(true, false));
        journeys.runDueJobsOf(pi.getId());
        assertThat(runtimeService.getVariable(pi.getId(), OFSTED_RATING)).isEqualTo("GOOD");
        assertThat(runtimeService.getVariable(pi.getId(), ACCREDITATION_OUTCOME)).isEqualTo("ACCREDITED");
        taskService.complete(task(TASK_CONFIRM_ACCREDITATION).getId(), Map.of(ACCREDITATION_CONFIRMED, true));
        assertThat(providerService.get(provider.getId()).getOfstedRating()).as("the claimed outstanding is not the register's")
                .isEqualTo(OfstedRating.GOOD);
        assertThat(providerService.home(home.getId()).getOfstedRating()).isEqualTo(OfstedRating.GOOD);
    }

    @Test
    void shouldSendAnIncompleteFormABackAndRefuseBadScores() {
        Map<String, Object> noUrn = formA("GOOD");
        noUrn.remove("ofstedUrn");
        assertThatThrownBy(() -> taskService.complete(task(TASK_COMPLETE_FORM_A).getId(), noUrn)).hasMessageContaining("ofstedUrn is required");
        taskService.complete(task(TASK_COMPLETE_FORM_A).getId(), formA("GOOD"));
        assertThatThrownBy(() -> taskService.complete(task(TASK_REVIEW_FORM_A).getId(), Map.of(FORM_A_COMPLETE, false)))
                .hasMessageContaining("reviewNotes is required");
        taskService.complete(task(TASK_REVIEW_FORM_A).getId(), Map.of(FORM_A_COMPLETE, false, "reviewNotes", "Add your night staffing"));
        assertThat(pi).isWaitingAt(TASK_COMPLETE_FORM_A);
        taskService.complete(task(TASK_COMPLETE_FORM_A).getId(), formA("GOOD"));
        taskService.complete(task(TASK_REVIEW_FORM_A).getId(), Map.of(FORM_A_COMPLETE, true));
        Map<String, Object> badScore = formB(3, false, List.of());
        badScore.put("safeguardingScore", "5");
        assertThatThrownBy(() -> taskService.complete(task(TASK_COMPLETE_FORM_B).getId(), badScore)).hasMessageContaining("safeguardingScore must be between 1 and 4");
        assertThat(pi).isWaitingAt(TASK_COMPLETE_FORM_B, TASK_COMPLETE_FORM_C);
    }

    @Test
    void shouldRemindTheProviderAfter14DaysAndCloseAfter28() {
        Job reminder = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(TIMER_FORM_A_REMINDER).singleResult();
        Job expiry = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(TIMER_FORM_A_EXPIRY).singleResult();
        long reminderDays = (reminder.getDuedate().getTime() - ClockUtil.getCurrentTime().getTime() + 60_000) / 86_400_000L;
        long expiryDays = (expiry.getDuedate().getTime() - ClockUtil.getCurrentTime().getTime() + 60_000) / 86_400_000L;
        assertThat(reminderDays).isEqualTo(14);
        assertThat(expiryDays).isEqualTo(28);
        managementService.executeJob(reminder.getId());
        journeys.runDueJobsOf(pi.getId());
        assertThat(pi).hasPassed(TASK_REMIND_PROVIDER).isWaitingAt(TASK_COMPLETE_FORM_A);
        managementService.executeJob(expiry.getId());
        journeys.runDueJobsOf(pi.getId());
        assertThat(pi).isEnded().hasPassed(TASK_RECORD_FORM_A_EXPIRED, "EndEvent_FormAExpired");
        assertThat(service.accreditation(((Number) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(ACCREDITATION_ID).singleResult().getValue()).longValue()).getStatus()).isEqualTo(Accreditation.Status.EXPIRED_UNANSWERED);
    }
}
