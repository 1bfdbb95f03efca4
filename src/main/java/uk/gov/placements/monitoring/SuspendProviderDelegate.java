package uk.gov.placements.monitoring;

import static uk.gov.placements.monitoring.ActionPlanSteps.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.ProcessVariables;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.common.UkTime;

/**
 * Task_SuspendProvider, in contract monitoring and in accreditation: the commissioning managers decided to suspend
 * a provider whose action plan was not resolved. The provider comes from the plan's record, not from a variable.
 */
@Component
public class SuspendProviderDelegate implements JavaDelegate {
    private final ContractMonitoringService monitoring;
    private final ActionPlanService plans;

    public SuspendProviderDelegate(ContractMonitoringService monitoring, ActionPlanService plans) {
        this.monitoring = monitoring;
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ActionPlan plan = plans.plan(ProcessVariables.id(execution, ACTION_PLAN_ID));
        String what = plan.getSource() == ActionPlan.Source.ACCREDITATION ? "Accreditation conditions" : "Monitoring action plan";
        String notice = what + " not resolved by " + UkFormat.date(plan.getDeadline())
                + (plan.getDecidedBy() == null ? "" : "; suspended by " + plan.getDecidedBy() + " on " + UkFormat.date(UkTime.day(plan.getDecidedAt())));
        monitoring.suspend(plan.getProviderId(), notice, notice + ": " + plan.getConcern()
                + (plan.getDecisionReason() == null ? "" : ". The decision's reason: " + plan.getDecisionReason()));
    }
}
