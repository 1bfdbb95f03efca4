package uk.gov.placements.child;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import uk.gov.placements.security.Roles;

/**
 * A task about a child goes to the child's allocated social worker, or for the IRO's tasks to the child's IRO.
 * The task keeps its candidate group, so a colleague can see it and take it over for cover.
 */
public final class AllocatedWorker {
    private AllocatedWorker() {
    }

    /** Called from a task's create listener, after the model's candidate groups are set. */
    public static void assign(DelegateTask task, Child child) {
        if (task.getAssignee() != null) {
            return;
        }
        String worker = workerFor(task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull)
                .collect(Collectors.toSet()), child);
        if (worker != null) {
            task.setAssignee(worker);
        }
    }

    /** Who a task about the child goes to, given the task's candidate groups: null when neither the IRO's nor a social worker's. */
    public static String workerFor(Set<String> candidateGroups, Child child) {
        if (candidateGroups.contains(Roles.IROS)) {
            return child.getIro();
        }
        if (candidateGroups.contains(Roles.SOCIAL_WORKERS)) {
            return child.getAllocatedSocialWorker();
        }
        return null;
    }
}
