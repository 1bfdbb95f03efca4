package uk.gov.placements.accreditation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.placements.accreditation.ProviderAccreditationProcess.*;

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
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.monitoring.ActionPlan;
import uk.gov.placements.monitoring.ActionPlanRepository;
import uk.gov.placements.provider.AccreditationStatus;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.provider.Provider;
import uk.gov.placements.provider.ProviderRepository;

/** Every path of providerAccreditation: each REFUSED cause, each condition, clean accreditation, Form A sent back, and its timers. */
@IntegrationTest
class ProviderAccreditationProcessTest {
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired Journeys journeys;
    @Autowired AccreditationService service;
    @Autowired ProviderRepository providers;
    @Autowired ActionPlanRepository actionPlans;
    @Autowired uk.gov.placements.provider.CareServiceRepository homes;
    @Autowired uk.gov.placements.tasks.TaskDisplay display;

    Provider provider;
    CareService home;
    String urn;
    ProcessInstance pi;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        Journeys.Council c = journeys.newCouncil();
        CareService created = journeys.independent(c, c.id(), PlacementType.CHILDRENS_HOME, 4000, OfstedRating.GOOD);
        // the home as Ofsted registers it: its own URN, rated good
        urn = String.format("SC%06d", 600000 + created.getId() % 400000);
        created.registeredWithOfsted(urn).rated(OfstedRating.GOOD, LocalDate.now().minusMonths(3));
        home = homes.save(created);
        provider = home.getProvider();
        provider.accredit(AccreditationStatus.NOT_ACCREDITED, null);
        providers.save(provider);
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
        a.put("ofstedRating", rating);
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
                "safeguardingScore", "4", "educationHealthScore", "3", "criticalConcern", String.valueOf(critical)));
        b.put("unverifiedClaims", unverified);
        return b;
    }

    static Map<String, Object> formC(boolean spoke, boolean critical) {
        return Map.of("atmosphereScore", "3", "interactionScore", "4", "childrenViewsScore", "3", "complaintsScore", "3",
                "spokeToChildren", String.valueOf(spoke), "criticalConcern", String.valueOf(critical), "visitNotes", "Calm house");
    }

    /** Ofsted's register rates the home so, and Form A says the same. */
    String outcomeOf(String rating, Map<String, Object> b, Map<String, Object> c) {
        registerRates(rating);
        return outcomeOf(formA(rating), b, c);
    }

    void registerRates(String rating) {
        CareService h = homes.findById(home.getId()).orElseThrow();
        h.rated(OfstedRating.valueOf(rating), LocalDate.now().minusMonths(1));
        homes.save(h);
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
        return (String) runtimeService.getVariable(pi.getId(), ACCREDITATION_OUTCOME);
    }

    @Test
    void shouldAccreditACleanProviderForTwelveMonthsAndStartReaccreditationThen() {
        assertThat(taskService.getIdentityLinksForTask(task(TASK_COMPLETE_FORM_A).getId())).extracting(l -> l.getGroupId())
                .containsExactly("provider-" + provider.getId());
        assertThat(pi.getTenantId()).as("the register is the consortium's, not one council's").isNull();
        assertThat(outcomeOf("GOOD", formB(3, false, List.of()), formC(true, false))).isEqualTo("ACCREDITED");
        taskService.complete(task(TASK_CONFIRM_ACCREDITATION).getId(), Map.of(ACCREDITATION_CONFIRMED, "true"));
        Provider p = providers.findById(provider.getId()).orElseThrow();
        assertThat(p.getAccreditationStatus()).isEqualTo(AccreditationStatus.ACCREDITED);
        assertThat(p.getAccreditationExpiry()).isEqualTo(LocalDate.now().plusMonths(12));
        assertThat(p.getOfstedUrn()).as("Form A's claim never becomes the register's").isEqualTo("SC200002");
        assertThat(p.getOfstedRating()).isEqualTo(OfstedRating.GOOD);
        assertThat(pi).isWaitingAt(TIMER_ACCREDITATION_EXPIRES);
        Job expiry = managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(expiry.getDuedate()).isEqualTo(java.util.Date.from(LocalDate.now().plusMonths(12).atStartOfDay()
                .atZone(java.time.ZoneId.of("Europe/London")).toInstant()));
        managementService.executeJob(expiry.getId());
        journeys.runDueJobsOf(pi.getId());
        assertThat(pi).isEnded().hasPassed(TASK_START_REACCREDITATION);
        assertThat(providers.findById(provider.getId()).orElseThrow().getAccreditationStatus()).isEqualTo(AccreditationStatus.EXPIRED);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).variableValueEquals(PROVIDER_ID, provider.getId())
                .active().list()).hasSize(1);
    }

    @Test
    void shouldRefuseForInadequateOfstedCriticalConcernOrNoChildrenSpokenTo() {
        assertThat(outcomeOf("INADEQUATE", formB(3, false, List.of()), formC(true, false))).isEqualTo("REFUSED");
        taskService.complete(task(TASK_CONFIRM_ACCREDITATION).getId(), Map.of(ACCREDITATION_CONFIRMED, true));
        assertThat(pi).isEnded().hasPassed("EndEvent_NotAccredited");
        assertThat(providers.findById(provider.getId()).orElseThrow().getAccreditationStatus()).isEqualTo(AccreditationStatus.REFUSED);

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
        assertThat(providers.findById(provider.getId()).orElseThrow().getAccreditationStatus())
                .isEqualTo(AccreditationStatus.ACCREDITED_WITH_CONDITIONS);
        assertThat(actionPlans.findByProviderIdOrderByIdAsc(provider.getId())).extracting(ActionPlan::getSource, ActionPlan::getConcern)
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
        assertThat(providers.findById(provider.getId()).orElseThrow().getOfstedRating()).as("the claimed outstanding is not the register's")
                .isEqualTo(OfstedRating.GOOD);
        assertThat(homes.findById(home.getId()).orElseThrow().getOfstedRating()).isEqualTo(OfstedRating.GOOD);
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
