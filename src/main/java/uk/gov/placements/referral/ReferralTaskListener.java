package uk.gov.placements.referral;

import static uk.gov.placements.referral.PlacementReferralProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.ProcessVariables;
import uk.gov.placements.tasks.TaskView;

/**
 * The user tasks of placementReferral. On create: name, priority, due date and what the form shows.
 * On complete: the decision is checked and recorded (who, when, why) by the business service; a
 * bad or missing value throws, the Tasklist shows the message, and the task stays open ({@link ReferralTasks}).
 */
@Component
public class ReferralTaskListener implements TaskListener {
    private final ReferralTasks tasks;

    public ReferralTaskListener(ReferralTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void notify(DelegateTask task) {
        String key = task.getTaskDefinitionKey();
        Long placementId = ReferralTasks.aboutPlacement(key) ? ProcessVariables.id(task, PLACEMENT_ID) : null;
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            tasks.created(key, task.getName(), task.getId(), task.getExecution(), placementId, TaskView.candidateGroups(task)).applyTo(task);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            tasks.completed(key, task.getId(), task.getExecution(), placementId, task).applyTo(task);
        }
    }
}
