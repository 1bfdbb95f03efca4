package uk.gov.placements.placement;



import uk.gov.placements.iro.IroReviewService;
import uk.gov.placements.common.UkTime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.common.Urgency;
import uk.gov.placements.calendar.WorkingDays;
import uk.gov.placements.iro.IroReview;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.provider.ProviderService;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.search.SearchService;
import uk.gov.placements.referral.PlacementReferralProcess;
import uk.gov.placements.referral.search.PlacementSearchProcess;

/**
 * A placement starts on the agreed date, not the day it is approved: the provider's offered start, or the
 * placements team's proposal for an in-house home. It is PLANNED until then with the place held, ACTIVE from that
 * day; the plan is due by regulation 9 (the working day before a planned start, within 5 working days of an urgent
 * one); the child's first review counts from the start; a child moving on leaves the old placement on that day.
 */
@IntegrationTest
class PlacementDatesTest {
    @Autowired Journeys journeys;
    @Autowired Clock clock;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired PlacementRepository placements;
    @Autowired PlacementService placementService;
    @Autowired SearchService searchService;
    @Autowired ProviderService providerService;
    @Autowired IroReviewService reviews;
    @Autowired WorkingDays workingDays;

    Task only(String processInstanceId, String key) {
        return journeys.only(processInstanceId, key);
    }

    ProcessInstance search(Referral r) {
        return runtimeService.createProcessInstanceQuery().superProcessInstanceId(r.getProcessInstanceId()).singleResult();
    }

    /** Choose the option of the given home, approve it, and return the placement recorded. */
    Placement chooseAndApprove(Referral r, CareService home) {
        Long option = searchService.optionsOf(r.getId()).stream()
                .filter(o -> o.getService().getId().equals(home.getId())).findFirst().orElseThrow().getId();
        taskService.complete(only(r.getProcessInstanceId(), PlacementReferralProcess.TASK_SELECT_PLACEMENT).getId(),
                Map.of(PlacementReferralProcess.SELECTED_OPTION_ID, option, PlacementReferralProcess.SELECTION_REASON, "The home the child visited"));
        journeys.runDueJobsOfTree(r.getProcessInstanceId());
        taskService.complete(only(r.getProcessInstanceId(), PlacementReferralProcess.TASK_APPROVE_PLACEMENT).getId(), Map.of(PlacementReferralProcess.APPROVAL_DECISION, "APPROVE"));
        journeys.runDueJobsOfTree(r.getProcessInstanceId());
        return placements.findByChildIdOrderByStartDateAscIdAsc(r.getChild().getId()).stream()
                .filter(p -> r.getId().equals(p.getReferralId())).findFirst().orElseThrow();
    }

    @Test
    void shouldStartAnIndependentPlacementOnTheOfferedDateWithThePlanDueTheWorkingDayBefore() {
        Journeys.Council council = journeys.newCouncil();
        CareService home = journeys.independent(council, council.id(), PlacementType.FOSTER, 450, OfstedRating.GOOD, NeedCode.AUTISM);
        Referral r = journeys.refer(journeys.child(council, 9), "PLANNED", PlacementType.FOSTER, 8, null, NeedCode.AUTISM);
        taskService.complete(only(r.getProcessInstanceId(), PlacementReferralProcess.TASK_TRIAGE).getId(), Map.of(PlacementReferralProcess.TRIAGE_OUTCOME, "ACCEPT"));
        journeys.runDueJobsOfTree(r.getProcessInstanceId());
        String search = search(r).getId();
        taskService.complete(only(search, PlacementSearchProcess.TASK_REVIEW_IN_HOUSE_OPTIONS).getId(), Map.of(PlacementSearchProcess.RESTRICT_TO_IN_HOUSE, false));
        journeys.runDueJobsOfTree(r.getProcessInstanceId());
        LocalDate offered = UkTime.today(clock).plusDays(10);
        Map<String, Object> offer = new HashMap<>(Map.of("response", "OFFER", "weeklyFee", 450.0, "startDate", offered.toString(),
                "namedCarerOrHome", "The Lees", "howNeedsMet", "Autism training"));
        taskService.complete(only(search, PlacementSearchProcess.TASK_RESPOND_TO_REFERRAL).getId(), offer);
        journeys.runDueJobsOfTree(r.getProcessInstanceId());
        int vacanciesBefore = providerService.home(home.getId()).getVacancies();

        Placement p = chooseAndApprove(r, home);
        assertThat(p.getStartDate()).isEqualTo(offered);
        assertThat(p.getStatus()).isEqualTo(PlacementStatus.PLANNED);
        assertThat(providerService.home(home.getId()).getVacancies()).as("the place is held from approval").isEqualTo(vacanciesBefore - 1);
        assertThat(p.getPlanDue()).isEqualTo(workingDays.minus(offered, 1)).isBefore(offered);
        Task plan = only(r.getProcessInstanceId(), PlacementReferralProcess.TASK_WRITE_PLACEMENT_PLAN);
        assertThat(plan.getDueDate().toInstant().atZone(ZoneId.of("Europe/London")).toLocalDate()).isEqualTo(p.getPlanDue());
        // the child's first review counts from the start, not from the approval
        journeys.runDueJobs();
        IroReview first = reviews.reviewsOf(r.getChild().getId()).get(0);
        assertThat(first.getDueDate()).isEqualTo(workingDays.plus(offered, 20));

        // nothing changes before the day; on the day it is ACTIVE
        placementService.startAndEndDue(offered.minusDays(1));
        assertThat(placements.findById(p.getId()).orElseThrow().getStatus()).isEqualTo(PlacementStatus.PLANNED);
        placementService.startAndEndDue(offered);
        assertThat(placements.findById(p.getId()).orElseThrow().getStatus()).isEqualTo(PlacementStatus.ACTIVE);
    }

    @Test
    void shouldStartAnInHousePlacementOnTheProposedDateAndEndThePreviousOneThatDay() {
        Journeys.Council council = journeys.newCouncil();
        CareService first = journeys.inHouse(council, council.id(), PlacementType.FOSTER, 400, NeedCode.SELF_HARM);
        // the child's current placement, started today
        Referral earlier = journeys.refer(journeys.child(council, 12), "URGENT", PlacementType.FOSTER, 8, null, NeedCode.SELF_HARM);
        Placement current = restrictInHouseAndPlace(earlier, first, UkTime.today(clock));
        assertThat(current.getStatus()).isEqualTo(PlacementStatus.ACTIVE);
        assertThat(current.getStartDate()).isEqualTo(UkTime.today(clock));

        // an urgent move to another in-house home, proposed for three days' time
        CareService next = journeys.inHouse(council, council.id(), PlacementType.FOSTER, 420, NeedCode.SELF_HARM);
        Referral move = journeys.refer(earlier.getChild(), "URGENT", PlacementType.FOSTER, 8, current.getId(), NeedCode.SELF_HARM);
        taskService.complete(only(move.getProcessInstanceId(), PlacementReferralProcess.TASK_CARER_REVIEW).getId(), Map.of(PlacementReferralProcess.CARER_REVIEW, "Agreed"));
        LocalDate proposed = UkTime.today(clock).plusDays(3);
        Placement moved = restrictInHouseAndPlace(move, next, proposed);
        assertThat(moved.getStartDate()).isEqualTo(proposed);
        assertThat(moved.getStatus()).isEqualTo(PlacementStatus.PLANNED);
        assertThat(moved.getPlanDue()).isEqualTo(workingDays.plus(proposed, PlacementService.PLAN_DUE_WORKING_DAYS));
        Placement old = placements.findById(current.getId()).orElseThrow();
        assertThat(old.getStatus()).as("the child is still there until the move").isEqualTo(PlacementStatus.ACTIVE);
        assertThat(old.getEndDate()).isEqualTo(proposed);
        int vacancies = providerService.home(first.getId()).getVacancies();
        // while the move is planned, the current placement is not ended by hand: the move ends it on its day
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> placementService.end(current.getId(), new PlacementService.Ending(
                        UkTime.today(clock), "E13", null, true, null)))
                .isInstanceOf(uk.gov.placements.common.ConflictException.class).hasMessageContaining("next placement is planned");

        placementService.startAndEndDue(proposed);
        assertThat(placements.findById(moved.getId()).orElseThrow().getStatus()).isEqualTo(PlacementStatus.ACTIVE);
        assertThat(placements.findById(current.getId()).orElseThrow().getStatus()).isEqualTo(PlacementStatus.ENDED);
        assertThat(providerService.home(first.getId()).getVacancies()).as("the place returns").isEqualTo(vacancies + 1);
        assertThat(placementService.startAndEndDue(proposed)).as("running it again changes nothing").isZero();
    }

    Placement restrictInHouseAndPlace(Referral r, CareService home, LocalDate proposedStart) {
        taskService.complete(only(r.getProcessInstanceId(), PlacementReferralProcess.TASK_TRIAGE).getId(), Map.of(PlacementReferralProcess.TRIAGE_OUTCOME, "ACCEPT"));
        journeys.runDueJobsOfTree(r.getProcessInstanceId());
        Map<String, Object> review = new HashMap<>(Map.of("restrictToInHouse", true, "restrictionReason", "Keeps the child at the same school"));
        if (proposedStart != null) {
            review.put("proposedStartDate", proposedStart.toString());
        }
        taskService.complete(only(search(r).getId(), PlacementSearchProcess.TASK_REVIEW_IN_HOUSE_OPTIONS).getId(), review);
        journeys.runDueJobsOfTree(r.getProcessInstanceId());
        return chooseAndApprove(r, home);
    }

    @Test
    void shouldCountThePlanDateInWorkingDaysAcrossABankHolidayInSummerTime() {
        // Tuesday 4 May 2027, the day after the early May bank holiday, in British Summer Time
        LocalDate start = LocalDate.of(2027, 5, 4);
        LocalDate today = LocalDate.of(2026, 12, 2);
        assertThat(placementService.planDue(Urgency.PLANNED, start, today)).as("the working day before").isEqualTo(LocalDate.of(2027, 4, 30));
        assertThat(placementService.planDue(Urgency.URGENT, LocalDate.of(2027, 4, 30), today)).isEqualTo(LocalDate.of(2027, 5, 10));
        // a planned start tomorrow: due today, never in the past
        assertThat(placementService.planDue(Urgency.PLANNED, today.plusDays(1), today)).isEqualTo(today);
        assertThat(List.of(PlacementStatus.values())).containsExactly(PlacementStatus.PLANNED, PlacementStatus.ACTIVE, PlacementStatus.ENDED);
    }
}
