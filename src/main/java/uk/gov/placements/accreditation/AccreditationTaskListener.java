package uk.gov.placements.accreditation;

import static uk.gov.placements.accreditation.ProviderAccreditationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.ProcessVariables;
import uk.gov.placements.monitoring.ActionPlanSteps;
import uk.gov.placements.monitoring.ActionPlanTasks;

/** The user tasks of providerAccreditation: what each form shows, and each form checked and recorded ({@link AccreditationTasks}). */
@Component
public class AccreditationTaskListener implements TaskListener {
    private final AccreditationTasks tasks;

    public AccreditationTaskListener(AccreditationTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void notify(DelegateTask task) {
        String key = task.getTaskDefinitionKey();
        Long id = ProcessVariables.id(task, ACCREDITATION_ID);
        Long planId = AccreditationTasks.aboutConditions(key) ? ProcessVariables.id(task, ActionPlanSteps.ACTION_PLAN_ID) : null;
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            boolean recordOutcome = TASK_CONFIRM_ACCREDITATION.equals(key) && !AccreditationDelegates.decisionRecordsOutcome(task.getBpmnModelInstance());
            tasks.created(key, task.getId(), id, planId, recordOutcome, recordOutcome ? (String) task.getVariable(ACCREDITATION_OUTCOME) : null)
                    .applyTo(task);
        } else {
            tasks.completed(key, task.getId(), id, planId, ActionPlanTasks.handles(key) && ActionPlanTasks.providerSetsDeadline(task), task)
                    .applyTo(task);
        }
    }
}
