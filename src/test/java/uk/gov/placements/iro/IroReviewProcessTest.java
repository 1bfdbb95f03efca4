package uk.gov.placements.iro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.placements.iro.IroReviewProcess.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
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
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.child.Child;
import uk.gov.placements.common.ConflictException;

/** The statutory timetable of iroReview, proved date by date with the engine clock moved. */
@IntegrationTest
class IroReviewProcessTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired Journeys journeys;
    @Autowired IroReviewRepository reviews;
    @Autowired IroReviewService service;
    @Autowired Decisions decisions;
    @Autowired IroDisputes disputes;
    @Autowired uk.gov.placements.child.ChildService childService;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static void clock(LocalDateTime at) {
        ClockUtil.setCurrentTime(Date.from(at.atZone(ZoneId.of("Europe/London")).toInstant()));
    }

    /** A child who became looked after on the given day, with their iroReview started that day. */
    ProcessInstance lookedAfterOn(LocalDate day) {
        return lookedAfterOn(day, journeys.newCouncil());
    }

    ProcessInstance lookedAfterOn(LocalDate day, Journeys.Council council) {
        clock(day.atTime(10, 0));
        Child child = journeys.child(council, 11);
        childService.becameLookedAfter(child.getId(), day);
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(KEY, businessKey(child.getId()),
                Map.of(CHILD_ID, child.getId(), COUNCIL, child.getCouncil()));
        journeys.runDueJobsOf(pi.getId());
        return pi;
    }

    IroReview scheduled(ProcessInstance pi) {
        return service.review(((Number) runtimeService.getVariable(pi.getId(), REVIEW_ID)).longValue());
    }

    Job timer(ProcessInstance pi, String activityId) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId).singleResult();
    }

    List<Task> tasks(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).orderByTaskName().asc().list();
    }

    void consultEveryone(ProcessInstance pi, LocalDate on) {
        for (Task t : taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKeyIn(TASK_CONSULT_CHILD,
                TASK_CONSULT_PARENTS, TASK_CONSULT_CARERS).list()) {
            taskService.complete(t.getId(), Map.of("consultedOn", on.toString(), "views", "Wants to stay; misses her dog"));
        }
    }

    /** On the given day, with the consultation window open (whether it opened already or is opened early). */
    void openConsultations(ProcessInstance pi, LocalDate on) {
        clock(on.atTime(9, 30));
        journeys.runDueJobsOf(pi.getId());
        Job window = timer(pi, TIMER_CONSULTATION_OPENS);
        if (window != null) {
            managementService.executeJob(window.getId());
        }
    }

    /** Opens the consultation window, consults everyone and holds the review on the given day. */
    void holdReview(ProcessInstance pi, LocalDate on, String outcome) {
        openConsultations(pi, on);
        consultEveryone(pi, on);
        Task hold = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_HOLD_REVIEW).singleResult();
        taskService.complete(hold.getId(), Map.of("reviewDecisions", "Placement to continue; contact weekly", "recommendations",
                "Referral to CAMHS", REVIEW_OUTCOME, outcome, CONCERNS, "Therapy has not started"));
        journeys.runDueJobsOf(pi.getId());
    }

    @Test
    void shouldScheduleTheFirstReviewTwentyWorkingDaysOnOverTheChristmasBankHolidays() {
        ProcessInstance pi = lookedAfterOn(LocalDate.of(2026, 12, 18));   // a Friday
        // 21-24 Dec (4), 25 Christmas and 28 Boxing Day (substitute) skipped, 29-31 Dec (7), 1 Jan skipped,
        // 4-8 Jan (12), 11-15 Jan (17), 18-20 Jan (20)
        IroReview first = scheduled(pi);
        assertThat(first.getDueDate()).isEqualTo(LocalDate.of(2027, 1, 20));
        assertThat(first.getSequenceNumber()).isEqualTo(1);
        assertThat(pi).isWaitingAt(TIMER_CONSULTATION_OPENS);
        // consultation opens 10 working days before: 6 January, 09:00; the IRO is reminded 5 working days before: 13 January
        assertThat(timer(pi, TIMER_CONSULTATION_OPENS).getDuedate()).isEqualTo(at(LocalDate.of(2027, 1, 6), 9));
        assertThat(timer(pi, TIMER_REVIEW_REMINDER).getDuedate()).isEqualTo(at(LocalDate.of(2027, 1, 13), 9));

        clock(LocalDateTime.of(2027, 1, 6, 9, 30));
        managementService.executeJob(timer(pi, TIMER_CONSULTATION_OPENS).getId());
        assertThat(pi).isWaitingAt(TASK_CONSULT_CHILD, TASK_CONSULT_PARENTS, TASK_CONSULT_CARERS);
        assertThat(tasks(pi)).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(at(LocalDate.of(2027, 1, 18), 17)));
        Task child = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_CONSULT_CHILD).singleResult();
        assertThatThrownBy(() -> taskService.complete(child.getId(), Map.of("consultedOn", "2027-01-07", "views", "x")))
                .hasMessageContaining("consultedOn must not be in the future");
        consultEveryone(pi, LocalDate.of(2027, 1, 6));
        Task hold = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_HOLD_REVIEW).singleResult();
        assertThat(hold.getDueDate()).isEqualTo(at(LocalDate.of(2027, 1, 20), 17));
        assertThatThrownBy(() -> taskService.complete(hold.getId(), Map.of(REVIEW_OUTCOME, "ENDORSED")))
                .hasMessageContaining("reviewDecisions is required");
        assertThat(pi).isWaitingAt(TASK_HOLD_REVIEW);

        // the reminder fires on 13 January while the review is still to be held
        clock(LocalDateTime.of(2027, 1, 13, 9, 1));
        managementService.executeJob(timer(pi, TIMER_REVIEW_REMINDER).getId());
        journeys.runDueJobsOf(pi.getId());
        assertThat(pi).hasPassed(TASK_REMIND_IRO).isWaitingAt(TASK_HOLD_REVIEW);

        taskService.complete(hold.getId(), Map.of("reviewDecisions", "Plan endorsed", "recommendations", "Keep school", REVIEW_OUTCOME, "ENDORSED"));
        journeys.runDueJobsOf(pi.getId());
        assertThat(reviews.findById(first.getId()).orElseThrow().getHeldOn()).isEqualTo(LocalDate.of(2027, 1, 13));
        assertThat(scheduled(pi).getDueDate()).isEqualTo(LocalDate.of(2027, 4, 13));   // second: within 3 months of the first

        holdReview(pi, LocalDate.of(2027, 4, 12), "ENDORSED");
        assertThat(scheduled(pi).getSequenceNumber()).isEqualTo(3);
        assertThat(scheduled(pi).getDueDate()).isEqualTo(LocalDate.of(2027, 10, 12));   // then at most every 6 months
    }

    @Test
    void shouldBringTheNextReviewForwardWhenThePlacementChanges() {
        ProcessInstance pi = lookedAfterOn(LocalDate.of(2027, 2, 1));
        holdReview(pi, LocalDate.of(2027, 2, 25), "ENDORSED");
        IroReview second = scheduled(pi);
        assertThat(second.getDueDate()).isEqualTo(LocalDate.of(2027, 5, 25));
        clock(LocalDateTime.of(2027, 3, 1, 11, 0));   // a Monday
        runtimeService.createMessageCorrelation(MESSAGE_PLACEMENT_CHANGED).processInstanceBusinessKey(pi.getBusinessKey()).correlate();
        journeys.runDueJobsOf(pi.getId());
        assertThat(pi).hasPassed(TASK_BRING_REVIEW_FORWARD).isWaitingAt(TIMER_CONSULTATION_OPENS);
        IroReview forward = reviews.findById(second.getId()).orElseThrow();
        // 20 working days after 1 March: 2-5 (4), 8-12 (9), 15-19 (14), 22-25 (18), Good Friday 26 and Easter Monday 29 skipped, 30-31 (20)
        assertThat(forward.getDueDate()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(forward.isBroughtForward()).isTrue();
        assertThat(scheduled(pi).getId()).isEqualTo(second.getId());
    }

    Task task(ProcessInstance pi, String key) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }

    List<String> groups(Task t) {
        return taskService.getIdentityLinksForTask(t.getId()).stream().filter(l -> l.getGroupId() != null).map(l -> l.getGroupId()).toList();
    }

    /** As a signed-in Northshire person of this group, as the Tasklist completes a task. */
    void as(String user, String group, Runnable action) {
        engine.getIdentityService().setAuthentication(user, List.of(group), List.of("northshire"));
        try {
            action.run();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    void answer(ProcessInstance pi, String user, String group, String answer) {
        String id = task(pi, TASK_ANSWER_CONCERN).getId();
        as(user, group, () -> taskService.complete(id, Map.of(DISPUTE_ANSWER, answer)));
    }

    void decide(ProcessInstance pi, String user, String group, String decision, String reason) {
        String id = task(pi, TASK_DECIDE_ON_ANSWER).getId();
        as(user, group, () -> taskService.complete(id, Map.of(DISPUTE_DECISION, decision, DISPUTE_DECISION_REASON, reason)));
    }

    void decide(ProcessInstance pi, String decision, String reason) {
        decide(pi, "iro1", "iros", decision, reason);
    }

    /** A Northshire child, with the demo IRO iro1 and social worker sw1 allocated. */
    ProcessInstance allocatedChildLookedAfterOn(LocalDate day) {
        ProcessInstance pi = lookedAfterOn(day, new Journeys.Council("northshire", 53.80, -1.55));
        Child child = childService.find(childId(pi)).orElseThrow();
        childService.allocate(child.getId(), "sw1", "iro1");
        return pi;
    }

    Long childId(ProcessInstance pi) {
        return ((Number) runtimeService.getVariable(pi.getId(), CHILD_ID)).longValue();
    }

    @Test
    void shouldTakeTheDisputeThroughEveryTierToCafcassWithOnlyTheIroDecidingAndReviewsOnTime() {
        ProcessInstance pi = allocatedChildLookedAfterOn(LocalDate.of(2027, 2, 1));
        Long childId = childId(pi);
        holdReview(pi, LocalDate.of(2027, 2, 25), "CONCERNS");
        // the next review is scheduled as if the review had been endorsed, and the dispute runs beside it
        IroReview second = scheduled(pi);
        assertThat(second.getSequenceNumber()).isEqualTo(2);
        assertThat(second.getDueDate()).isEqualTo(LocalDate.of(2027, 5, 25));
        assertThat(pi).isWaitingAt(TIMER_CONSULTATION_OPENS, TASK_ANSWER_CONCERN);
        // and it is the child's review due on the timetable, counted as overdue if the date passes
        assertThat(second.getStatus()).isEqualTo(IroReview.Status.SCHEDULED);

        Task informal = task(pi, TASK_ANSWER_CONCERN);
        assertThat(groups(informal)).containsExactly("team-managers");
        assertThat(informal.getName()).startsWith("Answer the IRO's concern: team manager (informal)");
        assertThat(informal.getDueDate()).isEqualTo(at(LocalDate.of(2027, 3, 11), 17));   // 10 working days
        // the IRO cannot answer for the team manager (the engine refuses: the task is not offered to iros), nor can an
        // administrator, whom the engine lets through (the dispute's record names the tier); an answer is required
        assertThatThrownBy(() -> answer(pi, "iro1", "iros", "Resolved, says the IRO")).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> answer(pi, "admin", "camunda-admin", "Resolved, says the administrator"))
                .hasRootCauseInstanceOf(uk.gov.placements.common.ForbiddenException.class).hasMessageContaining("team manager");
        assertThatThrownBy(() -> answer(pi, "tm1", "team-managers", " ")).hasMessageContaining("disputeAnswer");
        answer(pi, "tm1", "team-managers", "The team will not fund the therapy");

        // the team manager's answer does not close the dispute: the IRO decides on it
        Task decision = task(pi, TASK_DECIDE_ON_ANSWER);
        assertThat(groups(decision)).containsExactly("iros");
        assertThat(decision.getAssignee()).isEqualTo("iro1");
        assertThatThrownBy(() -> decide(pi, "tm1", "team-managers", "RESOLVED", "Resolved, says the team manager"))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> decide(pi, "admin", "camunda-admin", "RESOLVED", "Resolved, says the administrator"))
                .hasRootCauseInstanceOf(uk.gov.placements.common.ForbiddenException.class).hasMessageContaining("Only the IRO decides");
        assertThat(pi).isWaitingAt(TASK_DECIDE_ON_ANSWER);
        decide(pi, "ESCALATE", "Therapy is in the care plan");

        String[][] tiers = {{"hos1", "heads-of-service"}, {"ad1", "assistant-directors"}, {"dcs1", "directors"}};
        for (int i = 0; i < tiers.length; i++) {
            assertThat(groups(task(pi, TASK_ANSWER_CONCERN))).containsExactly(tiers[i][1]);
            answer(pi, tiers[i][0], tiers[i][1], "Answer of " + tiers[i][1]);
            if (i < tiers.length - 1) {
                decide(pi, "ESCALATE", "Not enough");
            }
        }
        // the director is the last tier: no escalation beyond, and the choices the form offers say so
        assertThatThrownBy(() -> decide(pi, "ESCALATE", "Further")).hasMessageContaining("disputeDecision must be RESOLVED, CLOSED or REFER_TO_CAFCASS");
        decide(pi, "REFER_TO_CAFCASS", "The child's needs are still not met");
        Task cafcass = task(pi, TASK_REFER_TO_CAFCASS);
        assertThat(cafcass.getAssignee()).isEqualTo("iro1");
        assertThatThrownBy(() -> as("iro1", "iros", () -> taskService.complete(cafcass.getId(), Map.of(CAFCASS_REFERRED_ON, "2027-03-01"))))
                .hasMessageContaining("cafcassReferredOn must not be in the future");
        as("iro1", "iros", () -> taskService.complete(cafcass.getId(), Map.of(CAFCASS_REFERRED_ON, "2027-02-25", CAFCASS_REFERENCE, "CAF/123")));

        assertThat(pi).hasPassed(END_REFERRED_TO_CAFCASS).isWaitingAt(TIMER_CONSULTATION_OPENS);
        IroDispute dispute = disputes.ofChild(childId).get(0);
        assertThat(dispute.getStatus()).isEqualTo(IroDispute.Status.REFERRED_TO_CAFCASS);
        assertThat(dispute.getCafcassReference()).isEqualTo("CAF/123");
        assertThat(dispute.getConcern()).isEqualTo("Therapy has not started");
        assertThat(dispute.getSteps()).extracting(st -> st.getStage() + ":" + st.getAnsweredBy() + ":" + st.getDecision() + ":" + st.getDecidedBy())
                .containsExactly("TEAM_MANAGER:tm1:ESCALATE:iro1", "HEAD_OF_SERVICE:hos1:ESCALATE:iro1",
                        "ASSISTANT_DIRECTOR:ad1:ESCALATE:iro1", "DIRECTOR:dcs1:REFER_TO_CAFCASS:iro1");
        assertThat(decisions.ofChild(childId)).extracting(d -> d.getKind() + ":" + d.getOutcome())
                .contains("IRO_REVIEW:CONCERNS", "IRO_DISPUTE_OPENED:TEAM_MANAGER", "IRO_DISPUTE_ANSWER:DIRECTOR",
                        "IRO_DISPUTE_DECISION:REFER_TO_CAFCASS", "IRO_DISPUTE_CAFCASS:CAF/123");
        // what the IRO and each tier wrote is in the dispute's record only, never in the engine's variables or history
        List<String> written = List.of(CONCERNS, DISPUTE_ANSWER, DISPUTE_DECISION_REASON, CAFCASS_REFERENCE);
        assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(pi.getId()).list())
                .extracting(v -> v.getName()).doesNotContainAnyElementsOf(written);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
                .extracting(v -> v.getName()).doesNotContainAnyElementsOf(written).contains(DISPUTE_ID, DISPUTE_DECISION);
        assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(pi.getId()).list())
                .extracting(d -> d instanceof org.camunda.bpm.engine.history.HistoricVariableUpdate u ? u.getVariableName()
                        : ((org.camunda.bpm.engine.history.HistoricFormField) d).getFieldId())
                .doesNotContainAnyElementsOf(written);
        // the reviews went on: the second is held on time while nothing of the dispute is left
        holdReview(pi, LocalDate.of(2027, 5, 24), "ENDORSED");
        assertThat(scheduled(pi).getSequenceNumber()).isEqualTo(3);
    }

    @Test
    void shouldCloseTheDisputeOnlyWhenTheIroFindsTheAnswerResolvesIt() {
        ProcessInstance pi = allocatedChildLookedAfterOn(LocalDate.of(2027, 2, 1));
        holdReview(pi, LocalDate.of(2027, 2, 25), "CONCERNS");
        answer(pi, "tm1", "team-managers", "Therapy booked from 1 March");
        assertThat(disputes.ofChild(childId(pi)).get(0).isOpen()).isTrue();
        decide(pi, "RESOLVED", "Therapy booked");
        assertThat(pi).hasPassed(END_DISPUTE_CLOSED).hasNotPassed(TASK_REFER_TO_CAFCASS).isWaitingAt(TIMER_CONSULTATION_OPENS);
        IroDispute dispute = disputes.ofChild(childId(pi)).get(0);
        assertThat(dispute.getStatus()).isEqualTo(IroDispute.Status.RESOLVED);
        assertThat(dispute.getClosedBy()).isEqualTo("iro1");
        assertThat(dispute.getClosingReason()).isEqualTo("Therapy booked");
    }

    @Test
    void shouldRequireTheConcernsWhenAReviewEndsInDispute() {
        ProcessInstance pi = allocatedChildLookedAfterOn(LocalDate.of(2027, 2, 1));
        openConsultations(pi, LocalDate.of(2027, 2, 25));
        consultEveryone(pi, LocalDate.of(2027, 2, 25));
        Task hold = task(pi, TASK_HOLD_REVIEW);
        assertThatThrownBy(() -> taskService.complete(hold.getId(), Map.of("reviewDecisions", "Placement to continue", REVIEW_OUTCOME, "CONCERNS")))
                .hasMessageContaining("concerns is required");
        assertThat(pi).isWaitingAt(TASK_HOLD_REVIEW);
        assertThat(disputes.ofChild(childId(pi))).isEmpty();
    }

    @Test
    void shouldBringTheReviewForwardWhenThePlacementChangesDuringADisputeOrWhileConsulting() {
        ProcessInstance pi = allocatedChildLookedAfterOn(LocalDate.of(2027, 2, 1));
        holdReview(pi, LocalDate.of(2027, 2, 25), "CONCERNS");
        IroReview second = scheduled(pi);
        clock(LocalDateTime.of(2027, 3, 1, 11, 0));
        runtimeService.createMessageCorrelation(MESSAGE_PLACEMENT_CHANGED).processInstanceBusinessKey(pi.getBusinessKey()).correlate();
        journeys.runDueJobsOf(pi.getId());
        // caught while the dispute runs: the dispute goes on, the review comes forward and its timers with it
        assertThat(pi).hasPassed(TASK_BRING_REVIEW_FORWARD).isWaitingAt(TIMER_CONSULTATION_OPENS, TASK_ANSWER_CONCERN);
        assertThat(reviews.findById(second.getId()).orElseThrow().getDueDate()).isEqualTo(LocalDate.of(2027, 3, 31));
        // 10 working days before 31 March, skipping Easter (26 and 29 March): 15 March; the reminder 5 before: 22 March
        assertThat(timer(pi, TIMER_CONSULTATION_OPENS).getDuedate()).isEqualTo(at(LocalDate.of(2027, 3, 15), 9));
        assertThat(timer(pi, TIMER_REVIEW_REMINDER).getDuedate()).isEqualTo(at(LocalDate.of(2027, 3, 22), 9));

    }

    @Test
    void shouldCatchAPlacementChangeBetweenOneReviewAndTheSchedulingOfTheNext() {
        ProcessInstance pi = allocatedChildLookedAfterOn(LocalDate.of(2027, 2, 1));
        openConsultations(pi, LocalDate.of(2027, 2, 25));
        consultEveryone(pi, LocalDate.of(2027, 2, 25));
        taskService.complete(task(pi, TASK_HOLD_REVIEW).getId(), Map.of("reviewDecisions", "Plan endorsed", REVIEW_OUTCOME, "ENDORSED"));
        // the next review is not scheduled yet (its job waits): the change is caught all the same
        assertThat(pi).isWaitingAt(TASK_SCHEDULE_REVIEW);
        clock(LocalDateTime.of(2027, 3, 1, 11, 0));
        runtimeService.createMessageCorrelation(MESSAGE_PLACEMENT_CHANGED).processInstanceBusinessKey(pi.getBusinessKey()).correlate();
        journeys.runDueJobsOf(pi.getId());
        IroReview second = scheduled(pi);
        assertThat(second.getSequenceNumber()).isEqualTo(2);
        assertThat(second.getDueDate()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(timer(pi, TIMER_CONSULTATION_OPENS).getDuedate()).isEqualTo(at(LocalDate.of(2027, 3, 15), 9));
        assertThat(reviews.findByChildIdOrderBySequenceNumberAsc(childId(pi))).hasSize(2);
    }

    @Test
    void shouldEndAnOpenDisputeWhenTheChildLeavesCare() {
        ProcessInstance pi = allocatedChildLookedAfterOn(LocalDate.of(2027, 2, 1));
        holdReview(pi, LocalDate.of(2027, 2, 25), "CONCERNS");
        Long childId = childId(pi);
        service.leftCare(childId);
        assertThat(pi).isEnded();
        assertThat(disputes.ofChild(childId).get(0).getStatus()).isEqualTo(IroDispute.Status.ENDED_CHILD_LEFT_CARE);
    }

    @Test
    void shouldEndWhenTheChildLeavesCareAndRefuseAChildWithNoReviews() {
        ProcessInstance pi = lookedAfterOn(LocalDate.of(2027, 2, 1));
        Long childId = ((Number) runtimeService.getVariable(pi.getId(), CHILD_ID)).longValue();
        IroReview first = scheduled(pi);
        service.leftCare(childId);
        assertThat(pi).isEnded().hasPassed(TASK_CLOSE_REVIEWS, END_CHILD_LEFT_CARE);
        assertThat(reviews.findById(first.getId()).orElseThrow().getStatus()).isEqualTo(IroReview.Status.CANCELLED);
        assertThatThrownBy(() -> service.leftCare(childId)).isInstanceOf(ConflictException.class).hasMessageContaining("no running review");
    }

    static Date at(LocalDate day, int hour) {
        return Date.from(day.atTime(hour, 0).atZone(LONDON).toInstant());
    }
}
