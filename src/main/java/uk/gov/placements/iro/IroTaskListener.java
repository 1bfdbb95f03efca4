package uk.gov.placements.iro;

import static uk.gov.placements.iro.IroReviewProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.ProcessVariables;
import uk.gov.placements.tasks.TaskView;

/** The user tasks of iroReview: named, dated and shown on create; checked and recorded on complete ({@link IroTasks}). */
@Component
public class IroTaskListener implements TaskListener {
    private final IroTasks tasks;

    public IroTaskListener(IroTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void notify(DelegateTask task) {
        String key = task.getTaskDefinitionKey();
        Long childId = ProcessVariables.id(task, CHILD_ID);
        Long disputeId = IroTasks.DISPUTE_TASKS.contains(key) && task.hasVariable(DISPUTE_ID) ? ProcessVariables.id(task, DISPUTE_ID) : null;
        Long reviewId = disputeId == null ? ProcessVariables.id(task, REVIEW_ID) : null;
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            tasks.created(key, task.getName(), task.getId(), childId, reviewId, disputeId, TaskView.candidateGroups(task)).applyTo(task);
        } else {
            task.setVariables(tasks.completed(key, task.getId(), reviewId, disputeId, task));
        }
    }
}
