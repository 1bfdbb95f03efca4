package uk.gov.placements.monitoring;

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
import uk.gov.placements.child.Child;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.placement.PlacementRepository;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.provider.ProviderRepository;
import uk.gov.placements.provider.ServiceMatcher;

/** Every path of contractMonitoring, with the engine clock moved to each round and deadline. */
@IntegrationTest
class ContractMonitoringProcessTest {
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired Journeys journeys;
    @Autowired PlacementRepository placements;
    @Autowired ProviderRepository providers;
    @Autowired MonitoringRoundRepository rounds;
    @Autowired ProviderLatestRatingRepository latestRatings;
    @Autowired uk.gov.placements.iro.MonitoringRatings ratings;
    @Autowired ActionPlanRepository plans;
    @Autowired ExitInterviewRepository exitInterviews;
    @Autowired ContractMonitoringService monitoring;
    @Autowired ServiceMatcher matcher;
    @Autowired uk.gov.placements.search.PlacementOptionRepository options;

    @Autowired uk.gov.placements.placement.PlacementService placementService;
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
        placement = placements.save(Placement.of(null, child.getId(), council.id(), PlacementType.CHILDRENS_HOME, LocalDate.of(2027, 6, 1))
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
        assertThat(rated.getRating()).isEqualTo(MonitoringRound.Rating.GREEN);
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

    @Test
    void shouldAgreeAnAmberActionPlanAndCheckItAtTheDeadline() {
        roundDueAndEvidenced();
        Task review = task(TASK_REVIEW_MONITORING);
        assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of(RATING, "AMBER"))).hasMessageContaining("ratingReason is required");
        taskService.complete(review.getId(), Map.of(RATING, "AMBER", "ratingReason", "Missing episodes not reported to police"));
        assertThat(pi).isWaitingAt(TASK_RESPOND_WITH_ACTION_PLAN);
        Task respond = task(TASK_RESPOND_WITH_ACTION_PLAN);
        assertThatThrownBy(() -> taskService.complete(respond.getId(), Map.of("actions", "Train staff"))).hasMessageContaining("actionDeadline is required");
        taskService.complete(respond.getId(), Map.of("actions", "Train staff on missing protocol", "actionDeadline", "2027-08-31"));
        Job deadline = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(TIMER_ACTION_PLAN_DEADLINE).singleResult();
        assertThat(deadline.getDuedate()).isEqualTo(Date.from(LocalDateTime.of(2027, 8, 31, 9, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
        clock(LocalDateTime.of(2027, 8, 31, 10, 0));
        managementService.executeJob(deadline.getId());
        taskService.complete(task(TASK_CHECK_ACTION_PLAN).getId(), Map.of(ACTION_PLAN_RESOLVED, "true", "checkNotes", "Training done, protocol followed"));
        journeys.runDueJobsOf(pi.getId());
        assertThat(pi).isWaitingAt(TIMER_ROUND_DUE).hasNotPassed(TASK_SUSPEND_PROVIDER);
        assertThat(plans.findByProviderIdOrderByIdAsc(home.getProvider().getId())).extracting(ActionPlan::getStatus)
                .containsExactly(ActionPlan.Status.RESOLVED);
        assertThat(providers.findById(home.getProvider().getId()).orElseThrow().isSuspended()).isFalse();
    }

    @Test
    void shouldSuspendTheProviderWhenARedPlanIsNotResolvedSoItReceivesNoNewReferrals() {
        var criteria = new ServiceMatcher.Criteria(PlacementType.CHILDRENS_HOME, 14, 1, Set.of(NeedCode.SELF_HARM), Set.of(),
                council.lat(), council.lon(), 20.0);
        assertThat(matcher.independent(criteria)).extracting(m -> m.service().getId()).contains(home.getId());
        roundDueAndEvidenced();
        taskService.complete(task(TASK_REVIEW_MONITORING).getId(), Map.of(RATING, "RED", "ratingReason", "Unsafe staffing at night"));
        taskService.complete(task(TASK_RESPOND_WITH_ACTION_PLAN).getId(), Map.of("actions", "Recruit night staff", "actionDeadline", "2027-08-15"));
        clock(LocalDateTime.of(2027, 8, 16, 10, 0));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).activityId(TIMER_ACTION_PLAN_DEADLINE)
                .singleResult().getId());
        taskService.complete(task(TASK_CHECK_ACTION_PLAN).getId(), Map.of(ACTION_PLAN_RESOLVED, false, "checkNotes", "Still one waking night staff"));
        journeys.runDueJobsOf(pi.getId());
        assertThat(pi).hasPassed(TASK_SUSPEND_PROVIDER, "EndEvent_ProviderSuspended");
        var provider = providers.findById(home.getProvider().getId()).orElseThrow();
        assertThat(provider.isSuspended()).isTrue();
        assertThat(provider.getSuspendedReason()).contains("Unsafe staffing at night");
        assertThat(matcher.independent(criteria)).extracting(m -> m.service().getId()).doesNotContain(home.getId());
        monitoring.liftSuspension(provider.getId(), "New night staff verified on a visit");
        assertThat(providers.findById(provider.getId()).orElseThrow().isSuspended()).isFalse();
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
        taskService.complete(task(TASK_REVIEW_MONITORING).getId(), Map.of(RATING, "AMBER", "ratingReason", "Missing episodes not reported"));
        assertThat(ratings.latestRatings(List.of(provider, 0L))).containsExactly(Map.entry(provider, "AMBER"));
        assertThat(ratings.latestFor(provider)).contains("Amber (round 2, 13/10/2027)");
        // a rating older than the one held (a round rated before, committing after) does not replace it
        assertThat(latestRatings.takeIfLater(provider, first.getId(), rounds.findById(first.getId()).orElseThrow().getRatedAt())).isZero();
        assertThat(latestRatings.findById(provider).orElseThrow().getRoundId()).isEqualTo(second.getId());
    }

    @Test
    void shouldRankARedRatedProviderBelowAnEquallyGoodOneEvenWhenCheaper() {
        roundDueAndEvidenced();
        taskService.complete(task(TASK_REVIEW_MONITORING).getId(), Map.of(RATING, "RED", "ratingReason", "Unsafe staffing at night"));
        ClockUtil.reset();
        CareService other = journeys.independent(council, council.id(), PlacementType.CHILDRENS_HOME, 4800, OfstedRating.GOOD, NeedCode.SELF_HARM);
        var referral = journeys.refer(journeys.child(council, 13), "PLANNED", PlacementType.CHILDRENS_HOME, 2, null, NeedCode.SELF_HARM);
        ProcessInstance referralPi = runtimeService.createProcessInstanceQuery().processInstanceId(referral.getProcessInstanceId()).singleResult();
        taskService.complete(taskService.createTaskQuery().processInstanceId(referralPi.getId()).singleResult().getId(),
                Map.of("triageOutcome", "ACCEPT"));
        journeys.runDueJobs();
        ProcessInstance search = runtimeService.createProcessInstanceQuery().superProcessInstanceId(referralPi.getId()).singleResult();
        taskService.complete(taskService.createTaskQuery().processInstanceId(search.getId()).singleResult().getId(),
                Map.of("restrictToInHouse", false));
        journeys.runDueJobs();
        journeys.offerAll(search);
        var ranked = options.findByReferralIdOrderByRankPositionAscIdAsc(referral.getId());
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
