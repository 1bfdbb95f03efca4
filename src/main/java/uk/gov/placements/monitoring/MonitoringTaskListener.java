package uk.gov.placements.monitoring;

import static uk.gov.placements.monitoring.ContractMonitoringProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.ProcessVariables;
import uk.gov.placements.tasks.TaskView;

/** The user tasks of contractMonitoring: named, dated and shown on create; checked and recorded on complete ({@link MonitoringTasks}). */
@Component
public class MonitoringTaskListener implements TaskListener {
    private final MonitoringTasks tasks;

    public MonitoringTaskListener(MonitoringTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void notify(DelegateTask task) {
        String key = task.getTaskDefinitionKey();
        Long placementId = ProcessVariables.id(task, PLACEMENT_ID);
        Long roundId = ProcessVariables.optionalId(task, ROUND_ID);
        Long planId = ActionPlanTasks.handles(key) ? ProcessVariables.id(task, ACTION_PLAN_ID) : null;
        boolean providerSetsDeadline = ActionPlanTasks.providerSetsDeadline(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            tasks.created(key, task.getName(), task.getId(), placementId, roundId, planId, providerSetsDeadline, TaskView.candidateGroups(task))
                    .applyTo(task);
        } else {
            task.setVariables(tasks.completed(key, task.getId(), placementId, roundId, planId, providerSetsDeadline, task));
        }
    }
}
