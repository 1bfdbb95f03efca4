package uk.gov.placements.referral;



import uk.gov.placements.audit.Decisions;
import uk.gov.placements.notification.Notifications;
import uk.gov.placements.placement.PlacementFixtures;
import uk.gov.placements.child.ChildFixtures;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.common.UkTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static uk.gov.placements.referral.PlacementReferralProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.child.Child;
import uk.gov.placements.common.BadInputs;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.calendar.WorkingDays;
import uk.gov.placements.iro.IroReviewProcess;
import uk.gov.placements.monitoring.ContractMonitoringProcess;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.placement.PlacementStatus;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.provider.ProviderFixtures;
import uk.gov.placements.referral.search.PlacementOption;
import uk.gov.placements.referral.search.SearchService;
import uk.gov.placements.referral.search.PlacementSearchProcess;

/** Every path of placementReferral (and the in-house part of placementSearch) on the real delegates and tables. */
@IntegrationTest
class PlacementReferralProcessTest {
    @Autowired ProcessEngine engine;
    @Autowired Clock clock;
    @Autowired uk.gov.placements.tasks.TaskDisplay taskDisplay;
    @Autowired RuntimeService runtimeService;
    @Autowired org.camunda.bpm.engine.HistoryService historyService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired Journeys journeys;
    @Autowired ReferralRepository referrals;
    @Autowired ChildService children;
    @Autowired PlacementService placements;
    @Autowired ProviderFixtures providerFixtures;
    @Autowired SearchService searchService;
    @Autowired Notifications notifications;
    @Autowired Decisions decisions;
    @Autowired ChildFixtures childFixtures;
    @Autowired PlacementFixtures placementFixtures;
    @Autowired WorkingDays workingDays;

    Journeys.Council council;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        council = journeys.newCouncil();
    }

    ProcessInstance instance(Referral r) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(r.getProcessInstanceId()).singleResult();
    }

    /** Triage accepted, in-house options reviewed (restricted or not), options ranked: waiting for the social worker's choice. */
    ProcessInstance toSelection(Referral r, boolean restrict) {
        ProcessInstance pi = instance(r);
        assertThat(pi).isWaitingAt(TASK_TRIAGE);
        complete(task(pi), withVariables(TRIAGE_OUTCOME, TRIAGE_ACCEPT));
        journeys.runDueJobs();
        ProcessInstance search = calledProcessInstance(pi);
        assertThat(search).isWaitingAt(PlacementSearchProcess.TASK_REVIEW_IN_HOUSE_OPTIONS);
        Map<String, Object> review = new HashMap<>();
        review.put(PlacementSearchProcess.RESTRICT_TO_IN_HOUSE, restrict);
        // an in-house carer is proposed for today (else the required-by date): the placements in these tests start now
        review.put(PlacementSearchProcess.PROPOSED_START_DATE, UkTime.today(clock).toString());
        if (restrict) {
            review.put(PlacementSearchProcess.RESTRICTION_REASON, "Sibling already with these carers");
        }
        complete(task(search), review);
        journeys.runDueJobs();
        journeys.offerAll(search);
        journeys.waiveIfAsked(search);
        assertThat(search).isEnded().hasPassed(PlacementSearchProcess.TASK_SEARCH_IN_HOUSE, PlacementSearchProcess.TASK_RANK_OPTIONS);
        assertThat(pi).isWaitingAt(TASK_SELECT_PLACEMENT);
        return pi;
    }

    PlacementOption option(Referral r, CareService service) {
        return searchService.optionsOf(r.getId()).stream()
                .filter(o -> o.getService().getId().equals(service.getId())).findFirst().orElseThrow();
    }

    void select(ProcessInstance pi, PlacementOption o, String reason) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(SELECTED_OPTION_ID, o.getId());
        if (reason != null) {
            vars.put(SELECTION_REASON, reason);
        }
        complete(task(pi), vars);
    }

    String approverOf(ProcessInstance pi) {
        assertThat(pi).isWaitingAt(TASK_APPROVE_PLACEMENT);
        return (String) runtimeService.getVariable(pi.getId(), APPROVER_GROUP);
    }

    void approve(ProcessInstance pi, String user, String group) {
        Task approval = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_APPROVE_PLACEMENT).singleResult();
        journeys.as(user, group, council.id(), () -> taskService.complete(approval.getId(), Map.of(APPROVAL_DECISION, APPROVE)));
        journeys.runDueJobs();
    }

    @Test
    void shouldPlaceChildWithInHouseCarerApprovedByTeamManager() {
        CareService carer = journeys.inHouse(council, council.id(), PlacementType.FOSTER, 450, NeedCode.EMOTIONAL_BEHAVIOURAL);
        Child child = journeys.child(council, 12);
        Referral r = journeys.refer(child, "PLANNED", PlacementType.FOSTER, 26, null, NeedCode.EMOTIONAL_BEHAVIOURAL);
        ProcessInstance pi = toSelection(r, false);

        PlacementOption chosen = option(r, carer);
        assertThat(chosen.getRankPosition()).isEqualTo(1);
        select(pi, chosen, null);
        assertThat(approverOf(pi)).isEqualTo("team-managers");
        assertThat(runtimeService.getVariable(pi.getId(), COMMITMENT)).isEqualTo(11700.0);
        approve(pi, "tm1", "team-managers");

        assertThat(pi).isWaitingAt(TASK_WRITE_PLACEMENT_PLAN).hasPassed(TASK_REGISTER_REFERRAL, TASK_TRIAGE, CALL_PLACEMENT_SEARCH,
                TASK_SELECT_PLACEMENT, TASK_DECIDE_APPROVAL_LEVEL, TASK_APPROVE_PLACEMENT, TASK_START_PLACEMENT, TASK_EMAIL_NOTIFICATIONS);
        assertThat(pi).isWaitingAt(TASK_SEND_NOTIFICATIONS);
        Placement p = placements.placementsOf(child.getId()).get(0);
        assertThat(p.getStatus()).isEqualTo(PlacementStatus.ACTIVE);
        assertThat(p.getApprovedBy()).isEqualTo("tm1");
        assertThat(p.getApproverGroup()).isEqualTo("team-managers");
        assertThat(p.getPlaceCode()).isEqualTo("U4");
        assertThat(p.getPlaceProviderCode()).isEqualTo("PR1");
        assertThat(p.isOutOfArea()).isFalse();
        assertThat(p.isSecondBest()).isFalse();
        assertThat(p.getWeeklyCost()).isEqualByComparingTo("450");
        // a planned placement's plan is due the working day before it starts: starting today, it is due today
        assertThat(p.getPlanDue()).isEqualTo(UkTime.today(clock));
        // nobody in this council's IRO or virtual school groups to e-mail: every notice is a letter, none recorded as sent
        assertThat(notifications.of(p.getId())).extracting(n -> n.getRecipient())
                .containsExactly("Independent reviewing officer", "Virtual school", "The child", "Parents", "Health", "GP", "School");
        assertThat(notifications.of(p.getId())).allSatisfy(n -> {
            assertThat(n.getChannel()).isEqualTo(uk.gov.placements.notification.Notification.Channel.LETTER);
            assertThat(n.getStatus()).isEqualTo(uk.gov.placements.notification.Notification.Status.PENDING);
            assertThat(n.getSentAt()).isNull();
        });
        Task plan = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_WRITE_PLACEMENT_PLAN).singleResult();
        assertThat(plan.getDueDate()).isEqualTo(java.util.Date.from(p.getPlanDue().atTime(17, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
        assertThat(children.find(child.getId()).orElseThrow().getLookedAfterSince()).isEqualTo(p.getStartDate());

        // the child's first placement starts their statutory reviews; an in-house placement has no contract monitoring
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(IroReviewProcess.KEY)
                .processInstanceBusinessKey("CHILD-" + child.getId()).count()).isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ContractMonitoringProcess.KEY)
                .processInstanceBusinessKey("PLACEMENT-" + p.getId()).count()).isZero();
        complete(plan, withVariables(PLACEMENT_PLAN_SUMMARY, "Goals: settle, attend school daily, weekly contact with mum"));
        // the referral ends once the letters are confirmed sent too
        assertThat(pi).isWaitingAt(TASK_SEND_NOTIFICATIONS).isNotEnded();
        List<String> letters = notifications.of(p.getId()).stream().map(n -> n.getId().toString()).toList();
        complete(task(pi), withVariables(LETTERS_SENT, letters));
        assertThat(notifications.of(p.getId()))
                .allSatisfy(n -> assertThat(n.getStatus()).isEqualTo(uk.gov.placements.notification.Notification.Status.SENT));
        assertThat(pi).isEnded().hasPassed(END_PLACEMENT_STARTED);
        assertThat(placements.find(p.getId()).orElseThrow().getPlanWrittenAt()).isNotNull();
        assertThat(referrals.findById(r.getId()).orElseThrow().getStatus()).isEqualTo(ReferralStatus.PLACED);
    }

    @Test
    void shouldLoopBackToTriageUntilTheSocialWorkerProvidesMoreInformation() {
        Referral r = journeys.refer(journeys.child(council, 9), "URGENT", PlacementType.FOSTER, 12, null);
        ProcessInstance pi = instance(r);
        assertThatThrownBy(() -> complete(task(pi), withVariables(TRIAGE_OUTCOME, TRIAGE_MORE_INFORMATION)))
                .hasMessageContaining(TRIAGE_NOTES);
        assertThat(pi).isWaitingAt(TASK_TRIAGE);
        complete(task(pi), withVariables(TRIAGE_OUTCOME, TRIAGE_MORE_INFORMATION, TRIAGE_NOTES, "What is the school?"));
        assertThat(pi).isWaitingAt(TASK_PROVIDE_MORE_INFORMATION);
        complete(task(pi), withVariables(MORE_INFORMATION, "Year 5 at Hillside Primary"));
        assertThat(pi).isWaitingAt(TASK_TRIAGE).hasPassed(TASK_PROVIDE_MORE_INFORMATION);
        complete(task(pi), withVariables(TRIAGE_OUTCOME, TRIAGE_MORE_INFORMATION, TRIAGE_NOTES, "And the EHCP?"));
        assertThat(pi).isWaitingAt(TASK_PROVIDE_MORE_INFORMATION);
        assertThat(referrals.findById(r.getId()).orElseThrow().getChildViews()).contains("Hillside Primary");
        assertThat(decisions.ofReferral(r.getId())).extracting(d -> d.getKind())
                .containsExactly("TRIAGE", "MORE_INFORMATION", "TRIAGE");
    }

    @Test
    void shouldSkipTheExternalSearchWhenRestrictedToInHouseWithAReason() {
        CareService carer = journeys.inHouse(council, council.id(), PlacementType.FOSTER, 400);
        CareService external = journeys.independent(council, council.id(), PlacementType.FOSTER, 900, OfstedRating.OUTSTANDING);
        Referral r = journeys.refer(journeys.child(council, 7), "PLANNED", PlacementType.FOSTER, 20, null);
        ProcessInstance pi = toSelection(r, true);
        String search = historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult().getId();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(search)
                .activityId(PlacementSearchProcess.TASK_SEND_TO_PROVIDERS).count()).isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(search)
                .activityId(PlacementSearchProcess.TASK_RANK_OPTIONS).finished().count()).isEqualTo(1);
        assertThat(searchService.optionsOf(r.getId())).extracting(o -> o.getService().getId())
                .containsExactly(carer.getId()).doesNotContain(external.getId());
        Referral saved = referrals.findById(r.getId()).orElseThrow();
        assertThat(saved.getRestrictToInHouse()).isTrue();
        assertThat(saved.getRestrictionReason()).isEqualTo("Sibling already with these carers");
    }

    @Test
    void shouldRefuseARestrictionWithoutAReasonAndKeepTheTaskOpen() {
        journeys.inHouse(council, council.id(), PlacementType.FOSTER, 400);
        Referral r = journeys.refer(journeys.child(council, 7), "PLANNED", PlacementType.FOSTER, 20, null);
        ProcessInstance pi = instance(r);
        complete(task(pi), withVariables(TRIAGE_OUTCOME, TRIAGE_ACCEPT));
        journeys.runDueJobs();
        ProcessInstance search = calledProcessInstance(pi);
        assertThatThrownBy(() -> complete(task(search), withVariables(PlacementSearchProcess.RESTRICT_TO_IN_HOUSE, true)))
                .hasMessageContaining("restrictionReason is required");
        assertThat(search).isWaitingAt(PlacementSearchProcess.TASK_REVIEW_IN_HOUSE_OPTIONS);
    }

    @Test
    void shouldPreferInHouseOnlyBetweenEquallyGoodMatchesAndAskWhyOtherwise() {
        CareService carer = journeys.inHouse(council, council.id(), PlacementType.FOSTER, 500, NeedCode.AUTISM);
        CareService external = journeys.independent(council, council.id(), PlacementType.FOSTER, 800, OfstedRating.GOOD, NeedCode.AUTISM);
        CareService better = journeys.independent(council, council.id(), PlacementType.FOSTER, 1200, OfstedRating.OUTSTANDING, NeedCode.AUTISM);
        Referral r = journeys.refer(journeys.child(council, 10), "PLANNED", PlacementType.FOSTER, 10, null, NeedCode.AUTISM);
        ProcessInstance pi = toSelection(r, false);
        // the outstanding home is the better match despite costing most; in-house wins the tie with the equally good one
        assertThat(option(r, better).getRankPosition()).isEqualTo(1);
        assertThat(option(r, carer).getRankPosition()).isEqualTo(2);
        assertThat(option(r, external).getRankPosition()).isEqualTo(3);
        assertThat(option(r, carer).getRankReasons()).contains("preferred over independent options that match equally well");
        assertThat(option(r, external).getRankReasons()).contains("an in-house option matches equally well");

        assertThatThrownBy(() -> select(pi, option(r, carer), null)).hasMessageContaining("selectionReason is required");
        assertThat(pi).isWaitingAt(TASK_SELECT_PLACEMENT);
        select(pi, option(r, carer), "Keeps her at her school");
        assertThat(pi).isWaitingAt(TASK_APPROVE_PLACEMENT);
        assertThat(referrals.findById(r.getId()).orElseThrow().getSelectionReason()).isEqualTo("Keeps her at her school");
    }

    @Test
    void shouldReturnToSelectionOnRejectAndToTheSocialWorkerOnReturn() {
        CareService carer = journeys.inHouse(council, council.id(), PlacementType.FOSTER, 450);
        Referral r = journeys.refer(journeys.child(council, 11), "PLANNED", PlacementType.FOSTER, 26, null);
        ProcessInstance pi = toSelection(r, false);
        select(pi, option(r, carer), null);
        assertThatThrownBy(() -> complete(task(pi), withVariables(APPROVAL_DECISION, REJECT)))
                .hasMessageContaining("approvalReason is required");
        complete(task(pi), withVariables(APPROVAL_DECISION, REJECT, APPROVAL_REASON, "Carers need respite first"));
        assertThat(pi).isWaitingAt(TASK_SELECT_PLACEMENT);
        select(pi, option(r, carer), null);
        complete(task(pi), withVariables(APPROVAL_DECISION, RETURN, APPROVAL_REASON, "What does the child think?"));
        assertThat(pi).isWaitingAt(TASK_ANSWER_APPROVER);
        complete(task(pi), withVariables(APPROVER_ANSWER, "She met the carers and wants to go"));
        assertThat(pi).isWaitingAt(TASK_APPROVE_PLACEMENT).hasPassed(TASK_ANSWER_APPROVER);
        approve(pi, "tm1", "team-managers");
        assertThat(pi).isWaitingAt(TASK_WRITE_PLACEMENT_PLAN);
    }

    @Test
    void shouldGoBackToTheSearchWhenTheSocialWorkerAsks() {
        journeys.inHouse(council, council.id(), PlacementType.FOSTER, 450);
        Referral r = journeys.refer(journeys.child(council, 11), "PLANNED", PlacementType.FOSTER, 26, null);
        ProcessInstance pi = toSelection(r, false);
        complete(task(pi), withVariables(SEARCH_AGAIN, true));
        journeys.runDueJobs();
        assertThat(calledProcessInstance(pi)).isWaitingAt(PlacementSearchProcess.TASK_REVIEW_IN_HOUSE_OPTIONS);
    }

    @Test
    void shouldRefuseAnInvalidApprovalDecisionAndKeepTheTaskOpen() {
        CareService carer = journeys.inHouse(council, council.id(), PlacementType.FOSTER, 450);
        Referral r = journeys.refer(journeys.child(council, 11), "PLANNED", PlacementType.FOSTER, 26, null);
        ProcessInstance pi = toSelection(r, false);
        select(pi, option(r, carer), null);
        assertThatThrownBy(() -> complete(task(pi), withVariables(APPROVAL_DECISION, "MAYBE")))
                .hasMessageContaining("approvalDecision must be APPROVE, REJECT or RETURN");
        assertThatThrownBy(() -> complete(task(pi))).hasMessageContaining(APPROVAL_DECISION);
        assertThat(pi).isWaitingAt(TASK_APPROVE_PLACEMENT);
        assertThat(placementFixtures.existsForReferral(r.getId())).isFalse();
    }

    @Test
    void shouldSendLargeCommitmentsToAssistantDirectorsAndLargestToDirectors() {
        CareService home = journeys.inHouse(council, council.id(), PlacementType.CHILDRENS_HOME, 4000);
        Referral r = journeys.refer(journeys.child(council, 14), "PLANNED", PlacementType.CHILDRENS_HOME, 30, null);
        ProcessInstance pi = toSelection(r, false);
        select(pi, option(r, home), null);
        assertThat(approverOf(pi)).isEqualTo("assistant-directors");   // 4,000 x 30 = 120,000

        Journeys.Council other = journeys.newCouncil();
        CareService secure = journeys.inHouse(other, other.id(), PlacementType.CHILDRENS_HOME, 7000);
        Referral big = journeys.refer(journeys.child(other, 15), "PLANNED", PlacementType.CHILDRENS_HOME, 26, null);
        ProcessInstance bigPi = toSelection(big, false);
        select(bigPi, option(big, secure), null);
        assertThat(approverOf(bigPi)).isEqualTo("directors");   // 7,000 x 26 = 182,000
    }

    @Test
    void shouldSendOutOfAreaToHeadsOfServiceAndAtADistanceToDirectors() {
        journeys.neighbours(council.id(), "nextdoor-" + council.id());
        CareService nextDoor = journeys.independent(council, "nextdoor-" + council.id(), PlacementType.FOSTER, 800, OfstedRating.GOOD);
        Referral r = journeys.refer(journeys.child(council, 8), "PLANNED", PlacementType.FOSTER, 20, null);
        ProcessInstance pi = toSelection(r, false);
        select(pi, option(r, nextDoor), null);
        assertThat(approverOf(pi)).isEqualTo("heads-of-service");   // 16,000, out of area, neighbouring council
        assertThat(runtimeService.getVariable(pi.getId(), OUT_OF_AREA)).isEqualTo(true);
        assertThat(runtimeService.getVariable(pi.getId(), AT_DISTANCE)).isEqualTo(false);

        Journeys.Council other = journeys.newCouncil();
        CareService far = journeys.independent(other, "faraway", PlacementType.FOSTER, 800, OfstedRating.GOOD);
        Referral farRef = journeys.refer(journeys.child(other, 8), "PLANNED", PlacementType.FOSTER, 20, null);
        ProcessInstance farPi = toSelection(farRef, false);
        select(farPi, option(farRef, far), null);
        assertThat(approverOf(farPi)).isEqualTo("directors");   // outside the council and not a neighbour
    }

    @Test
    void shouldExemptTheCouncilsOwnFosterCarersFromTheOutOfAreaRules() {
        CareService carer = journeys.inHouse(council, "faraway", PlacementType.FOSTER, 450);
        Referral r = journeys.refer(journeys.child(council, 8), "PLANNED", PlacementType.FOSTER, 20, null);
        ProcessInstance pi = toSelection(r, false);
        select(pi, option(r, carer), null);
        assertThat(approverOf(pi)).isEqualTo("team-managers");
        approve(pi, "tm1", "team-managers");
        Placement p = placements.placementsOf(r.getChild().getId()).get(0);
        assertThat(p.isOutOfArea()).isTrue();   // still reported as out of area
        assertThat(notifications.of(p.getId())).extracting(n -> n.getRecipient()).contains("Host council: faraway");
    }

    @Test
    void shouldEscalateAnEmergencyApprovalAfterTwoHours() {
        CareService carer = journeys.inHouse(council, council.id(), PlacementType.FOSTER, 450);
        Referral r = journeys.refer(journeys.child(council, 6), "EMERGENCY", PlacementType.FOSTER, 4, null);
        ProcessInstance pi = toSelection(r, false);
        select(pi, option(r, carer), null);
        Task approval = task(pi);
        assertThat(approval.getPriority()).isEqualTo(90);
        Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId(TIMER_APPROVAL_ESCALATION).singleResult();
        long minutes = (timer.getDuedate().getTime() - approval.getCreateTime().getTime()) / 60_000;
        assertThat(minutes).isBetween(119L, 120L);
        managementService.executeJob(timer.getId());
        journeys.runDueJobs();
        assertThat(pi).hasPassed(TASK_ESCALATE_APPROVAL).isWaitingAt(TASK_APPROVE_PLACEMENT);
        List<String> groups = taskService.getIdentityLinksForTask(approval.getId()).stream().map(IdentityLink::getGroupId).toList();
        assertThat(groups).contains("team-managers", "heads-of-service");
        assertThat(decisions.ofReferral(r.getId())).anyMatch(d -> d.getKind().equals("ESCALATION"));
        approve(pi, "hos1", "heads-of-service");   // the next tier can now approve
        assertThat(pi).isWaitingAt(TASK_WRITE_PLACEMENT_PLAN);
    }

    @Test
    void shouldAlertWhenTheRequiredByDatePassesAndKeepTheReferralOpen() {
        Referral r = journeys.refer(journeys.child(council, 13), "URGENT", PlacementType.FOSTER, 12, null);
        ProcessInstance pi = instance(r);
        Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers().activityId(TIMER_REQUIRED_BY).singleResult();
        assertThat(timer.getDuedate()).isEqualTo(java.util.Date.from(r.getRequiredBy().atTime(17, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
        managementService.executeJob(timer.getId());
        journeys.runDueJobs();
        assertThat(pi).hasPassed(TASK_ALERT_REQUIRED_BY).isWaitingAt(TASK_REVIEW_OVERDUE_REFERRAL, TASK_TRIAGE);
        assertThat(decisions.ofReferral(r.getId())).anyMatch(d -> d.getKind().equals("REQUIRED_BY_ALERT"));
        Task overdue = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_REVIEW_OVERDUE_REFERRAL).singleResult();
        assertThat(taskService.getIdentityLinksForTask(overdue.getId())).extracting(IdentityLink::getGroupId)
                .contains("placements-team", "heads-of-service");
        taskService.complete(overdue.getId(), Map.of("overduePlan", "Widen search to 40 miles today"));
        assertThat(pi).isWaitingAt(TASK_TRIAGE).isNotEnded();
    }

    @Test
    void shouldAskTheCurrentCarerFirstAndEndThePreviousPlacementWhenAChildMoves() {
        CareService first = journeys.inHouse(council, council.id(), PlacementType.FOSTER, 450);
        Child child = journeys.child(council, 12);
        Referral r = journeys.refer(child, "PLANNED", PlacementType.FOSTER, 26, null);
        ProcessInstance pi = toSelection(r, false);
        select(pi, option(r, first), null);
        approve(pi, "tm1", "team-managers");
        Placement previous = placements.placementsOf(child.getId()).get(0);

        CareService second = journeys.inHouse(council, council.id(), PlacementType.FOSTER, 470);
        Referral move = journeys.refer(child, "URGENT", PlacementType.FOSTER, 26, previous.getId());
        ProcessInstance movePi = instance(move);
        assertThat(movePi).isWaitingAt(TASK_CARER_REVIEW);
        assertThatThrownBy(() -> complete(task(movePi))).hasMessageContaining("carerReview is required");
        complete(task(movePi), withVariables(CARER_REVIEW, "Accurate; she needs a quieter household"));
        ProcessInstance moveSelection = toSelection(move, false);
        select(moveSelection, option(move, second), null);
        approve(moveSelection, "tm1", "team-managers");

        Placement ended = placements.find(previous.getId()).orElseThrow();
        assertThat(ended.getStatus()).isEqualTo(PlacementStatus.ENDED);
        Placement current = placements.placementsOf(child.getId()).get(1);
        assertThat(ended.getEndDate()).isEqualTo(current.getStartDate());
        assertThat(current.getReasonPlaceChange()).isEqualTo("CARPL");
        assertThat(notifications.of(current.getId())).extracting(n -> n.getRecipient()).contains("Previous carer");
        // the move is a placement change for the child's reviews: the next review is brought forward
        ProcessInstance reviews = runtimeService.createProcessInstanceQuery().processDefinitionKey(IroReviewProcess.KEY)
                .processInstanceBusinessKey("CHILD-" + child.getId()).singleResult();
        journeys.runDueJobsOf(reviews.getId());
        assertThat(reviews).hasPassed(IroReviewProcess.TASK_BRING_REVIEW_FORWARD);
    }

    @Test
    void shouldStartContractMonitoringForAnIndependentPlacementAndShowTheIroHowItWasFound() {
        CareService carer = journeys.inHouse(council, council.id(), PlacementType.FOSTER, 450, NeedCode.AUTISM);
        CareService home = journeys.independent(council, council.id(), PlacementType.FOSTER, 900, OfstedRating.OUTSTANDING, NeedCode.AUTISM);
        // a setting Ofsted registers under its own URN: the placement's (and the 903's) URN is the setting's, not its provider's
        String homeUrn = String.format("SC4%05d", home.getId() % 100000);
        home = providerFixtures.registered(home, homeUrn);
        Child child = journeys.child(council, 10);
        Referral r = journeys.refer(child, "PLANNED", PlacementType.FOSTER, 8, null, NeedCode.AUTISM);
        ProcessInstance pi = toSelection(r, false);
        select(pi, option(r, carer), "Near her grandmother");   // rank 2: the outstanding home ranks first
        approve(pi, "tm1", "team-managers");
        Placement inHouse = placements.placementsOf(child.getId()).get(0);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("PLACEMENT-" + inHouse.getId()).count())
                .as("no contract monitoring of the council's own carers").isZero();

        Referral move = journeys.refer(child, "PLANNED", PlacementType.FOSTER, 8, inHouse.getId(), NeedCode.AUTISM);
        ProcessInstance movePi = instance(move);
        complete(task(movePi), withVariables(CARER_REVIEW, "She has asked to move"));
        ProcessInstance moveSelection = toSelection(move, false);
        select(moveSelection, option(move, home), null);
        approve(moveSelection, "tm1", "team-managers");
        Placement independent = placements.placementsOf(child.getId()).get(1);
        assertThat(independent.getProviderUrn()).isEqualTo(homeUrn);
        assertThat(inHouse.getProviderUrn()).as("a carer with no URN of its own: the provider's registration").isEqualTo("SC100001");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ContractMonitoringProcess.KEY)
                .processInstanceBusinessKey("PLACEMENT-" + independent.getId()).count()).isEqualTo(1);

        // at the next review the IRO sees every option considered, the reasons, the providers asked and what they said
        ProcessInstance reviews = runtimeService.createProcessInstanceQuery().processDefinitionKey(IroReviewProcess.KEY)
                .processInstanceBusinessKey("CHILD-" + child.getId()).singleResult();
        journeys.runDueJobsOf(reviews.getId());
        Job window = managementService.createJobQuery().processInstanceId(reviews.getId()).activityId(IroReviewProcess.TIMER_CONSULTATION_OPENS).singleResult();
        managementService.executeJob(window.getId());
        for (Task t : taskService.createTaskQuery().processInstanceId(reviews.getId()).list()) {
            taskService.complete(t.getId(), Map.of("consultedOn", LocalDate.now().toString(), "views", "Happy to have moved"));
        }
        Task hold = taskService.createTaskQuery().processInstanceId(reviews.getId()).taskDefinitionKey(IroReviewProcess.TASK_HOLD_REVIEW).singleResult();
        String record = taskDisplay.text(hold.getId(), "matchingRecord");
        assertThat(record).contains(move.getReference()).contains("**(chosen)**").contains(home.getName())
                .contains("Providers asked").contains("Offered a place").contains("Placements in care so far: 2")
                .contains("Latest monitoring rating of the provider:** no monitoring round yet");
    }

    @Test
    void shouldRegisterAChildAndReferralFromTheTasklistStartForm() {
        Map<String, Object> form = BadInputs.validStartForm(council.lat(), council.lon());
        ProcessInstance pi = journeys.as("sw-form", "social-workers", council.id(),
                () -> runtimeService.startProcessInstanceByKey(KEY, form));
        assertThat(pi).isWaitingAt(TASK_TRIAGE);
        assertThat(pi.getTenantId()).isEqualTo(council.id());
        Long referralId = (Long) runtimeService.getVariable(pi.getId(), REFERRAL_ID);
        Referral r = referrals.findById(referralId).orElseThrow();
        assertThat(r.getChild().getFirstName()).isEqualTo("Robin");
        assertThat(r.getCouncil()).isEqualTo(council.id());
        assertThat(r.getCreatedBy()).isEqualTo("sw-form");
        assertThat(r.essentialNeeds()).containsExactly(NeedCode.AUTISM);
        assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys("childFirstName", "essentialNeeds");
        // the child's personal data lives in the child table only, not in Camunda's history either
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("childFirstName").count()).isZero();
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(pi.getId()).list())
                .noneMatch(d -> d instanceof org.camunda.bpm.engine.history.HistoricVariableUpdate v
                        && List.of("childFirstName", "childLastName", "childDateOfBirth", "childPostcode").contains(v.getVariableName()));
        Task triage = task(pi);
        // what the form shows is kept with the product's records, not as a Camunda variable
        assertThat(taskDisplay.text(triage.getId(), "referralSummary")).contains(r.getReference());
        assertThat(taskService.getVariables(triage.getId())).doesNotContainKey("referralSummary");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("referralSummary").count()).isZero();
        // while the decisions gateways read are kept
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(REFERRAL_ID).count()).isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey())
                .isEqualTo(r.getReference());
    }

    @Test
    void shouldRefuseABadStartFormAndWriteNothing() {
        long childrenBefore = childFixtures.count();
        long referralsBefore = referrals.count();
        Map<String, Object> form = BadInputs.validStartForm(council.lat(), council.lon());
        form.put("childFirstName", "");
        form.put(REQUIRED_BY, LocalDate.now().minusDays(1).toString());
        assertThatThrownBy(() -> journeys.as("sw-form", "social-workers", council.id(),
                () -> runtimeService.startProcessInstanceByKey(KEY, form))).hasMessageContaining("firstName is required");
        form.put("childFirstName", "Robin");
        assertThatThrownBy(() -> journeys.as("sw-form", "social-workers", council.id(),
                () -> runtimeService.startProcessInstanceByKey(KEY, form))).hasMessageContaining("requiredBy must not be in the past");
        assertThat(childFixtures.count()).isEqualTo(childrenBefore);
        assertThat(referrals.count()).isEqualTo(referralsBefore);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).list())
                .noneMatch(p -> p.getBusinessKey() != null && p.getBusinessKey().startsWith("P-"));
    }
}
