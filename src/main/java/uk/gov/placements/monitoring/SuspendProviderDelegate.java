package uk.gov.placements.monitoring;

import static uk.gov.placements.monitoring.ActionPlanSteps.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.ProcessVariables;

/**
 * Task_SuspendProvider, in contract monitoring and in accreditation: the commissioning managers decided to suspend
 * a provider whose action plan was not resolved. The provider comes from the plan's record, not from a variable.
 */
@Component
public class SuspendProviderDelegate implements JavaDelegate {
    private final ContractMonitoringService monitoring;

    public SuspendProviderDelegate(ContractMonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        monitoring.suspendUnresolved(ProcessVariables.id(execution, ACTION_PLAN_ID));
    }
}
