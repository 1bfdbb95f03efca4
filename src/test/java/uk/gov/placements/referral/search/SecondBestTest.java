package uk.gov.placements.referral.search;



import uk.gov.placements.common.UkTime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.provider.Provider;
import uk.gov.placements.provider.ProviderService;
import uk.gov.placements.referral.PlacementReferralProcess;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.reporting.ReportService;

/**
 * Second-best is honest: when nothing meets every essential need within the type and distance asked for, the nearest
 * alternatives are offered (another type, further away, missing a need), each marked with what it lacks; choosing one
 * records the placement as second-best with those reasons, and the referral still counts as a gap in provision.
 */
@IntegrationTest
class SecondBestTest {
    @Autowired Journeys journeys;
    @Autowired Clock clock;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired PlacementOptionRepository options;
    @Autowired PlacementService placements;
    @Autowired ProviderService providerService;
    @Autowired ReportService reports;

    @Test
    void shouldOfferTheNearestAlternativesWithWhatEachLacksWhenNothingMeetsTheReferral() {
        Journeys.Council council = journeys.newCouncil();
        NeedCode[] needs = {NeedCode.CRIMINAL_EXPLOITATION_RISK, NeedCode.SEXUAL_EXPLOITATION_RISK};
        // no foster carer meets the child's needs within 20 miles; a children's home does, another carer is 28 miles away,
        // and a third nearby meets only one of the two needs
        CareService home = journeys.inHouse(council, council.id(), PlacementType.CHILDRENS_HOME, 3200, needs);
        Provider own = providerService.get(home.getProvider().getId());
        CareService far = journeys.service(own, council.id(), PlacementType.FOSTER, 520, 2, council.lat() + 0.4, council.lon(), needs);
        CareService partial = journeys.service(own, council.id(), PlacementType.FOSTER, 500, 2, council.lat() + 0.02, council.lon(),
                NeedCode.CRIMINAL_EXPLOITATION_RISK);
        Referral r = journeys.refer(journeys.child(council, 14), "URGENT", PlacementType.FOSTER, 8, null, needs);
        taskService.complete(journeys.only(r.getProcessInstanceId(), PlacementReferralProcess.TASK_TRIAGE).getId(), Map.of(PlacementReferralProcess.TRIAGE_OUTCOME, "ACCEPT"));
        journeys.runDueJobsOfTree(r.getProcessInstanceId());
        ProcessInstance search = runtimeService.createProcessInstanceQuery().superProcessInstanceId(r.getProcessInstanceId()).singleResult();
        taskService.complete(journeys.only(search.getId(), PlacementSearchProcess.TASK_REVIEW_IN_HOUSE_OPTIONS).getId(),
                Map.of(PlacementSearchProcess.RESTRICT_TO_IN_HOUSE, false, PlacementSearchProcess.PROPOSED_START_DATE, UkTime.today(clock).toString()));
        journeys.runDueJobsOfTree(r.getProcessInstanceId());

        List<PlacementOption> offered = options.findByReferralIdOrderByRankPositionAscIdAsc(r.getId());
        assertThat(offered).isNotEmpty().allSatisfy(o -> {
            assertThat(o.isSecondBest()).isTrue();
            assertThat(o.getRankPosition()).isNotNull();
            assertThat(o.getRankReasons()).startsWith("Second-best, as nothing met the referral in full");
        });
        assertThat(offered).extracting(o -> o.getService().getId()).contains(home.getId(), far.getId(), partial.getId());
        assertThat(reason(offered, home)).contains("another placement type: children's home instead of foster");
        assertThat(reason(offered, far)).contains("further away").contains("beyond the 20 asked");
        assertThat(reason(offered, partial)).contains("does not meet").contains("Risk of sexual exploitation");

        // chosen: the placement is recorded as second-best, with what it lacks
        PlacementOption chosen = offered.stream().filter(o -> o.getService().getId().equals(home.getId())).findFirst().orElseThrow();
        taskService.complete(journeys.only(r.getProcessInstanceId(), PlacementReferralProcess.TASK_SELECT_PLACEMENT).getId(),
                Map.of(PlacementReferralProcess.SELECTED_OPTION_ID, chosen.getId(), PlacementReferralProcess.SELECTION_REASON, "A children's home that meets both needs, until a carer is found"));
        journeys.runDueJobsOfTree(r.getProcessInstanceId());
        taskService.complete(journeys.only(r.getProcessInstanceId(), PlacementReferralProcess.TASK_APPROVE_PLACEMENT).getId(), Map.of(PlacementReferralProcess.APPROVAL_DECISION, "APPROVE"));
        journeys.runDueJobs();
        Placement p = placements.placementsOf(r.getChild().getId()).get(0);
        assertThat(p.isSecondBest()).isTrue();
        assertThat(p.getSecondBestReason()).contains("Children's home instead of foster care");
        // a referral met only by second-best alternatives is still a gap in provision
        assertThat(reports.sufficiency(council.id(), LocalDate.now().minusDays(1), LocalDate.now()).referralsWithNoOptionByNeed())
                .containsKeys(NeedCode.CRIMINAL_EXPLOITATION_RISK.name(), NeedCode.SEXUAL_EXPLOITATION_RISK.name());
    }

    static String reason(List<PlacementOption> offered, CareService service) {
        return offered.stream().filter(o -> o.getService().getId().equals(service.getId())).findFirst().orElseThrow().getSecondBestReason();
    }
}
