package uk.gov.placements.referral.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static uk.gov.placements.referral.search.PlacementSearchProcess.*;

import java.time.Duration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.referral.ReferralTimeline;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.calendar.WorkingDays;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.referral.PlacementReferralProcess;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.ReferralService;

/** The external part of placementSearch: targeted referrals, offers, declines, silence, deadlines and the procurement waiver. */
@IntegrationTest
class ExternalSearchProcessTest {
    @Autowired ProcessEngine engine;
    @Autowired uk.gov.placements.tasks.TaskDisplay taskDisplay;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired Journeys journeys;
    @Autowired ProviderReferralRepository providerReferrals;
    @Autowired PlacementOptionRepository options;
    @Autowired ReferralService referralService;
    @Autowired ReferralTimeline timeline;
    @Autowired uk.gov.placements.provider.ProviderService providerService;
    @Autowired org.springframework.boot.test.web.client.TestRestTemplate http;
    @Autowired WorkingDays workingDays;
    @Autowired Decisions decisionRecords;
    @Autowired ProviderReferralService answers;

    List<String> decisionsOf(Referral r) {
        return decisionRecords.ofReferral(r.getId()).stream().map(d -> d.getKind() + ":" + d.getOutcome()).toList();
    }

    Journeys.Council council;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        council = journeys.newCouncil();
    }

    /** Triage accepted and the in-house review done: the referral has gone out to providers. */
    ProcessInstance sent(Referral r) {
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceId(r.getProcessInstanceId()).singleResult();
        complete(task(pi), withVariables(PlacementReferralProcess.TRIAGE_OUTCOME, "ACCEPT"));
        journeys.runDueJobs();
        ProcessInstance search = calledProcessInstance(pi);
        complete(task(search), withVariables(RESTRICT_TO_IN_HOUSE, false));
        journeys.runDueJobs();
        return search;
    }

    List<Task> providerTasks(ProcessInstance search) {
        return taskService.createTaskQuery().processInstanceId(search.getId()).taskDefinitionKey(TASK_RESPOND_TO_REFERRAL).list();
    }

    Task taskOf(ProcessInstance search, CareService service) {
        return providerTasks(search).stream().filter(t -> taskService.getIdentityLinksForTask(t.getId()).stream()
                .anyMatch(l -> ("provider-" + service.getProvider().getId()).equals(l.getGroupId()))).findFirst().orElseThrow();
    }

    Map<String, Object> offer(double fee, LocalDate start) {
        Map<String, Object> v = new HashMap<>();
        v.put(RESPONSE, "OFFER");
        v.put(WEEKLY_FEE, fee);
        v.put(START_DATE, start.toString());
        v.put(NAMED_CARER_OR_HOME, "Rose Cottage, carers Mr and Mrs Lee");
        v.put(HOW_NEEDS_MET, "Experienced with autism; quiet home");
        return v;
    }

    @Test
    void shouldSendTheReferralOnlyToMatchingProvidersAndRankTheirOffersWithInHouse() {
        CareService inHouse = journeys.inHouse(council, council.id(), PlacementType.FOSTER, 450, NeedCode.AUTISM);
        CareService a = journeys.independent(council, council.id(), PlacementType.FOSTER, 900, OfstedRating.GOOD, NeedCode.AUTISM);
        CareService b = journeys.independent(council, council.id(), PlacementType.FOSTER, 950, OfstedRating.OUTSTANDING, NeedCode.AUTISM);
        CareService wrongNeeds = journeys.independent(council, council.id(), PlacementType.FOSTER, 700, OfstedRating.GOOD);
        Referral r = journeys.refer(journeys.child(council, 9), "URGENT", PlacementType.FOSTER, 8, null, NeedCode.AUTISM);
        ProcessInstance search = sent(r);

        assertThat(search).isWaitingAt(TASK_RESPOND_TO_REFERRAL);
        assertThat(providerTasks(search)).hasSize(2);
        assertThat(providerReferrals.findByReferralIdOrderByIdAsc(r.getId())).extracting(ProviderReferral::getProviderId)
                .containsExactlyInAnyOrder(a.getProvider().getId(), b.getProvider().getId()).doesNotContain(wrongNeeds.getProvider().getId());
        Task taskA = taskOf(search, a);
        assertThat(taskA.getName()).startsWith("Respond to referral — " + r.getReference());
        assertThat(taskDisplay.text(taskA.getId(), "referralSummary")).doesNotContain("Ting").doesNotContain("TE1 1ST");

        complete(taskA, offer(880, LocalDate.now().plusDays(2)));
        // the answer is recorded at once and its deadline is gone; the provider's scope ends in the job after it
        assertThat(providerReferrals.findByReferralIdOrderByIdAsc(r.getId())).filteredOn(p -> p.getProviderId().equals(a.getProvider().getId()))
                .extracting(ProviderReferral::getStatus).containsExactly(ProviderReferral.Status.OFFERED);
        assertThat(managementService.createJobQuery().processInstanceId(search.getId()).activityId(TIMER_RESPONSE_DEADLINE).count()).isEqualTo(1);
        assertThat(managementService.createJobQuery().processInstanceId(search.getId()).activityId(TASK_RESPOND_TO_REFERRAL).count()).isEqualTo(1);
        complete(taskOf(search, b), offer(1000, LocalDate.now()));
        journeys.runDueJobs();
        assertThat(search).isEnded().hasPassed(TASK_RANK_OPTIONS).hasNotPassed(TASK_APPROVE_PROCUREMENT_WAIVER);
        // history keeps what each provider answered, not the engine's multi-instance counters, nor the answer's
        // fields as declared empty in each provider's scope before the provider fills them
        var history = engine.getHistoryService();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(search.getId()).variableName(RESPONSE).count()).isEqualTo(2);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(search.getId()).variableName(WEEKLY_FEE).list())
                .extracting(v -> ((Number) v.getValue()).doubleValue()).containsExactlyInAnyOrder(880.0, 1000.0);
        assertThat(history.createHistoricDetailQuery().processInstanceId(search.getId()).variableUpdates().list().stream()
                .map(d -> (org.camunda.bpm.engine.history.HistoricVariableUpdate) d).filter(d -> d.getVariableName().equals(RESPONSE)))
                .extracting(org.camunda.bpm.engine.history.HistoricVariableUpdate::getValue).containsExactly("OFFER", "OFFER");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(search.getId()).variableName(DECLINE_REASON).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(search.getId())
                .variableNameIn("loopCounter", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances").count()).isZero();
        assertThat(history.createHistoricDetailQuery().processInstanceId(search.getId()).variableUpdates().list())
                .extracting(d -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName())
                .contains(RESPONSE, WEEKLY_FEE).doesNotContain("loopCounter", "nrOfActiveInstances", "nrOfCompletedInstances");

        List<PlacementOption> ranked = options.findByReferralIdOrderByRankPositionAscIdAsc(r.getId());
        assertThat(ranked).hasSize(3);
        PlacementOption offerA = ranked.stream().filter(o -> o.getService().getId().equals(a.getId())).findFirst().orElseThrow();
        assertThat(offerA.getWeeklyFee()).isEqualByComparingTo("880");   // the offered fee, not the list fee
        assertThat(offerA.getStartDate()).isEqualTo(LocalDate.now().plusDays(2));
        assertThat(offerA.isWrittenOffer()).isTrue();
        // outstanding independent first; in-house ties with the good one and comes before it
        assertThat(ranked.get(0).getService().getId()).isEqualTo(b.getId());
        assertThat(ranked.get(1).getService().getId()).isEqualTo(inHouse.getId());
        assertThat(providerReferrals.findByReferralIdOrderByIdAsc(r.getId())).extracting(ProviderReferral::getStatus)
                .containsOnly(ProviderReferral.Status.OFFERED);
    }

    @Test
    void shouldTellTheReferralsStoryAndWhatItWaitsOnToTheCouncilAndOnlyTheirOwnOfferToAProvider() throws Exception {
        CareService a = journeys.independent(council, council.id(), PlacementType.FOSTER, 900, OfstedRating.GOOD, NeedCode.AUTISM);
        CareService b = journeys.independent(council, council.id(), PlacementType.FOSTER, 950, OfstedRating.GOOD, NeedCode.AUTISM);
        Referral r = journeys.refer(journeys.child(council, 9), "URGENT", PlacementType.FOSTER, 8, null, NeedCode.AUTISM);
        ProcessInstance search = sent(r);
        complete(taskOf(search, a), offer(880, LocalDate.now().plusDays(2)));
        journeys.runDueJobs();

        ReferralTimeline.Timeline t = timeline.of(referralService.get(r.getId()));
        assertThat(t.events()).extracting(ReferralTimeline.Event::kind).startsWith("SUBMITTED", "TRIAGE")
                .contains("PROVIDER_ASKED", "OFFER").doesNotContain("PROVIDER_RESPONSE");
        assertThat(t.events()).extracting(ReferralTimeline.Event::at).isSorted();
        assertThat(t.events()).filteredOn(e -> e.kind().equals("OFFER")).singleElement()
                .satisfies(e -> assertThat(e.what()).contains("£880.00 a week from " + UkFormat.date(LocalDate.now().plusDays(2))));
        // waiting on the provider that has not answered, by its deadline, as people read a date
        assertThat(t.waitingOn()).extracting(ReferralTimeline.Waiting::who).contains(b.getProvider().getName());
        assertThat(t.waitingOn()).allSatisfy(w -> assertThat(w.dueBy()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}"));

        // through the API: a provider sees its own offer only; another council's staff are told it is not there
        // (the provider's group is made with its first member of staff, by Journeys, as registering it through the API makes it)
        providerService.addUser(a.getProvider().getId(), new uk.gov.placements.provider.ProviderService.NewProviderUser("timeline-a", "Ann",
                "Provider", "ann@a.example.org", "timeline-password-1"));
        ResponseEntity<String> theirs = get("timeline-a", "timeline-password-1", "/api/referrals/" + r.getId() + "/timeline");
        assertThat(theirs.getStatusCode().value()).as(theirs.getBody()).isEqualTo(200);
        JsonNode seen = new ObjectMapper().readTree(theirs.getBody());
        assertThat(seen.get("events").findValuesAsText("kind")).containsExactly("PROVIDER_ASKED", "OFFER");
        assertThat(theirs.getBody()).doesNotContain(b.getProvider().getName()).doesNotContain("TRIAGE");
        ResponseEntity<String> other = get("sw1", "demo", "/api/referrals/" + r.getId() + "/timeline");
        ResponseEntity<String> none = get("sw1", "demo", "/api/referrals/999999999/timeline");
        assertThat(other.getStatusCode().value()).isEqualTo(404).isEqualTo(none.getStatusCode().value());
        assertThat(uk.gov.placements.common.BadInputs.idAsWord(other.getBody(), r.getId())).isEqualTo(none.getBody().replace("999999999", "ID"));
    }

    ResponseEntity<String> get(String user, String password, String url) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, password);
        return http.exchange(url, HttpMethod.GET, new HttpEntity<>(h), String.class);
    }

    @Test
    void shouldRecordDeclinesAndRefuseADeclineWithoutAReason() {
        CareService inHouse = journeys.inHouse(council, council.id(), PlacementType.CHILDRENS_HOME, 3000);
        CareService a = journeys.independent(council, council.id(), PlacementType.CHILDRENS_HOME, 5000, OfstedRating.GOOD);
        CareService b = journeys.independent(council, council.id(), PlacementType.CHILDRENS_HOME, 5200, OfstedRating.GOOD);
        Referral r = journeys.refer(journeys.child(council, 14), "PLANNED", PlacementType.CHILDRENS_HOME, 12, null);
        ProcessInstance search = sent(r);
        Task taskA = taskOf(search, a);
        assertThatThrownBy(() -> complete(taskA, withVariables(RESPONSE, "DECLINE"))).hasMessageContaining("declineReason is required");
        assertThatThrownBy(() -> complete(taskA, withVariables(RESPONSE, "MAYBE"))).hasMessageContaining("response must be OFFER or DECLINE");
        assertThat(providerTasks(search)).hasSize(2);
        complete(taskA, withVariables(RESPONSE, "DECLINE", DECLINE_REASON, "NO_VACANCY"));
        complete(taskOf(search, b), withVariables(RESPONSE, "DECLINE", DECLINE_REASON, "MATCHING_RISK", DECLINE_DETAILS, "Two boys with CSE risk"));
        journeys.runDueJobs();
        assertThat(search).isEnded();
        assertThat(options.findByReferralIdOrderByRankPositionAscIdAsc(r.getId())).extracting(o -> o.getService().getId())
                .containsExactly(inHouse.getId());
        assertThat(providerReferrals.findByReferralIdOrderByIdAsc(r.getId())).extracting(ProviderReferral::getDeclineReason)
                .containsExactlyInAnyOrder("NO_VACANCY", "MATCHING_RISK");
        // the declines are in history as given (the refused attempts left nothing); the offer's fields, never filled, are not
        var history = engine.getHistoryService();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(search.getId()).variableName(DECLINE_REASON).list())
                .extracting(v -> v.getValue()).containsExactlyInAnyOrder("NO_VACANCY", "MATCHING_RISK");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(search.getId()).variableName(WEEKLY_FEE).count()).isZero();
    }

    @Test
    void shouldRefuseAnInvalidOfferAndKeepTheTaskOpen() {
        CareService a = journeys.independent(council, council.id(), PlacementType.FOSTER, 900, OfstedRating.GOOD);
        Referral r = journeys.refer(journeys.child(council, 9), "PLANNED", PlacementType.FOSTER, 8, null);
        ProcessInstance search = sent(r);
        Task t = taskOf(search, a);
        Map<String, Object> noFee = offer(900, LocalDate.now());
        noFee.remove(WEEKLY_FEE);
        assertThatThrownBy(() -> complete(t, noFee)).hasMessageContaining("weeklyFee is required");
        assertThatThrownBy(() -> complete(t, offer(-5, LocalDate.now()))).hasMessageContaining("weeklyFee must be more than zero");
        assertThatThrownBy(() -> complete(t, offer(900, LocalDate.now().minusDays(1)))).hasMessageContaining("startDate must not be before today");
        assertThatThrownBy(() -> complete(t, offer(900, r.getRequiredBy().plusDays(1)))).hasMessageContaining("startDate must be on or before");
        assertThat(providerTasks(search)).extracting(Task::getId).containsExactly(t.getId());
        assertThat(providerReferrals.findByReferralIdOrderByIdAsc(r.getId()).get(0).getStatus()).isEqualTo(ProviderReferral.Status.SENT);
        assertThat(options.findByReferralIdOrderByRankPositionAscIdAsc(r.getId())).isEmpty();
    }

    @Test
    void shouldRefuseAnotherProvidersStaffBeforeReadingTheirAnswer() {
        CareService a = journeys.independent(council, council.id(), PlacementType.FOSTER, 900, OfstedRating.GOOD);
        CareService b = journeys.independent(council, council.id(), PlacementType.FOSTER, 950, OfstedRating.GOOD);
        Referral r = journeys.refer(journeys.child(council, 9), "PLANNED", PlacementType.FOSTER, 8, null);
        sent(r);
        ProviderReferral toA = providerReferrals.findByReferralIdOrderByIdAsc(r.getId()).stream()
                .filter(pr -> pr.getService().getId().equals(a.getId())).findFirst().orElseThrow();
        var identity = engine.getIdentityService();
        identity.setAuthentication("staff-of-b", List.of("provider-" + b.getProvider().getId()));
        try {
            assertThatThrownBy(() -> answers.answerTask(r.getId(), toA.getId(), () -> {
                throw new AssertionError("the form was read for someone not allowed to answer");
            }, null)).isInstanceOf(uk.gov.placements.common.ForbiddenException.class)
                    .hasMessageContaining("Only staff of the provider this referral was sent to may answer it");
            identity.setAuthentication("staff-of-a", List.of("provider-" + a.getProvider().getId()));
            answers.answerTask(r.getId(), toA.getId(), () -> new ProviderReferralService.Answer("DECLINE", null, null, null, null, "NO_VACANCY", null),
                    null);
        } finally {
            identity.clearAuthentication();
        }
        assertThat(providerReferrals.findById(toA.getId()).orElseThrow().getDeclineReason()).isEqualTo("NO_VACANCY");
    }

    @Test
    void shouldRecordSilenceWhenTheDeadlinePassesAndCloseTheTask() {
        journeys.inHouse(council, council.id(), PlacementType.FOSTER, 450);
        CareService a = journeys.independent(council, council.id(), PlacementType.FOSTER, 900, OfstedRating.GOOD);
        Referral r = journeys.refer(journeys.child(council, 9), "EMERGENCY", PlacementType.FOSTER, 2, null);
        ProcessInstance search = sent(r);
        ProviderReferral pr = providerReferrals.findByReferralIdOrderByIdAsc(r.getId()).get(0);
        assertThat(Duration.between(pr.getSentAt(), pr.getDeadline())).isEqualTo(Duration.ofHours(4));
        Task t = taskOf(search, a);
        assertThat(t.getDueDate().toInstant()).isEqualTo(pr.getDeadline());
        Job timer = managementService.createJobQuery().processInstanceId(search.getId()).timers()
                .activityId(TIMER_RESPONSE_DEADLINE).singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(pr.getDeadline());
        managementService.executeJob(timer.getId());
        journeys.runDueJobs();
        assertThat(search).isEnded().hasPassed(TASK_RECORD_NO_RESPONSE);
        assertThat(taskService.createTaskQuery().taskId(t.getId()).count()).isZero();
        assertThat(providerReferrals.findById(pr.getId()).orElseThrow().getStatus()).isEqualTo(ProviderReferral.Status.NO_RESPONSE);
        assertThat(decisionsOf(r)).anyMatch(d -> d.startsWith("PROVIDER_RESPONSE:NO_RESPONSE"));
    }

    @Test
    void shouldGivePlannedReferralsFiveWorkingDaysAndUrgentOnesADay() {
        journeys.independent(council, council.id(), PlacementType.FOSTER, 900, OfstedRating.GOOD);
        Referral planned = journeys.refer(journeys.child(council, 9), "PLANNED", PlacementType.FOSTER, 2, null);
        sent(planned);
        ProviderReferral pr = providerReferrals.findByReferralIdOrderByIdAsc(planned.getId()).get(0);
        var zone = java.time.ZoneId.of("Europe/London");
        assertThat(pr.getDeadline().atZone(zone).toLocalDate()).isEqualTo(workingDays.plus(pr.getSentAt().atZone(zone).toLocalDate(), 5));
        Referral urgent = journeys.refer(journeys.child(council, 9), "URGENT", PlacementType.FOSTER, 2, null);
        sent(urgent);
        ProviderReferral ur = providerReferrals.findByReferralIdOrderByIdAsc(urgent.getId()).get(0);
        assertThat(Duration.between(ur.getSentAt(), ur.getDeadline())).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void shouldAskHeadsOfServiceForAWaiverWithOneOfferAbove10000() {
        CareService a = journeys.independent(council, council.id(), PlacementType.CHILDRENS_HOME, 5000, OfstedRating.GOOD);
        Referral r = journeys.refer(journeys.child(council, 14), "PLANNED", PlacementType.CHILDRENS_HOME, 4, null);
        ProcessInstance search = sent(r);
        complete(taskOf(search, a), offer(5000, LocalDate.now()));
        journeys.runDueJobs();
        assertThat(search).isWaitingAt(TASK_APPROVE_PROCUREMENT_WAIVER);   // 5,000 x 4 = 20,000 with one offer
        Task waiver = task(search);
        assertThat(taskService.getIdentityLinksForTask(waiver.getId())).extracting(l -> l.getGroupId()).containsExactly("heads-of-service");
        assertThatThrownBy(() -> complete(waiver, withVariables(WAIVER_APPROVED, true))).hasMessageContaining("waiverReason is required");
        complete(waiver, withVariables(WAIVER_APPROVED, "true", WAIVER_REASON, "Only home able to meet needs in time"));
        journeys.runDueJobs();
        assertThat(search).isEnded();
        assertThat(referralService.get(r.getId()).getWaiverApproved()).isTrue();
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceId(r.getProcessInstanceId()).singleResult();
        PlacementOption only = options.findByReferralIdOrderByRankPositionAscIdAsc(r.getId()).get(0);
        complete(task(pi), withVariables(PlacementReferralProcess.SELECTED_OPTION_ID, only.getId()));
        assertThat(pi).isWaitingAt(PlacementReferralProcess.TASK_APPROVE_PLACEMENT);
    }

    /** One offer of £10,000 or more and its waiver refused by heads of service: the search is done. */
    ProcessInstance searchWithRefusedWaiver(Referral r, CareService offering) {
        ProcessInstance search = sent(r);
        complete(taskOf(search, offering), offer(5000, LocalDate.now()));
        journeys.runDueJobs();
        // the register is shared by the whole test run: a home another test left within reach of this council declines,
        // so that this one offer is the only written offer, as the case needs
        providerTasks(search).forEach(t -> complete(t, withVariables(RESPONSE, "DECLINE", DECLINE_REASON, "NO_VACANCY")));
        journeys.runDueJobs();
        complete(taskService.createTaskQuery().processInstanceId(search.getId()).taskDefinitionKey(TASK_APPROVE_PROCUREMENT_WAIVER).singleResult(),
                withVariables(WAIVER_APPROVED, false, WAIVER_REASON, "Seek a second offer first"));
        journeys.runDueJobs();
        return search;
    }

    @Test
    void shouldWithdrawTheOfferWhenTheWaiverIsRefused() {
        CareService inHouse = journeys.inHouse(council, council.id(), PlacementType.CHILDRENS_HOME, 3000);
        CareService a = journeys.independent(council, council.id(), PlacementType.CHILDRENS_HOME, 5000, OfstedRating.OUTSTANDING);
        Referral r = journeys.refer(journeys.child(council, 14), "PLANNED", PlacementType.CHILDRENS_HOME, 4, null);
        ProcessInstance search = searchWithRefusedWaiver(r, a);
        List<PlacementOption> all = options.findByReferralIdOrderByRankPositionAscIdAsc(r.getId());
        PlacementOption offer = all.stream().filter(PlacementOption::isWrittenOffer).findFirst().orElseThrow();
        assertThat(offer.isSuitable()).isFalse();
        assertThat(offer.getRankPosition()).isNull();
        assertThat(all.stream().filter(o -> o.getRankPosition() != null)).extracting(o -> o.getService().getId())
                .containsExactly(inHouse.getId());
    }

    @Test
    void shouldSearchAgainAfterARefusedWaiverKeepTheFirstRoundAndAskForTheWaiverAfresh() {
        CareService inHouse = journeys.inHouse(council, council.id(), PlacementType.CHILDRENS_HOME, 3000);
        CareService a = journeys.independent(council, council.id(), PlacementType.CHILDRENS_HOME, 5000, OfstedRating.OUTSTANDING);
        Referral r = journeys.refer(journeys.child(council, 14), "PLANNED", PlacementType.CHILDRENS_HOME, 4, null);
        ProcessInstance search = searchWithRefusedWaiver(r, a);
        List<PlacementOption> firstRound = options.findByReferralIdOrderByRankPositionAscIdAsc(r.getId());

        // none is right: the social worker asks for a new search, which must not fail on the first round's offers
        ProcessInstance referral = runtimeService.createProcessInstanceQuery().processInstanceId(r.getProcessInstanceId()).singleResult();
        complete(task(referral), withVariables(PlacementReferralProcess.SEARCH_AGAIN, true));
        journeys.runDueJobs();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(referral.getId()).count()).isZero();
        ProcessInstance again = runtimeService.createProcessInstanceQuery().superProcessInstanceId(referral.getId()).singleResult();
        assertThat(again.getId()).isNotEqualTo(search.getId());
        complete(task(again), withVariables(RESTRICT_TO_IN_HOUSE, false));
        journeys.runDueJobs();
        complete(taskOf(again, a), offer(4800, LocalDate.now()));
        providerTasks(again).forEach(t -> complete(t, withVariables(RESPONSE, "DECLINE", DECLINE_REASON, "NO_VACANCY")));
        journeys.runDueJobs();
        // the waiver is asked afresh: the refusal was for the first round's offer
        assertThat(again).isWaitingAt(TASK_APPROVE_PROCUREMENT_WAIVER);
        complete(task(again), withVariables(WAIVER_APPROVED, true, WAIVER_REASON, "The only home that can meet the need"));
        journeys.runDueJobs();
        List<PlacementOption> secondRound = options.findByReferralIdOrderByRankPositionAscIdAsc(r.getId());
        PlacementOption newOffer = secondRound.stream().filter(PlacementOption::isWrittenOffer).findFirst().orElseThrow();
        assertThat(newOffer.isSuitable()).isTrue();
        assertThat(newOffer.getSearchRound()).isEqualTo(2);
        assertThat(secondRound).extracting(PlacementOption::getId).doesNotContainAnyElementsOf(firstRound.stream().map(PlacementOption::getId).toList());
        // the first round is kept as the referral's history, with its refused offer
        assertThat(options.findByReferralIdOrderBySearchRoundAscIdAsc(r.getId())).extracting(PlacementOption::getSearchRound).contains(1, 2);
        assertThat(options.findById(firstRound.stream().filter(PlacementOption::isWrittenOffer).findFirst().orElseThrow().getId()))
                .hasValueSatisfying(o -> assertThat(o.isSuitable()).isFalse());
        complete(task(referral), withVariables(PlacementReferralProcess.SELECTED_OPTION_ID, newOffer.getId(),
                PlacementReferralProcess.SELECTION_REASON, "Independent home with the specialist staff"));
        journeys.runDueJobs();
        assertThat(referral).isWaitingAt(PlacementReferralProcess.TASK_APPROVE_PLACEMENT);
        assertThat(inHouse.getId()).isNotNull();
    }

    /**
     * Each decider sees the facts the decision rests on, as people read them: the provider its deadline; heads of service
     * the commitment and who never answered; the social worker every provider's answer and which option is top; the
     * approver the waiver (who, when, why), the offered start date, how the needs are met and who never answered; the
     * plan's writer the home.
     */
    @Test
    void shouldShowEachDeciderTheFactsOfTheCaseInUkFormats() throws Exception {
        CareService a = journeys.independent(council, council.id(), PlacementType.CHILDRENS_HOME, 5000, OfstedRating.GOOD);
        CareService silent = journeys.independent(council, council.id(), PlacementType.CHILDRENS_HOME, 5200, OfstedRating.GOOD);
        Referral r = journeys.refer(journeys.child(council, 14), "PLANNED", PlacementType.CHILDRENS_HOME, 4, null);
        ProcessInstance search = sent(r);
        ProviderReferral silentReferral = providerReferrals.findByReferralIdOrderByIdAsc(r.getId()).stream()
                .filter(pr -> pr.getProviderId().equals(silent.getProvider().getId())).findFirst().orElseThrow();
        String providerSummary = taskDisplay.text(taskOf(search, silent).getId(), "referralSummary");
        assertThat(providerSummary).contains("Please answer by " + UkFormat.dateTime(silentReferral.getDeadline()))
                .contains("needed by " + UkFormat.date(r.getRequiredBy())).contains("Children's home").contains("Planned")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        // the test homes' names carry their type's code; the summary's own words do not
        assertThat(providerSummary.lines().findFirst().orElseThrow()).doesNotContain("CHILDRENS_HOME", "PLANNED", "FEMALE");
        assertThat(UkFormat.dateTime(silentReferral.getDeadline())).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");

        LocalDate start = LocalDate.now().plusDays(3);
        Map<String, Object> answer = offer(5000, start);
        answer.put(HOW_NEEDS_MET, "Key worker trained in trauma-informed care");
        complete(taskOf(search, a), answer);
        // every other provider asked (this one, and any home another test left within reach) lets its deadline pass
        for (Job timer : managementService.createJobQuery().processInstanceId(search.getId()).timers().activityId(TIMER_RESPONSE_DEADLINE).list()) {
            managementService.executeJob(timer.getId());
        }
        journeys.runDueJobs();

        Task waiver = taskService.createTaskQuery().processInstanceId(search.getId()).taskDefinitionKey(TASK_APPROVE_PROCUREMENT_WAIVER)
                .singleResult();
        assertThat(taskDisplay.text(waiver.getId(), "commitmentSummary")).contains(a.getName())
                .contains("£5,000.00 × 4 = **£20,000.00**").contains("Written offers received: 1");
        assertThat(taskDisplay.text(waiver.getId(), "providerAnswers"))
                .contains(a.getProvider().getName() + " (" + a.getName() + "): offered £5,000.00 a week from " + UkFormat.date(start))
                .contains("trauma-informed care")
                .contains(silent.getProvider().getName() + " (" + silent.getName() + "): did not answer by " + UkFormat.dateTime(silentReferral.getDeadline()))
                .containsPattern("\\*\\*Never answered:\\*\\* .*" + java.util.regex.Pattern.quote(silent.getProvider().getName()));
        journeys.as("hos1", "heads-of-service", council.id(), () -> taskService.complete(waiver.getId(),
                Map.of(WAIVER_APPROVED, true, WAIVER_REASON, "Only home able to meet her needs in time")));
        journeys.runDueJobs();

        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceId(r.getProcessInstanceId()).singleResult();
        Task select = task(pi);
        PlacementOption top = options.findByReferralIdOrderByRankPositionAscIdAsc(r.getId()).stream()
                .filter(o -> Integer.valueOf(1).equals(o.getRankPosition())).findFirst().orElseThrow();
        assertThat(top.getService().getId()).isEqualTo(a.getId());
        assertThat(taskDisplay.text(select.getId(), "topOptionId")).isEqualTo(top.getId().toString());
        assertThat(taskDisplay.text(select.getId(), "providerAnswers")).contains("offered £5,000.00 a week from " + UkFormat.date(start))
                .contains("How it meets the needs: Key worker trained in trauma-informed care").contains("Never answered");
        assertThat(taskDisplay.text(select.getId(), "optionsExplained")).contains("**1. " + a.getName() + "**")
                .contains("Offer: £5,000.00 a week from " + UkFormat.date(start))
                .contains("How the provider will meet the needs: Key worker trained in trauma-informed care")
                // the home's figure now, which nobody has confirmed since the test registered it
                .contains("- Vacancies now: " + a.getVacancies() + " (never confirmed)");
        ObjectMapper json = new ObjectMapper();
        JsonNode rows = json.readTree(taskDisplay.text(select.getId(), "options"));
        assertThat(rows).isNotEmpty();
        rows.forEach(row -> {
            assertThat(row.fieldNames()).toIterable().containsExactly("rank", "home", "miles", "weeklyFee", "ofsted", "monitoring");
            assertThat(row.get("rank").asText()).matches("\\d+|Not ranked");
        });
        assertThat(rows.get(0).get("weeklyFee").asText()).isEqualTo("£5,000.00");
        assertThat(rows.get(0).get("ofsted").asText()).isEqualTo("Good");
        assertThat(rows.get(0).get("monitoring").asText()).isEqualTo("Not yet monitored");
        JsonNode choices = json.readTree(taskDisplay.text(select.getId(), "optionChoices"));
        assertThat(choices.get(0).get("label").asText()).startsWith("1. " + a.getName() + " — ").endsWith("£5,000.00 a week");
        assertThat(choices.get(0).get("value").asText()).isEqualTo(top.getId().toString());
        complete(select, withVariables(PlacementReferralProcess.SELECTED_OPTION_ID, top.getId().toString()));

        Task approval = task(pi);
        assertThat(approval.getTaskDefinitionKey()).isEqualTo(PlacementReferralProcess.TASK_APPROVE_PLACEMENT);
        assertThat(approval.getName()).contains("£5,000.00 a week");
        assertThat(taskDisplay.text(approval.getId(), "waiverSummary"))
                .containsPattern("waived by hos1 on \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}").contains("Only home able to meet her needs in time");
        assertThat(taskDisplay.text(approval.getId(), "selectedSummary")).contains("**Start date:** " + UkFormat.date(start))
                .contains("(offered by the provider)").contains("How the provider will meet the needs:** Key worker trained in trauma-informed care")
                .contains("£5,000.00 a week × 4 weeks = **£20,000.00** commitment").contains("Rose Cottage, carers Mr and Mrs Lee");
        assertThat(taskDisplay.text(approval.getId(), "providerAnswers")).contains("Never answered").contains(silent.getProvider().getName());
        assertThat(taskDisplay.text(approval.getId(), "referralSummary")).contains("needed by " + UkFormat.date(r.getRequiredBy()));
        String approvers = taskService.getIdentityLinksForTask(approval.getId()).stream().filter(l -> l.getGroupId() != null)
                .map(l -> l.getGroupId()).findFirst().orElseThrow();
        journeys.as("approver1", approvers, council.id(), () -> taskService.complete(approval.getId(),
                Map.of(PlacementReferralProcess.APPROVAL_DECISION, "APPROVE", PlacementReferralProcess.APPROVAL_REASON, "Meets her needs")));
        journeys.runDueJobs();

        Task plan = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(PlacementReferralProcess.TASK_WRITE_PLACEMENT_PLAN)
                .singleResult();
        assertThat(plan.getName()).containsPattern("due \\d{2}/\\d{2}/\\d{4}$");
        assertThat(taskDisplay.text(plan.getId(), "placementSummary")).contains("**The placement:** " + a.getName() + ", " + a.getProvider().getName())
                .contains("Children's home, starting " + UkFormat.date(start)).contains("£5,000.00 a week").contains("The plan is due by ");
    }

    @Test
    void shouldNotNeedAWaiverWithTwoOffers() {
        CareService a = journeys.independent(council, council.id(), PlacementType.CHILDRENS_HOME, 5000, OfstedRating.GOOD);
        CareService b = journeys.independent(council, council.id(), PlacementType.CHILDRENS_HOME, 5100, OfstedRating.GOOD);
        Referral r = journeys.refer(journeys.child(council, 14), "PLANNED", PlacementType.CHILDRENS_HOME, 4, null);
        ProcessInstance search = sent(r);
        complete(taskOf(search, a), offer(5000, LocalDate.now()));
        complete(taskOf(search, b), offer(5100, LocalDate.now()));
        journeys.runDueJobs();
        assertThat(search).isEnded().hasNotPassed(TASK_APPROVE_PROCUREMENT_WAIVER);
    }
}
