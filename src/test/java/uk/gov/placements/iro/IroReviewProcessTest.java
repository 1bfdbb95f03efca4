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
import uk.gov.placements.audit.DecisionRecordRepository;
import uk.gov.placements.child.Child;
import uk.gov.placements.child.ChildRepository;
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
    @Autowired ChildRepository children;
    @Autowired IroReviewRepository reviews;
    @Autowired IroReviewService service;
    @Autowired DecisionRecordRepository decisions;

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
        clock(day.atTime(10, 0));
        Child child = journeys.child(journeys.newCouncil(), 11);
        child.becameLookedAfter(day);
        children.save(child);
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

    /** Opens the consultation window, consults everyone and holds the review on the given day. */
    void holdReview(ProcessInstance pi, LocalDate on, String outcome) {
        clock(on.atTime(9, 30));
        journeys.runDueJobsOf(pi.getId());
        Job window = timer(pi, TIMER_CONSULTATION_OPENS);
        if (window != null) {
            managementService.executeJob(window.getId());
        }
        consultEveryone(pi, on);
        Task hold = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_HOLD_REVIEW).singleResult();
        taskService.complete(hold.getId(), Map.of("reviewDecisions", "Placement to continue; contact weekly", "recommendations",
                "Referral to CAMHS", REVIEW_OUTCOME, outcome));
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

    @Test
    void shouldEscalateConcernsFromTeamManagerToHeadOfServiceToAssistantDirector() {
        ProcessInstance pi = lookedAfterOn(LocalDate.of(2027, 2, 1));
        Long childId = ((Number) runtimeService.getVariable(pi.getId(), CHILD_ID)).longValue();
        holdReview(pi, LocalDate.of(2027, 2, 25), "CONCERNS");
        assertThat(pi).isWaitingAt(TASK_INFORMAL_RESOLUTION);
        Task informal = tasks(pi).get(0);
        assertThat(taskService.getIdentityLinksForTask(informal.getId())).extracting(l -> l.getGroupId()).containsExactly("team-managers");
        assertThat(informal.getDueDate()).isEqualTo(at(LocalDate.of(2027, 3, 11), 17));   // 10 working days
        assertThatThrownBy(() -> taskService.complete(informal.getId(), Map.of("resolutionNotes", "x"))).hasMessageContaining("resolved is required");
        taskService.complete(informal.getId(), Map.of(RESOLVED, "false", "resolutionNotes", "Team manager will not fund the therapy"));
        assertThat(pi).isWaitingAt(TASK_FORMAL_HEAD_OF_SERVICE);
        taskService.complete(tasks(pi).get(0).getId(), Map.of(RESOLVED, false, "resolutionNotes", "Head of service agrees in part"));
        assertThat(pi).isWaitingAt(TASK_FORMAL_ASSISTANT_DIRECTOR);
        taskService.complete(tasks(pi).get(0).getId(), Map.of(RESOLVED, true, "resolutionNotes", "Therapy funded"));
        journeys.runDueJobsOf(pi.getId());
        assertThat(pi).isWaitingAt(TIMER_CONSULTATION_OPENS);
        assertThat(decisions.findByChildIdOrderByDecidedAtAscIdAsc(childId)).extracting(d -> d.getKind() + ":" + d.getOutcome())
                .contains("IRO_REVIEW:CONCERNS", "IRO_DISPUTE_INFORMAL:NOT_RESOLVED", "IRO_DISPUTE_HEAD_OF_SERVICE:NOT_RESOLVED",
                        "IRO_DISPUTE_ASSISTANT_DIRECTOR:RESOLVED");
    }

    @Test
    void shouldReturnToTheCycleWhenResolvedInformally() {
        ProcessInstance pi = lookedAfterOn(LocalDate.of(2027, 2, 1));
        holdReview(pi, LocalDate.of(2027, 2, 25), "CONCERNS");
        taskService.complete(tasks(pi).get(0).getId(), Map.of(RESOLVED, true, "resolutionNotes", "Agreed at supervision"));
        journeys.runDueJobsOf(pi.getId());
        assertThat(pi).isWaitingAt(TIMER_CONSULTATION_OPENS).hasNotPassed(TASK_FORMAL_HEAD_OF_SERVICE);
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
