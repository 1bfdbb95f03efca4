package uk.gov.placements.monitoring;

import static uk.gov.placements.monitoring.ContractMonitoringProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.ProcessVariables;

/** Task_ScheduleRound: the next round, due the decided interval after the start or the previous round. */
@Component
public class ScheduleRoundDelegate implements JavaDelegate {
    private final ContractMonitoringService monitoring;

    public ScheduleRoundDelegate(ContractMonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(monitoring.scheduleRoundVariables(ProcessVariables.id(execution, PLACEMENT_ID),
                (String) execution.getVariable(MONITORING_INTERVAL)));
        execution.setVariable(FIRST_ROUND, false);
    }
}
