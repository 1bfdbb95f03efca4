package uk.gov.placements.tasks;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.placements.common.ConflictException;
import uk.gov.placements.common.ForbiddenException;
import uk.gov.placements.common.InvalidInputException;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.security.CurrentUser;
import uk.gov.placements.security.FormFields;
import uk.gov.placements.security.SystemActions;

/**
 * Completing a task through the product API. Camunda checks who may work it; the task's listener
 * checks the decision. Two people completing the same task get one success and one 409, and a
 * bad decision is a 400 with the field named; the task then stays open.
 */
@RestController
@RequestMapping("/api/tasks")
class TaskController {
    private final TaskService taskService;
    private final HistoryService historyService;
    private final SystemActions system;

    private final FormFields formFields;
    private final CurrentUser currentUser;

    TaskController(TaskService taskService, HistoryService historyService, SystemActions system,
                   FormFields formFields, CurrentUser currentUser) {
        this.formFields = formFields;
        this.currentUser = currentUser;
        this.taskService = taskService;
        this.historyService = historyService;
        this.system = system;
    }

    record TaskCompleted(String taskId, boolean completed) {
    }

    @PostMapping("/{id}/complete")
    TaskCompleted complete(@PathVariable String id, @RequestBody(required = false) Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().taskId(id).singleResult();
        if (task == null) {
            // someone who was offered the task, and may not read history, still learns that it was done (not who did
            // it): a conflict, not a 404. Anyone else, another council's staff above all, is told it does not exist.
            var done = system.run(() -> historyService.createHistoricTaskInstanceQuery().taskId(id).finished().singleResult());
            if (done != null && wasOffered(done)) {
                throw new ConflictException("Task " + id + " was already completed at " + done.getEndTime().toInstant());
            }
            throw new NotFoundException("Task", id);
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(currentUser.userId()) && !currentUser.isAdmin()) {
            throw new ForbiddenException("This task is held by someone else");
        }
        Map<String, Object> values = variables == null ? Map.of() : new HashMap<>(variables);
        formFields.requireOnly(values, formFields.ofTask(task));
        try {
            taskService.complete(id, values);
        } catch (OptimisticLockingException | NullValueException e) {
            throw completedMeanwhile(id);
        } catch (RuntimeException e) {
            RuntimeException refusal = causeOf(e);
            if (refusal != null) {
                throw refusal;
            }
            // The task was visible a moment ago. If it has gone, someone else completed it in between and this
            // command rolled back, whatever the engine reported: a refusal (its authorizations went with it) or,
            // on PostgreSQL, an NPE on the other completion's half-removed execution tree (7.24).
            if (taskService.createTaskQuery().taskId(id).count() == 0) {
                throw completedMeanwhile(id);
            }
            throw e;
        }
        return new TaskCompleted(id, true);
    }

    private boolean wasOffered(HistoricTaskInstance done) {
        if (currentUser.isAdmin()) {
            return true;
        }
        if (done.getTenantId() != null && !currentUser.councils().contains(done.getTenantId())) {
            return false;
        }
        return currentUser.userId().equals(done.getAssignee()) || system.run(() -> historyService.createHistoricIdentityLinkLogQuery()
                .taskId(done.getId()).list()).stream().anyMatch(link -> link.getGroupId() != null && currentUser.inGroup(link.getGroupId()));
    }

    private static ConflictException completedMeanwhile(String id) {
        return new ConflictException("Task " + id + " was completed by someone else at the same time; nothing was changed by you");
    }

    /** A listener's refusal arrives wrapped by the engine; the API answers with the original field error or refusal. */
    static RuntimeException causeOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException || t instanceof ForbiddenException) {
                return (RuntimeException) t;
            }
        }
        return null;
    }
}
