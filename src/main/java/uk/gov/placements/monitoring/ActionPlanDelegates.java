package uk.gov.placements.monitoring;

import static uk.gov.placements.monitoring.ActionPlanSteps.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.ProcessVariables;

/** The service tasks of the action-plan steps both processes share. */
final class ActionPlanDelegates {
    private ActionPlanDelegates() {
    }

    /** Task_RecordNoActionPlan: the provider was silent at its deadline, which counts as unresolved. */
    @Component("recordNoActionPlanDelegate")
    static class RecordNoActionPlan implements JavaDelegate {
        private final ActionPlanService plans;

        RecordNoActionPlan(ActionPlanService plans) {
            this.plans = plans;
        }

        @Override
        public void execute(DelegateExecution execution) {
            plans.notAnswered(ProcessVariables.id(execution, ACTION_PLAN_ID));
            execution.setVariable(ACTION_PLAN_RESOLVED, false);
        }
    }
}
