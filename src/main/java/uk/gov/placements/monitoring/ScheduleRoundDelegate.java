package uk.gov.placements.monitoring;

import static uk.gov.placements.monitoring.ContractMonitoringProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.ProcessVariables;
import uk.gov.placements.common.UkTime;

/** Task_ScheduleRound: the next round, due the decided interval after the start or the previous round. */
@Component
public class ScheduleRoundDelegate implements JavaDelegate {
    private final ContractMonitoringService monitoring;

    public ScheduleRoundDelegate(ContractMonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MonitoringRound round = monitoring.scheduleRound(ProcessVariables.id(execution, PLACEMENT_ID),
                (String) execution.getVariable(MONITORING_INTERVAL));
        execution.setVariable(ROUND_ID, round.getId());
        execution.setVariable(ROUND_DUE, UkTime.timerDate(round.getDueDate().atTime(9, 0)));
        // at the end of the working day the evidence is due, so that feedback given that day is in time
        execution.setVariable(EVIDENCE_DUE, UkTime.timerDate(round.getEvidenceDue().atTime(17, 0)));
        execution.setVariable(EVIDENCE_ESCALATION, UkTime.timerDate(round.getEvidenceEscalation().atTime(17, 0)));
        execution.setVariable(FIRST_ROUND, false);
    }
}
