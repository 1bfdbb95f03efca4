package uk.gov.placements.monitoring;



import uk.gov.placements.audit.DecisionFixtures;
import uk.gov.placements.placement.PlacementFixtures;
import uk.gov.placements.provider.MonitoringRating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.gov.placements.monitoring.ContractMonitoringProcess.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import uk.gov.placements.child.Child;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.provider.ProviderService;
import uk.gov.placements.provider.ServiceMatcher;
import uk.gov.placements.referral.PlacementReferralProcess;
import uk.gov.placements.referral.search.PlacementSearchProcess;
import uk.gov.placements.referral.search.SearchService;

/** Every path of contractMonitoring, with the engine clock moved to each round and deadline. */
@IntegrationTest
class ContractMonitoringProcessTest {
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;
    @Autowired Journeys journeys;
    @Autowired PlacementFixtures placements;
    @Autowired ProviderService providerService;
    @Autowired MonitoringRoundRepository rounds;
    @Autowired ProviderLatestRatingRepository latestRatings;
    @Autowired uk.gov.placements.provider.MonitoringRatings ratings;
    @Autowired ActionPlanRepository plans;
    @Autowired DecisionFixtures decisionRecords;
    @Autowired ExitInterviewRepository exitInterviews;
    @Autowired ContractMonitoringService monitoring;
    @Autowired ServiceMatcher matcher;
    @Autowired SearchService searchService;

    @Autowired uk.gov.placements.placement.PlacementService placementService;
    @Autowired org.camunda.bpm.engine.IdentityService identityService;
    @Autowired uk.gov.placements.child.ChildService childService;
    @Autowired uk.gov.placements.TestMailServer mail;
    @Autowired uk.gov.placements.tasks.TaskDisplay display;
    @Autowired org.springframework.boot.test.web.client.TestRestTemplate http;
    Journeys.Council council;
    CareService home;
    Placement placement;
    ProcessInstance pi;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        clock(LocalDateTime.of(2027, 6, 1, 10, 0));
        council = journeys.newCouncil();
        home = journeys.independent(council, council.id(), PlacementType.CHILDRENS_HOME, 4500, OfstedRating.GOOD, NeedCode.SELF_HARM);
        Child child = journeys.child(council, 14);
        placement = placements.save(PlacementFixtures.of(null, child.getId(), council.id(), PlacementType.CHILDRENS_HOME, LocalDate.of(2027, 6, 1))
                .at(home.getId(), home.getProvider().getId(), false, new BigDecimal("4500"), 3.2, "TE1 1ST", "TE2 2ND", "SC200002")
                .area(false, false).match(false, null, false).codes("K2", "PR4", null)
                .approval("ad1", "assistant-directors", ClockUtil.getCurrentTime().toInstant(), "ok").planDue(LocalDate.of(2027, 6, 8)));
        monitoring.start(placement);
        pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey(placement.getId())).singleResult();
        journeys.runDueJobsOf(pi.getId());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static void clock(LocalDateTime at) {
        ClockUtil.setCurrentTime(Date.from(at.atZone(ZoneId.of("Europe/London")).toInstant()));
    }

    Task task(String key) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }

    /** The round falls due: feedback and Form D come in, and the contracts officer is asked to rate. */
    MonitoringRound roundDueAndEvidenced() {
        MonitoringRound round = rounds.findByPlacementIdOrderByRoundNumberAsc(placement.getId()).stream()
                .filter(r -> r.getStatus() == MonitoringRound.Status.OPEN).findFirst().orElseThrow();
        clock(round.getDueDate().atTime(9, 30));
        Job due = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(TIMER_ROUND_DUE).singleResult();
        managementService.executeJob(due.getId());
        assertThat(pi).isWaitingAt(TASK_GIVE_FEEDBACK, TASK_SUBMIT_OUTCOME_REPORT);
        taskService.complete(task(TASK_GIVE_FEEDBACK).getId(), Map.of("needsMet", "true", "feedback", "Settled well", "childViews", "Likes staff"));
        taskService.complete(task(TASK_SUBMIT_OUTCOME_REPORT).getId(), formD(92.5, 12));
        journeys.runDueJobsOf(pi.getId());
        assertThat(pi).isWaitingAt(TASK_REVIEW_MONITORING);
        return rounds.findById(round.getId()).orElseThrow();
    }

    static Map<String, Object> formD(double attendance, int sdq) {
        Map<String, Object> d = new HashMap<>();
        d.put("schoolAttendance", attendance);
        d.put("healthAppointmentsKept", 100.0);
        d.put("sdqScore", sdq);
        d.put("missingEpisodes", 0);
        d.put("familyContact", "Weekly with mum");
        d.put("goalProgress", "Attending school daily; CAMHS started");
        return d;
    }

    @Test
    void shouldRateAGreenRoundAndScheduleTheNextByTypeAndCost() {
        MonitoringRound first = rounds.findByPlacementIdOrderByRoundNumberAsc(placement.getId()).get(0);
        assertThat(first.getDueDate()).isEqualTo(LocalDate.of(2027, 7, 13));   // 6 weeks after the start
        Job due = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(TIMER_ROUND_DUE).singleResult();
        assertThat(due.getDuedate()).isEqualTo(Date.from(LocalDateTime.of(2027, 7, 13, 9, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
        clock(LocalDateTime.of(2027, 7, 13, 9, 30));
        managementService.executeJob(due.getId());
        Task report = task(TASK_SUBMIT_OUTCOME_REPORT);
        assertThat(taskService.getIdentityLinksForTask(report.getId())).extracting(l -> l.getGroupId())
                .containsExactly("provider-" + home.getProvider().getId());
        assertThatThrownBy(() -> taskService.complete(report.getId(), formD(120, 12))).hasMessageContaining("schoolAttendance must be a percentage");
        assertThatThrownBy(() -> taskService.complete(report.getId(), formD(90, 41))).hasMessageContaining("sdqScore must be between 0 and 40");
        taskService.complete(report.getId(), formD(90, 14));
        taskService.complete(task(TASK_GIVE_FEEDBACK).getId(), Map.of("needsMet", "true", "feedback", "Good progress"));
        journeys.runDueJobsOf(pi.getId());
        assertThat(pi).hasPassed(TASK_GATHER_IRO_RECOMMENDATIONS).isWaitingAt(TASK_REVIEW_MONITORING);
        Task review = task(TASK_REVIEW_MONITORING);
        assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of(RATING, "PURPLE"))).hasMessageContaining("rating must be GREEN, AMBER or RED");
        taskService.complete(review.getId(), Map.of(RATING, "GREEN", "costAgainstOutcomes", "Good value"));
        journeys.runDueJobsOf(pi.getId());
        MonitoringRound rated = rounds.findById(first.getId()).orElseThrow();
        assertThat(rated.getRating()).isEqualTo(MonitoringRating.GREEN);
        assertThat(rated.getSdqScore()).isEqualTo(14);
        assertThat(rated.getIroRecommendations()).isEqualTo("No IRO recommendations recorded yet.");
        MonitoringRound second = rounds.findByPlacementIdOrderByRoundNumberAsc(placement.getId()).get(1);
        assertThat(second.getDueDate()).isEqualTo(LocalDate.of(2027, 10, 13));   // children's home: every 3 months
        assertThat(pi).isWaitingAt(TIMER_ROUND_DUE);
    }

    @Test
    void shouldRecordEachTimeMissingOrAwayThatFormDGivesForTheReturn() {
        clock(LocalDateTime.of(2027, 7, 13, 9, 30));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).activityId(TIMER_ROUND_DUE)
                .singleResult().getId());
        Task report = task(TASK_SUBMIT_OUTCOME_REPORT);
        Map<String, Object> d = formD(90, 14);
        d.put("missingEpisodes", 2);
        d.put("missing1Kind", "MISSING");
        d.put("missing1Start", "2027-06-20");
        d.put("missing1End", "2027-06-21");
        // the second's dates are asked for too: the count says there were two
        assertThatThrownBy(() -> taskService.complete(report.getId(), d)).hasMessageContaining("missing2Start is required");
        d.put("missing2Kind", "AWAY");
        d.put("missing2Start", "2027-05-01");   // before the placement began
        assertThatThrownBy(() -> taskService.complete(report.getId(), d)).hasMessageContaining("missing2Start must be a day of this placement");
        d.put("missing2Start", "2027-07-02");
        taskService.complete(report.getId(), d);
        assertThat(placementService.missingEpisodes(placement.getId())).extracting(m -> m.getKind() + " " + m.getStartDate() + " " + m.getEndDate())
                .containsExactly("MISSING 2027-06-20 2027-06-21", "AWAY 2027-07-02 null");
    }

    /** The contracts officer's rating with the action plan's deadline, as the form sends it. */
    static Map<String, Object> rated(String rating, String reason, String deadline) {
        Map<String, Object> form = new HashMap<>(Map.of(RATING, rating, "ratingReason", reason));
        if (deadline != null) {
            form.put(ACTION_PLAN_DEADLINE, deadline);
        }
        return form;
    }

    Job job(String activityId) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    }

    static Date ukTime(LocalDateTime at) {
        return Date.from(at.atZone(ZoneId.of("Europe/London")).toInstant());
    }

    /** A member of staff with an e-mail address, in a group and (for council staff) in the council. */
    String staff(String id, String group, String councilId) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            var user = identityService.newUser(id);
            user.setPassword("demo");
            user.setEmail(id + "@test.example.gov.uk");
            identityService.saveUser(user);
            if (identityService.createGroupQuery().groupId(group).count() == 0) {
                var g = identityService.newGroup(group);
                g.setName(group);
                identityService.saveGroup(g);
            }
            identityService.createMembership(id, group);
            if (councilId != null) {
                if (identityService.createTenantQuery().tenantId(councilId).count() == 0) {
                    identityService.saveTenant(identityService.newTenant(councilId));
                }
                identityService.createTenantUserMembership(councilId, id);
            }
        }
        return id;
    }

    /** Each e-mail the mail server took, as "address: subject" and the body on the next line. */
    List<String> mailed() {
        return mail.received().stream().map(m -> {
            try {
                return ((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress() + ": " + m.getSubject() + "\n" + m.getContent();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void shouldRemindWhenTheEvidenceIsDueAndGoOnWithoutTheSilentPartyFiveWorkingDaysLater() throws Exception {
        Long child = placement.getChildId();
        String sw = staff("swmon" + child, "social-workers", council.id());
        String iro = staff("iromon" + child, "iros", council.id());
        String providerStaff = staff("provmon" + child, "provider-" + home.getProvider().getId(), null);
        childService.allocate(child, sw, iro);
        MonitoringRound round = rounds.findByPlacementIdOrderByRoundNumberAsc(placement.getId()).get(0);
        // the round opens on 13/07/2027: evidence due 10 working days on, escalated 5 after that
        assertThat(round.getEvidenceDue()).isEqualTo(LocalDate.of(2027, 7, 27));
        assertThat(round.getEvidenceEscalation()).isEqualTo(LocalDate.of(2027, 8, 3));
        clock(LocalDateTime.of(2027, 7, 13, 9, 30));
        managementService.executeJob(job(TIMER_ROUND_DUE).getId());
        assertThat(task(TASK_GIVE_FEEDBACK).getDueDate()).isEqualTo(ukTime(LocalDateTime.of(2027, 7, 27, 17, 0)));
        assertThat(job(TIMER_FEEDBACK_REMINDER).getDuedate()).isEqualTo(ukTime(LocalDateTime.of(2027, 7, 27, 17, 0)));
        assertThat(job(TIMER_FEEDBACK_OVERDUE).getDuedate()).isEqualTo(ukTime(LocalDateTime.of(2027, 8, 3, 17, 0)));
        taskService.complete(task(TASK_SUBMIT_OUTCOME_REPORT).getId(), formD(92.5, 12));
        assertThat(job(TIMER_FORM_D_REMINDER)).as("Form D is in: nobody chases it").isNull();

        // due: the allocated social worker is reminded, and the task stays with them
        mail.reset();
        clock(LocalDateTime.of(2027, 7, 27, 17, 30));
        managementService.executeJob(job(TIMER_FEEDBACK_REMINDER).getId());
        journeys.runDueJobsOf(pi.getId());
        assertThat(pi).hasPassed(TASK_REMIND_SOCIAL_WORKER).isWaitingAt(TASK_GIVE_FEEDBACK);
        assertThat(mailed()).singleElement().asString().startsWith(sw + "@test.example.gov.uk: Reminder: your feedback for monitoring round 1")
                .contains("If it is not in by 03/08/2027").doesNotContain("Tess").doesNotContain(providerStaff);

        // five working days later: the silence is recorded and the round goes to the contracts officer without it
        clock(LocalDateTime.of(2027, 8, 3, 17, 30));
        managementService.executeJob(job(TIMER_FEEDBACK_OVERDUE).getId());
        journeys.runDueJobsOf(pi.getId());
        assertThat(pi).hasPassed(TASK_RECORD_FEEDBACK_NOT_RETURNED, TASK_GATHER_IRO_RECOMMENDATIONS).isWaitingAt(TASK_REVIEW_MONITORING);
        MonitoringRound silent = rounds.findById(round.getId()).orElseThrow();
        assertThat(silent.getFeedbackNotReturnedBy()).isEqualTo(LocalDate.of(2027, 7, 27));
        assertThat(silent.getOutcomeReportNotReturnedBy()).isNull();
        assertThat(silent.getSocialWorkerFeedback()).isNull();
        assertThat(display.text(task(TASK_REVIEW_MONITORING).getId(), "monitoringSummary"))
                .contains("**Social worker's feedback: not returned by 27/07/2027**").contains("Form D: school attendance 92.5");
        taskService.complete(task(TASK_REVIEW_MONITORING).getId(), Map.of(RATING, "GREEN"));
        journeys.runDueJobsOf(pi.getId());
        assertThat(pi).isWaitingAt(TIMER_ROUND_DUE);
    }

    @Test
    void shouldRecordFormDNotReturnedWhenTheProviderIsSilent() {
        clock(LocalDateTime.of(2027, 7, 13, 9, 30));
        managementService.executeJob(job(TIMER_ROUND_DUE).getId());
        taskService.complete(task(TASK_GIVE_FEEDBACK).getId(), Map.of("needsMet", "true", "feedback", "Settled well"));
        clock(LocalDateTime.of(2027, 7, 27, 17, 30));
        managementService.executeJob(job(TIMER_FORM_D_REMINDER).getId());
        journeys.runDueJobsOf(pi.getId());
        assertThat(pi).hasPassed(TASK_REMIND_PROVIDER).isWaitingAt(TASK_SUBMIT_OUTCOME_REPORT);
        clock(LocalDateTime.of(2027, 8, 3, 17, 30));
        managementService.executeJob(job(TIMER_FORM_D_OVERDUE).getId());
        journeys.runDueJobsOf(pi.getId());
        assertThat(pi).hasPassed(TASK_RECORD_FORM_D_NOT_RETURNED).isWaitingAt(TASK_REVIEW_MONITORING);
        MonitoringRound round = rounds.findByPlacementIdOrderByRoundNumberAsc(placement.getId()).get(0);
        assertThat(round.getOutcomeReportNotReturnedBy()).isEqualTo(LocalDate.of(2027, 7, 27));
        assertThat(display.text(task(TASK_REVIEW_MONITORING).getId(), "monitoringSummary")).contains("**Form D: not returned by 27/07/2027**")
                .contains("Settled well");
    }

    @Test
    void shouldRecordAProviderNobodySignsInForAsNotReachedRatherThanSilentForFormDAndTheActionPlan() {
        // its only member of staff removed: Form D and the action plan go to a Tasklist group with nobody in it
        identityService.deleteUser("staff-" + home.getProvider().candidateGroup());
        clock(LocalDateTime.of(2027, 7, 13, 9, 30));
        managementService.executeJob(job(TIMER_ROUND_DUE).getId());
        taskService.complete(task(TASK_GIVE_FEEDBACK).getId(), Map.of("needsMet", "true", "feedback", "Settled well"));
        clock(LocalDateTime.of(2027, 7, 27, 17, 30));
        managementService.executeJob(job(TIMER_FORM_D_REMINDER).getId());
        journeys.runDueJobsOf(pi.getId());
        clock(LocalDateTime.of(2027, 8, 3, 17, 30));
        managementService.executeJob(job(TIMER_FORM_D_OVERDUE).getId());
        journeys.runDueJobsOf(pi.getId());

        MonitoringRound round = rounds.findByPlacementIdOrderByRoundNumberAsc(placement.getId()).get(0);
        assertThat(round.isProviderUnreachable()).isTrue();
        assertThat(display.text(task(TASK_REVIEW_MONITORING).getId(), "monitoringSummary"))
                .contains("**Form D: not returned by 27/07/2027**: the provider could not be reached (no member of its staff signs in");

        taskService.complete(task(TASK_REVIEW_MONITORING).getId(), rated("RED", "No outcome report", "2027-09-01"));
        clock(LocalDateTime.of(2027, 9, 1, 17, 30));
        managementService.executeJob(job(TIMER_NO_ACTION_PLAN).getId());
        journeys.runDueJobsOf(pi.getId());
        ActionPlan plan = plans.findByProviderIdOrderByIdAsc(home.getProvider().getId()).get(0);
        assertThat(plan.isProviderUnreachable()).isTrue();
        assertThat(display.text(task(TASK_DECIDE_UNRESOLVED).getId(), "actionPlanSummary"))
                .contains("**No action plan by 01/09/2027**: the provider could not be reached").doesNotContain("did not answer");
    }

    @Test
    void shouldRefuseAnActionPlanDeadlineMissingPastOrMoreThanThreeMonthsAwayBeforeWritingAnything() {
        roundDueAndEvidenced();
        Task review = task(TASK_REVIEW_MONITORING);
        assertThatThrownBy(() -> taskService.complete(review.getId(), rated("AMBER", "Missing episodes not reported", null)))
                .hasMessageContaining("actionPlanDeadline is required");
        assertThatThrownBy(() -> taskService.complete(review.getId(), rated("AMBER", "Missing episodes not reported", "2027-10-14")))
                .hasMessageContaining("actionPlanDeadline must be within 3 months (by 13/10/2027)");
        assertThatThrownBy(() -> taskService.complete(review.getId(), rated("RED", "Missing episodes not reported", "2027-07-12")))
                .hasMessageContaining("actionPlanDeadline must not be in the past");
        // through the product's API, the same refusal is a 400 naming the field
        String officer = staff("codl" + placement.getChildId(), "contracts-officers", council.id());
        var answer = http.withBasicAuth(officer, "demo").postForEntity("/api/tasks/" + review.getId() + "/complete",
                rated("RED", "Missing episodes not reported", "2027-10-14"), String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody()).contains("\"actionPlanDeadline\"").contains("must be within 3 months (by 13/10/2027)");
        assertThat(rounds.findByPlacementIdOrderByRoundNumberAsc(placement.getId()).get(0).getRating()).as("nothing written").isNull();
        assertThat(plans.findByProviderIdOrderByIdAsc(home.getProvider().getId())).isEmpty();
        taskService.complete(review.getId(), rated("AMBER", "Missing episodes not reported", "2027-10-13"));
        ActionPlan plan = plans.findByProviderIdOrderByIdAsc(home.getProvider().getId()).get(0);
        assertThat(plan.getDeadline()).isEqualTo(LocalDate.of(2027, 10, 13));
        assertThat(plan.getDeadlineSetAt()).isNotNull();
        assertThat(job(TIMER_NO_ACTION_PLAN).getDuedate()).isEqualTo(ukTime(LocalDateTime.of(2027, 10, 13, 17, 0)));
        // the provider no longer sets its own deadline: it sees the officer's
        Task respond = task(TASK_RESPOND_WITH_ACTION_PLAN);
        assertThat(respond.getDueDate()).isEqualTo(ukTime(LocalDateTime.of(2027, 10, 13, 17, 0)));
        assertThat(display.text(respond.getId(), "actionPlanSummary")).contains("**Deadline** (set by the contracts officer): 13/10/2027");
    }

    @Test
    void shouldAgreeAnAmberActionPlanAndCheckItAtTheDeadline() {
        roundDueAndEvidenced();
        Task review = task(TASK_REVIEW_MONITORING);
        assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of(RATING, "AMBER"))).hasMessageContaining("ratingReason is required");
        taskService.complete(review.getId(), rated("AMBER", "Missing episodes not reported to police", "2027-08-31"));
        assertThat(pi).isWaitingAt(TASK_RESPOND_WITH_ACTION_PLAN);
        Task respond = task(TASK_RESPOND_WITH_ACTION_PLAN);
        assertThatThrownBy(() -> taskService.complete(respond.getId(), Map.of("actions", " "))).hasMessageContaining("actions is required");
        taskService.complete(respond.getId(), Map.of("actions", "Train staff on missing protocol"));
        Job deadline = job(TIMER_ACTION_PLAN_DEADLINE);
        assertThat(deadline.getDuedate()).isEqualTo(ukTime(LocalDateTime.of(2027, 8, 31, 17, 0)));
        clock(LocalDateTime.of(2027, 8, 31, 17, 30));
        managementService.executeJob(deadline.getId());
        taskService.complete(task(TASK_CHECK_ACTION_PLAN).getId(), Map.of(ACTION_PLAN_RESOLVED, "true", "checkNotes", "Training done, protocol followed"));
        journeys.runDueJobsOf(pi.getId());
        assertThat(pi).isWaitingAt(TIMER_ROUND_DUE).hasNotPassed(TASK_SUSPEND_PROVIDER);
        assertThat(plans.findByProviderIdOrderByIdAsc(home.getProvider().getId())).extracting(ActionPlan::getStatus)
                .containsExactly(ActionPlan.Status.RESOLVED);
        assertThat(providerService.get(home.getProvider().getId()).isSuspended()).isFalse();
    }

    /**
     * A placement whose monitoring started before this release keeps that model and its forms: the officer's rating form
     * has no deadline, the provider gives its own ("actionDeadline", now held to 3 months) and the next timer reads it.
     */
    @Test
    void shouldLetAnInstanceOfThePreviousReleaseTakeTheProvidersOwnDeadlineAndCheckTheActionPlanAtIt() {
        // the instance setUp started is of this release: this placement's monitoring is started again on the previous one
        runtimeService.deleteProcessInstance(pi.getId(), "started again on the previous release's model");
        rounds.deleteAll(rounds.findByPlacementIdOrderByRoundNumberAsc(placement.getId()));
        try (PreviousRelease previous = PreviousRelease.deploy(repositoryService, "contractMonitoring.bpmn")) {
            pi = runtimeService.startProcessInstanceById(previous.definitionId(KEY), businessKey(placement.getId()),
                    ContractMonitoringService.variables(placement));
            journeys.runDueJobsOf(pi.getId());
            roundDueAndEvidenced();
            taskService.complete(task(TASK_REVIEW_MONITORING).getId(), rated("AMBER", "Staffing below ratio at night", null));
            assertThat(pi).isWaitingAt(TASK_RESPOND_WITH_ACTION_PLAN);
            ActionPlan plan = plans.findByProviderIdOrderByIdAsc(home.getProvider().getId()).get(0);
            assertThat(plan.getDeadline()).isNull();
            assertThat(plan.getDeadlineSetBy()).isNull();
            Task respond = task(TASK_RESPOND_WITH_ACTION_PLAN);
            assertThat(display.text(respond.getId(), "monitoringSummary")).as("the old form's only text").contains("Staffing below ratio at night");

            assertThatThrownBy(() -> taskService.complete(respond.getId(), Map.of("actions", "Two more waking night staff")))
                    .hasMessageContaining("actionDeadline is required");
            assertThatThrownBy(() -> taskService.complete(respond.getId(), Map.of("actions", "Two more waking night staff", "actionDeadline", "2027-11-01")))
                    .hasMessageContaining("actionDeadline must be within 3 months (by 13/10/2027)");
            taskService.complete(respond.getId(), Map.of("actions", "Two more waking night staff", "actionDeadline", "2027-08-31"));
            assertThat(pi).isWaitingAt(TIMER_ACTION_PLAN_DEADLINE);
            assertThat(job(TIMER_ACTION_PLAN_DEADLINE).getDuedate()).isEqualTo(ukTime(LocalDateTime.of(2027, 8, 31, 17, 0)));
            plan = plans.findById(plan.getId()).orElseThrow();
            assertThat(plan.getDeadline()).isEqualTo(LocalDate.of(2027, 8, 31));
            assertThat(plan.getActions()).isEqualTo("Two more waking night staff");

            clock(LocalDateTime.of(2027, 8, 31, 17, 30));
            managementService.executeJob(job(TIMER_ACTION_PLAN_DEADLINE).getId());
            Task check = task(TASK_CHECK_ACTION_PLAN);
            assertThat(display.text(check.getId(), "monitoringSummary")).contains("(given by the provider with its answer): 31/08/2027");
            taskService.complete(check.getId(), Map.of(ACTION_PLAN_RESOLVED, "true", "checkNotes", "Night staffing at ratio"));
            journeys.runDueJobsOf(pi.getId());
            assertThat(pi).hasPassed("EndEvent_ActionPlanResolved").isWaitingAt(TIMER_ROUND_DUE);
            assertThat(plans.findById(plan.getId()).orElseThrow().getStatus()).isEqualTo(ActionPlan.Status.RESOLVED);
        }
        String latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult().getId();
        assertThat((Object) repositoryService.getBpmnModelInstance(latest).getModelElementById(TIMER_NO_ACTION_PLAN)).as("the current model is the latest again")
                .isNotNull();
    }

    @Test
    void shouldTreatAProviderSilentAtItsDeadlineAsUnresolvedAndLetCommissioningManagersExtendIt() {
        roundDueAndEvidenced();
        taskService.complete(task(TASK_REVIEW_MONITORING).getId(), rated("RED", "Unsafe staffing at night", "2027-08-16"));
        // the provider never answers: at the deadline the plan is unresolved, and the council's commissioning managers decide
        clock(LocalDateTime.of(2027, 8, 16, 17, 30));
        managementService.executeJob(job(TIMER_NO_ACTION_PLAN).getId());
        journeys.runDueJobsOf(pi.getId());
        assertThat(pi).hasPassed(TASK_RECORD_NO_ACTION_PLAN).hasNotPassed(TASK_CHECK_ACTION_PLAN).isWaitingAt(TASK_DECIDE_UNRESOLVED);
        ActionPlan plan = plans.findByProviderIdOrderByIdAsc(home.getProvider().getId()).get(0);
        assertThat(plan.getStatus()).isEqualTo(ActionPlan.Status.UNRESOLVED);
        assertThat(plan.getNotAnsweredBy()).isEqualTo(LocalDate.of(2027, 8, 16));
        Task decide = task(TASK_DECIDE_UNRESOLVED);
        assertThat(decide.getTenantId()).isEqualTo(council.id());
        assertThat(taskService.getIdentityLinksForTask(decide.getId())).extracting(l -> l.getGroupId()).containsExactly("commissioning-managers");
        assertThat(display.text(decide.getId(), "actionPlanSummary")).contains("**No action plan by 16/08/2027**");
        assertThatThrownBy(() -> taskService.complete(decide.getId(), Map.of(ACTION_PLAN_DECISION, "EXTEND", "decisionReason", "New manager starts")))
                .hasMessageContaining("newDeadline is required");
        assertThatThrownBy(() -> taskService.complete(decide.getId(), Map.of(ACTION_PLAN_DECISION, "EXTEND", "newDeadline", "2027-11-17",
                "decisionReason", "New manager starts"))).hasMessageContaining("newDeadline must be within 3 months");
        assertThatThrownBy(() -> taskService.complete(decide.getId(), Map.of(ACTION_PLAN_DECISION, "SUSPEND")))
                .hasMessageContaining("decisionReason is required");
        taskService.complete(decide.getId(), Map.of(ACTION_PLAN_DECISION, "EXTEND", "newDeadline", "2027-09-30", "decisionReason", "New manager starts"));

        // back to the provider, now by the new deadline
        assertThat(pi).isWaitingAt(TASK_RESPOND_WITH_ACTION_PLAN);
        assertThat(job(TIMER_NO_ACTION_PLAN).getDuedate()).isEqualTo(ukTime(LocalDateTime.of(2027, 9, 30, 17, 0)));
        ActionPlan extended = plans.findById(plan.getId()).orElseThrow();
        assertThat(extended.getDecision()).isEqualTo(ActionPlan.Decision.EXTEND);
        assertThat(extended.getDecisionReason()).isEqualTo("New manager starts");
        assertThat(extended.getDecidedAt()).isNotNull();
        assertThat(extended.getStatus()).isEqualTo(ActionPlan.Status.AWAITING_PROVIDER);
        assertThat(extended.getDeadline()).isEqualTo(LocalDate.of(2027, 9, 30));
        taskService.complete(task(TASK_RESPOND_WITH_ACTION_PLAN).getId(), Map.of("actions", "Recruit two waking night staff"));
        assertThat(pi).isWaitingAt(TIMER_ACTION_PLAN_DEADLINE);
        assertThat(providerService.get(home.getProvider().getId()).isSuspended()).isFalse();
    }

    @Test
    void shouldSuspendTheProviderWhenCommissioningManagersDecideOnAnUnresolvedRedPlanAndTellThePlacedChildrensWorkers() throws Exception {
        var criteria = new ServiceMatcher.Criteria(PlacementType.CHILDRENS_HOME, 14, 1, Set.of(NeedCode.SELF_HARM), Set.of(),
                council.lat(), council.lon(), 20.0);
        assertThat(matcher.independent(criteria)).extracting(m -> m.service().getId()).contains(home.getId());
        // another child lives there too, with its own social worker and the same IRO
        Long child = placement.getChildId();
        String sw = staff("swsus" + child, "social-workers", council.id());
        String iro = staff("irosus" + child, "iros", council.id());
        childService.allocate(child, sw, iro);
        Child other = journeys.child(council, 12);
        String otherSw = staff("swsusb" + child, "social-workers", council.id());
        childService.allocate(other.getId(), otherSw, iro);
        Placement otherPlacement = placements.save(PlacementFixtures.of(null, other.getId(), council.id(), PlacementType.CHILDRENS_HOME, LocalDate.of(2027, 5, 1))
                .at(home.getId(), home.getProvider().getId(), false, new BigDecimal("4500"), 3.2, "TE1 1ST", "TE2 2ND", "SC200002")
                .area(false, false).match(false, null, false).codes("K2", "PR4", null)
                .approval("ad1", "assistant-directors", ClockUtil.getCurrentTime().toInstant(), "ok").planDue(LocalDate.of(2027, 5, 8)));
        roundDueAndEvidenced();
        taskService.complete(task(TASK_REVIEW_MONITORING).getId(), rated("RED", "Unsafe staffing at night", "2027-08-15"));
        taskService.complete(task(TASK_RESPOND_WITH_ACTION_PLAN).getId(), Map.of("actions", "Recruit night staff"));
        clock(LocalDateTime.of(2027, 8, 16, 10, 0));
        managementService.executeJob(job(TIMER_ACTION_PLAN_DEADLINE).getId());
        taskService.complete(task(TASK_CHECK_ACTION_PLAN).getId(), Map.of(ACTION_PLAN_RESOLVED, false, "checkNotes", "Still one waking night staff"));
        assertThat(pi).isWaitingAt(TASK_DECIDE_UNRESOLVED).hasNotPassed(TASK_SUSPEND_PROVIDER);
        mail.reset();
        taskService.complete(task(TASK_DECIDE_UNRESOLVED).getId(), Map.of(ACTION_PLAN_DECISION, "SUSPEND", "decisionReason", "Children unsafe at night"));
        journeys.runDueJobsOf(pi.getId());
        assertThat(pi).hasPassed(TASK_SUSPEND_PROVIDER, "EndEvent_ProviderSuspended");
        var provider = providerService.get(home.getProvider().getId());
        assertThat(provider.isSuspended()).isTrue();
        // the register and everyone told read what happened and when; the council's own words about its child's placement
        // stay in the suspension's decision record
        String decidedBy = plans.findByProviderIdOrderByIdAsc(provider.getId()).get(0).getDecidedBy();
        assertThat(decidedBy).isNotBlank();
        assertThat(provider.getSuspendedReason()).isEqualTo("Monitoring action plan not resolved by 15/08/2027; suspended by " + decidedBy
                + " on 16/08/2027");
        assertThat(decisionRecords.all()).filteredOn(d -> ("SUSPENDED provider " + provider.getId()).equals(d.getOutcome()))
                .singleElement().satisfies(d -> assertThat(d.getReason()).contains("Unsafe staffing at night").contains("Children unsafe at night"));
        ActionPlan plan = plans.findByProviderIdOrderByIdAsc(provider.getId()).get(0);
        assertThat(plan.getDecision()).isEqualTo(ActionPlan.Decision.SUSPEND);
        assertThat(plan.getDecisionReason()).isEqualTo("Children unsafe at night");
        assertThat(matcher.independent(criteria)).extracting(m -> m.service().getId()).doesNotContain(home.getId());
        // each placed child's social worker and IRO is told, by placement number, never the child's name
        List<String> told = mailed().stream().filter(m -> m.contains("@test.example.gov.uk")).toList();
        assertThat(told).extracting(m -> m.substring(0, m.indexOf(':'))).containsExactlyInAnyOrder(sw + "@test.example.gov.uk",
                iro + "@test.example.gov.uk", otherSw + "@test.example.gov.uk", iro + "@test.example.gov.uk");
        assertThat(told).allSatisfy(m -> assertThat(m).contains(provider.getName() + " suspended").doesNotContain("Tess").doesNotContain("Ting")
                .doesNotContain("Unsafe staffing").doesNotContain("Children unsafe"));
        assertThat(told).anySatisfy(m -> assertThat(m).contains("Placement " + otherPlacement.getId() + ":"));
        monitoring.liftSuspension(provider.getId(), "New night staff verified on a visit");
        assertThat(providerService.get(provider.getId()).isSuspended()).isFalse();
    }

    @Test
    void shouldKeepTheProvidersLatestRatingAsRoundsAreRated() {
        Long provider = home.getProvider().getId();
        assertThat(ratings.latestFor(provider)).isEmpty();
        MonitoringRound first = roundDueAndEvidenced();
        taskService.complete(task(TASK_REVIEW_MONITORING).getId(), Map.of(RATING, "GREEN"));
        journeys.runDueJobsOf(pi.getId());
        assertThat(ratings.latestRatings(List.of(provider))).containsExactly(Map.entry(provider, "GREEN"));
        MonitoringRound second = roundDueAndEvidenced();
        taskService.complete(task(TASK_REVIEW_MONITORING).getId(), rated("AMBER", "Missing episodes not reported", "2027-12-01"));
        assertThat(ratings.latestRatings(List.of(provider, 0L))).containsExactly(Map.entry(provider, "AMBER"));
        assertThat(ratings.latestFor(provider)).contains("Amber (round 2, 13/10/2027)");
        // a rating older than the one held (a round rated before, committing after) does not replace it
        assertThat(latestRatings.takeIfLater(provider, first.getId(), rounds.findById(first.getId()).orElseThrow().getRatedAt())).isZero();
        assertThat(latestRatings.findById(provider).orElseThrow().getRoundId()).isEqualTo(second.getId());
    }

    @Test
    void shouldRankARedRatedProviderBelowAnEquallyGoodOneEvenWhenCheaper() {
        roundDueAndEvidenced();
        taskService.complete(task(TASK_REVIEW_MONITORING).getId(), rated("RED", "Unsafe staffing at night", "2027-08-31"));
        ClockUtil.reset();
        CareService other = journeys.independent(council, council.id(), PlacementType.CHILDRENS_HOME, 4800, OfstedRating.GOOD, NeedCode.SELF_HARM);
        var referral = journeys.refer(journeys.child(council, 13), "PLANNED", PlacementType.CHILDRENS_HOME, 2, null, NeedCode.SELF_HARM);
        ProcessInstance referralPi = runtimeService.createProcessInstanceQuery().processInstanceId(referral.getProcessInstanceId()).singleResult();
        taskService.complete(taskService.createTaskQuery().processInstanceId(referralPi.getId()).singleResult().getId(),
                Map.of(PlacementReferralProcess.TRIAGE_OUTCOME, "ACCEPT"));
        journeys.runDueJobs();
        ProcessInstance search = runtimeService.createProcessInstanceQuery().superProcessInstanceId(referralPi.getId()).singleResult();
        taskService.complete(taskService.createTaskQuery().processInstanceId(search.getId()).singleResult().getId(),
                Map.of(PlacementSearchProcess.RESTRICT_TO_IN_HOUSE, false));
        journeys.runDueJobs();
        journeys.offerAll(search);
        var ranked = searchService.optionsOf(referral.getId());
        assertThat(ranked).extracting(o -> o.getService().getId()).containsExactly(other.getId(), home.getId());
        assertThat(ranked.get(1).getRankReasons()).contains("latest contract-monitoring rating red");
    }

    @Test
    void shouldRecordAnExitInterviewWhenThePlacementEndsMidRound() {
        roundDueAndEvidenced();
        monitoring.placementEnded(placement.getId());
        assertThat(pi).isWaitingAt(TASK_RECORD_EXIT_INTERVIEW);
        Task exit = task(TASK_RECORD_EXIT_INTERVIEW);
        assertThatThrownBy(() -> taskService.complete(exit.getId(), Map.of("interviewedOn", "2027-07-13"))).hasMessageContaining("exitViews is required");
        taskService.complete(exit.getId(), Map.of("interviewedOn", "2027-07-13", "exitViews", "Staff listened to me", "feltSafe", "true"));
        assertThat(pi).isEnded().hasPassed(END_PLACEMENT_ENDED);
        assertThat(exitInterviews.findByProviderIdOrderByInterviewedOnDesc(home.getProvider().getId())).extracting(ExitInterview::getChildViews)
                .containsExactly("Staff listened to me");
        assertThat(rounds.findByPlacementIdOrderByRoundNumberAsc(placement.getId())).extracting(MonitoringRound::getStatus)
                .doesNotContain(MonitoringRound.Status.OPEN);
    }
}
