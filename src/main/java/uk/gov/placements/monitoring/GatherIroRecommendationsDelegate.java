package uk.gov.placements.monitoring;

import static uk.gov.placements.monitoring.ContractMonitoringProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.ProcessVariables;

/** Task_GatherIroRecommendations. */
@Component
public class GatherIroRecommendationsDelegate implements JavaDelegate {
    private final ContractMonitoringService monitoring;

    public GatherIroRecommendationsDelegate(ContractMonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        monitoring.gatherIroRecommendations(ProcessVariables.id(execution, ROUND_ID));
    }
}
