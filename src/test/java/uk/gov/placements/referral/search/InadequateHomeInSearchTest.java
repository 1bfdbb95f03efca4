package uk.gov.placements.referral.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.Journeys;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.provider.OfstedRatings;
import uk.gov.placements.referral.PlacementReferralProcess;
import uk.gov.placements.referral.Referral;

/**
 * A home judged inadequate during a search: nothing goes ahead there silently. A choice of it awaiting approval cannot
 * be approved, an offer it makes afterwards is recorded but cannot be chosen, and each referral's record says why.
 */
@IntegrationTest
class InadequateHomeInSearchTest {
    @Autowired ProcessEngine engine;
    @Autowired TaskService taskService;
    @Autowired Journeys journeys;
    @Autowired OfstedRatings ofstedRatings;
    @Autowired PlacementOptionRepository options;
    @Autowired ProviderReferralRepository providerReferrals;
    @Autowired Decisions decisionRecords;

    Journeys.Council council;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        council = journeys.newCouncil();
    }

    ProcessInstance sent(Referral r) {
        ProcessInstance search = journeys.toExternalSearch(r);
        journeys.runDueJobsOfTree(r.getProcessInstanceId());
        return search;
    }

    void rateInadequate(CareService home) {
        ofstedRatings.rateByHand(home.getProvider().getId(), home.getId(),
                new OfstedRatings.HandRating("INADEQUATE", LocalDate.now(), "Ofsted's report published today"));
    }

    boolean recorded(Referral r, String kind) {
        return decisionRecords.ofReferral(r.getId()).stream().anyMatch(d -> d.getKind().equals(kind));
    }

    @Test
    void shouldRefuseToApproveAChoiceOfAHomeRatedInadequateSinceItWasChosen() {
        CareService home = journeys.independent(council, council.id(), PlacementType.FOSTER, 900, OfstedRating.GOOD);
        Referral r = journeys.refer(journeys.child(council, 9), "URGENT", PlacementType.FOSTER, 8, null);
        ProcessInstance search = sent(r);
        journeys.offerAll(search);
        Long offered = options.findByReferralIdOrderByRankPositionAscIdAsc(r.getId()).stream()
                .filter(o -> o.getService().getId().equals(home.getId())).findFirst().orElseThrow().getId();
        taskService.complete(journeys.only(r.getProcessInstanceId(), PlacementReferralProcess.TASK_SELECT_PLACEMENT).getId(),
                Map.of(PlacementReferralProcess.SELECTED_OPTION_ID, offered));
        Task approve = journeys.only(r.getProcessInstanceId(), PlacementReferralProcess.TASK_APPROVE_PLACEMENT);

        rateInadequate(home);

        assertThat(options.findById(offered).orElseThrow().isSuitable()).isFalse();
        assertThat(recorded(r, "HOME_RATED_INADEQUATE")).isTrue();
        assertThatThrownBy(() -> taskService.complete(approve.getId(), Map.of(PlacementReferralProcess.APPROVAL_DECISION, "APPROVE",
                PlacementReferralProcess.APPROVAL_REASON, "Needs met"))).hasMessageContaining("approvalDecision cannot approve the chosen option")
                .hasMessageContaining("inadequate");
        // the approver can still send it back for another choice
        taskService.complete(approve.getId(), Map.of(PlacementReferralProcess.APPROVAL_DECISION, "RETURN",
                PlacementReferralProcess.APPROVAL_REASON, "The home was rated inadequate today"));
    }

    @Test
    void shouldRecordAnOfferFromAHomeRatedInadequateWhileAskedButNotOfferIt() {
        CareService home = journeys.independent(council, council.id(), PlacementType.FOSTER, 900, OfstedRating.GOOD);
        Referral r = journeys.refer(journeys.child(council, 9), "URGENT", PlacementType.FOSTER, 8, null);
        ProcessInstance search = sent(r);

        rateInadequate(home);
        assertThat(recorded(r, "HOME_RATED_INADEQUATE")).isTrue();

        journeys.offerAll(search);
        ProviderReferral answered = providerReferrals.findByReferralIdOrderByIdAsc(r.getId()).get(0);
        assertThat(answered.getStatus()).isEqualTo(ProviderReferral.Status.OFFERED);
        PlacementOption offer = options.findById(answered.getOptionId()).orElseThrow();
        assertThat(offer.isSuitable()).isFalse();
        assertThat(offer.getRankPosition()).isNull();
        assertThat(offer.getSuitabilityReason()).contains("inadequate");
    }
}
