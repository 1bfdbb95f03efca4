package uk.gov.placements.referral.search;

import static uk.gov.placements.referral.search.PlacementSearchProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.ProcessVariables;

/**
 * The user tasks of placementSearch: the placements team's review of in-house options, each
 * provider's answer to the referral, and the head of service's procurement waiver. Each is named,
 * dated and shown on create; on complete the answer is checked and recorded or refused ({@link SearchTasks}).
 */
@Component
public class SearchTaskListener implements TaskListener {
    private final SearchTasks tasks;

    public SearchTaskListener(SearchTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void notify(DelegateTask task) {
        String key = task.getTaskDefinitionKey();
        Long providerReferralId = TASK_RESPOND_TO_REFERRAL.equals(key) ? ProcessVariables.id(task, PROVIDER_REFERRAL_ID) : null;
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            tasks.created(key, task.getId(), task.getExecution(), providerReferralId).applyTo(task);
        } else {
            tasks.completed(key, task.getId(), task.getExecution(), providerReferralId, task).applyTo(task);
        }
    }
}
