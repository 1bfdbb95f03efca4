package uk.gov.placements.monitoring;

import uk.gov.placements.common.UkFormat;
import static uk.gov.placements.monitoring.ContractMonitoringProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SuspendProvider: a RED rating whose action plan was not resolved. */
@Component
public class SuspendProviderDelegate implements JavaDelegate {
    private final ContractMonitoringService monitoring;

    public SuspendProviderDelegate(ContractMonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ActionPlan plan = monitoring.plan(((Number) execution.getVariable(ACTION_PLAN_ID)).longValue());
        monitoring.suspend(((Number) execution.getVariable(PROVIDER_ID)).longValue(),
                "Red monitoring rating not resolved by " + UkFormat.date(plan.getDeadline()) + ": " + plan.getConcern());
    }
}
