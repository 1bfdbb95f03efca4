package uk.gov.placements.tasks;

import java.util.Collection;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import uk.gov.placements.security.SystemActions;

/**
 * Moves a child's open tasks when the child's worker changes: those held by the previous worker, and those
 * still waiting in the group's queue, go to the new one. A task a colleague has taken for cover stays with
 * them. Run as the application, once the product has checked who may reallocate.
 */
@Component
public class TaskAssignments {
    private final TaskService taskService;
    private final SystemActions system;

    public TaskAssignments(TaskService taskService, SystemActions system) {
        this.taskService = taskService;
        this.system = system;
    }

    /** Returns how many tasks moved. */
    public int move(Collection<String> businessKeys, String group, String from, String to) {
        if (businessKeys.isEmpty() || to == null || to.equals(from)) {
            return 0;
        }
        return system.run(() -> {
            int moved = 0;
            for (String key : businessKeys) {
                for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(key).taskCandidateGroup(group)
                        .includeAssignedTasks().list()) {
                    if (task.getAssignee() == null || Objects.equals(task.getAssignee(), from)) {
                        taskService.setAssignee(task.getId(), to);
                        moved++;
                    }
                }
            }
            return moved;
        });
    }
}
