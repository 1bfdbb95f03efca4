package uk.gov.placements.approval;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of the scheme of delegation, and its boundaries, on the real DMN file deployed to an engine. */
@Deployment(resources = {"processes/approvalLevel.dmn", "processes/responseDeadline.dmn", "processes/monitoringInterval.dmn",
        "processes/accreditationOutcome.dmn"})
class ApprovalLevelDecisionTest {
    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();
    DecisionService decisionService;

    @BeforeEach
    void services() {
        decisionService = engine.getDecisionService();
    }

    @ParameterizedTest(name = "£{0}, out of area {1}, at a distance {2} -> {3}")
    @CsvSource({
            "0,         false, false, team-managers",
            "25000,     false, false, team-managers",
            "25000.01,  false, false, assistant-directors",
            "25001,     false, false, assistant-directors",
            "164176,    false, false, assistant-directors",
            "164176.01, false, false, directors",
            "164177,    false, false, directors",
            "1000,      true,  false, heads-of-service",
            "25000,     true,  false, heads-of-service",
            "25001,     true,  false, assistant-directors",
            "164177,    true,  false, directors",
            "1000,      true,  true,  directors",
            "30000,     true,  true,  directors"
    })
    void shouldRouteCommitmentToTheRightTier(double commitment, boolean outOfArea, boolean atDistance, String approverGroup) {
        String result = decisionService.evaluateDecisionTableByKey("approvalLevel", Variables.createVariables()
                .putValue("commitment", commitment).putValue("outOfArea", outOfArea).putValue("atDistance", atDistance))
                .getSingleResult().getSingleEntry();
        assertThat(result).isEqualTo(approverGroup);
    }

    @ParameterizedTest(name = "{0}, £{1}/week, first round {2} -> {3}")
    @CsvSource({
            "CHILDRENS_HOME,          4500, true,  P6W",
            "FOSTER,                  900,  true,  P6W",
            "CHILDRENS_HOME,          3000, false, P3M",
            "RESIDENTIAL_SCHOOL,      3000, false, P3M",
            "SECURE_CHILDRENS_HOME,   9000, false, P3M",
            "FOSTER,                  4000, false, P6M",
            "FOSTER,                  4000.01, false, P3M",
            "SUPPORTED_ACCOMMODATION, 1200, false, P6M",
            "SUPPORTED_ACCOMMODATION, 4500, false, P3M",
            "PARENT_AND_CHILD,        3200, false, P3M"
    })
    void shouldMonitorByTypeAndCost(String type, double weeklyCost, boolean firstRound, String interval) {
        String result = decisionService.evaluateDecisionTableByKey("monitoringInterval", Variables.createVariables()
                .putValue("placementType", type).putValue("weeklyCost", weeklyCost).putValue("firstRound", firstRound))
                .getSingleResult().getSingleEntry();
        assertThat(result).isEqualTo(interval);
    }

    @ParameterizedTest(name = "Ofsted {0}, lowest {1}, critical {2}, spoke {3}, discrepancies {4} -> {5}")
    @CsvSource({
            "INADEQUATE,           4, false, true,  false, REFUSED",
            "GOOD,                 4, true,  true,  false, REFUSED",
            "GOOD,                 4, false, false, false, REFUSED",
            "OUTSTANDING,          1, false, true,  false, ACCREDITED_WITH_CONDITIONS",
            "GOOD,                 2, false, true,  true,  ACCREDITED_WITH_CONDITIONS",
            "REQUIRES_IMPROVEMENT, 3, false, true,  false, ACCREDITED_WITH_CONDITIONS",
            "GOOD,                 2, false, true,  false, ACCREDITED",
            "NOT_YET_INSPECTED,    3, false, true,  false, ACCREDITED",
            "INADEQUATE,           1, true,  false, true,  REFUSED"
    })
    void shouldDecideAccreditation(String rating, int lowest, boolean critical, boolean spoke, boolean discrepancies, String outcome) {
        String result = decisionService.evaluateDecisionTableByKey("accreditationOutcome", Variables.createVariables()
                .putValue("ofstedRating", rating).putValue("lowestScore", lowest).putValue("criticalConcern", critical)
                .putValue("spokeToChildren", spoke).putValue("hasDiscrepancies", discrepancies)).getSingleResult().getSingleEntry();
        assertThat(result).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"EMERGENCY, PT4H", "URGENT, PT24H", "PLANNED, P5D"})
    void shouldGiveProvidersADeadlineByUrgency(String urgency, String deadline) {
        String result = decisionService.evaluateDecisionTableByKey("responseDeadline",
                Variables.createVariables().putValue("urgency", urgency)).getSingleResult().getSingleEntry();
        assertThat(result).isEqualTo(deadline);
    }
}
