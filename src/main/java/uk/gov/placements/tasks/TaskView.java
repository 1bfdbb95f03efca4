package uk.gov.placements.tasks;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;

/**
 * What a module makes of a task as it is created: its name, priority, due and follow-up dates, the one candidate group
 * it goes to (when the product's record decides it rather than the model), the person it is assigned to, and the
 * variables it sets or removes. A module's presentation method returns one, having written what the form shows to
 * {@link TaskDisplay}; the task listener applies it, so the listener makes one call and holds no rule. A completion
 * returns one too when it removes a variable as well as setting some.
 */
public record TaskView(String name, Integer priority, Date due, Date followUp, String candidateGroup, String assignee,
                       Map<String, Object> variables, List<String> removed) {

    /** Nothing to change: what a completion starts from, adding the variables it sets or removes. */
    public static TaskView unchanged() {
        return named(null);
    }

    public static TaskView named(String name) {
        return new TaskView(name, null, null, null, null, null, Map.of(), List.of());
    }

    public TaskView priority(int priority) {
        return new TaskView(name, priority, due, followUp, candidateGroup, assignee, variables, removed);
    }

    public TaskView due(Date due) {
        return new TaskView(name, priority, due, followUp, candidateGroup, assignee, variables, removed);
    }

    public TaskView followUp(Date followUp) {
        return new TaskView(name, priority, due, followUp, candidateGroup, assignee, variables, removed);
    }

    /** The task goes to this group only, in place of the model's candidate groups. */
    public TaskView onlyFor(String group) {
        return new TaskView(name, priority, due, followUp, group, assignee, variables, removed);
    }

    /** Assigned to this person, unless the task has an assignee already; none when null. */
    public TaskView assignedTo(String person) {
        return new TaskView(name, priority, due, followUp, candidateGroup, person, variables, removed);
    }

    public TaskView set(Map<String, Object> more) {
        TaskView view = this;
        for (Map.Entry<String, Object> e : more.entrySet()) {
            view = view.set(e.getKey(), e.getValue());
        }
        return view;
    }

    public TaskView set(String variable, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(variables);
        more.put(variable, value);
        return new TaskView(name, priority, due, followUp, candidateGroup, assignee, more, removed);
    }

    public TaskView remove(String variable) {
        return new TaskView(name, priority, due, followUp, candidateGroup, assignee, variables,
                Stream.concat(removed.stream(), Stream.of(variable)).toList());
    }

    /** The candidate groups the model gave a task: what decides whose queue it is in and who it is assigned to. */
    public static Set<String> candidateGroups(DelegateTask task) {
        return task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    public void applyTo(DelegateTask task) {
        removed.forEach(task::removeVariable);
        if (name != null) {
            task.setName(name);
        }
        if (priority != null) {
            task.setPriority(priority);
        }
        if (due != null) {
            task.setDueDate(due);
        }
        if (followUp != null) {
            task.setFollowUpDate(followUp);
        }
        if (candidateGroup != null) {
            for (IdentityLink link : task.getCandidates()) {
                if (link.getGroupId() != null && !link.getGroupId().equals(candidateGroup)) {
                    task.deleteCandidateGroup(link.getGroupId());
                }
            }
            task.addCandidateGroup(candidateGroup);
        }
        if (assignee != null && task.getAssignee() == null) {
            task.setAssignee(assignee);
        }
        variables.forEach(task::setVariable);
    }
}
