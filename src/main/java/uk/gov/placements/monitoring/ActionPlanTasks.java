package uk.gov.placements.monitoring;

import static uk.gov.placements.monitoring.ActionPlanSteps.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.gov.placements.calendar.WorkingDays;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.FormValues;
import uk.gov.placements.common.UkTime;
import uk.gov.placements.tasks.TaskDisplay;

/**
 * The action-plan tasks as both processes' task listeners handle them: the provider's answer, the contracts
 * officer's check and the commissioning managers' decision on an unresolved plan, checked and recorded the
 * same way whether the plan came from a rating or from accreditation conditions.
 */
@Component
public class ActionPlanTasks {

    /** The provider's own "Done by" date on the respond form of a model from before this release. */
    public static final String PROVIDER_DEADLINE = "actionDeadline";
    private final ActionPlanService plans;
    private final WorkingDays workingDays;
    private final TaskDisplay display;
    private final Clock clock;

    public ActionPlanTasks(ActionPlanService plans, WorkingDays workingDays, TaskDisplay display, Clock clock) {
        this.clock = clock;
        this.plans = plans;
        this.workingDays = workingDays;
        this.display = display;
    }

    public static boolean handles(String taskKey) {
        return TASK_RESPOND_WITH_ACTION_PLAN.equals(taskKey) || TASK_CHECK_ACTION_PLAN.equals(taskKey) || TASK_DECIDE_UNRESOLVED.equals(taskKey);
    }

    /**
     * Whether the task runs on a definition deployed before the contracts officer set action-plan deadlines: in that
     * model the provider's answer gives its own deadline ({@link #PROVIDER_DEADLINE}), the rating form asks for none,
     * and there is no boundary timer for a silent provider. Instances started on it keep that model and its forms
     * (formRefBinding="deployment"), so the listeners serve it as it was meant rather than migrating the instances:
     * an instance waiting at the provider's task has no deadline for the new model's timers to read, and the provider
     * is already looking at the old form. Read from the model, never from a variable a client could set.
     */
    public static boolean providerSetsDeadline(DelegateTask task) {
        return task.getBpmnModelElementInstance().getModelInstance().getModelElementById(TIMER_NO_ACTION_PLAN) == null;
    }

    public static String action(String taskKey) {
        return switch (taskKey) {
            case TASK_RESPOND_WITH_ACTION_PLAN -> "Respond with an action plan";
            case TASK_CHECK_ACTION_PLAN -> "Check action plan";
            case TASK_DECIDE_UNRESOLVED -> "Decide on an unresolved action plan";
            default -> taskKey;
        };
    }

    /** Due by the plan's deadline for the provider; 5 working days for the council's people. Shows the plan, with what came before. */
    public Date created(String taskKey, String taskId, Long planId, String context) {
        ActionPlan plan = plans.plan(planId);
        LocalDate due = TASK_RESPOND_WITH_ACTION_PLAN.equals(taskKey) && plan.getDeadline() != null ? plan.getDeadline()
                : workingDays.plus(UkTime.today(clock), 5);
        display.show(taskId, "actionPlanSummary", (context == null || context.isBlank() ? "" : context + "\n\n") + ActionPlanService.describe(plan));
        return UkTime.endOfWorkingDay(due);
    }

    /** The answer, check or decision checked and recorded: returns the variables the process reads next. */
    public Map<String, Object> completed(String taskKey, String taskId, Long planId, boolean providerSetsDeadline, VariableScope form) {
        FieldErrors errors = new FieldErrors();
        FormValues f = new FormValues(form, errors);
        Map<String, Object> variables = new LinkedHashMap<>();
        switch (taskKey) {
            case TASK_RESPOND_WITH_ACTION_PLAN -> {
                if (providerSetsDeadline) {
                    // the old model's next timer reads actionPlanDeadline: the provider's date, held to today's 3-month limit
                    LocalDate own = f.date(PROVIDER_DEADLINE);
                    errors.throwIfAny();
                    ActionPlan plan = plans.answer(planId, f.text(ACTIONS, 8000), own, PROVIDER_DEADLINE);
                    variables.put(ACTION_PLAN_DEADLINE, ActionPlanService.timerDate(plan));
                } else {
                    plans.answer(planId, f.text(ACTIONS, 8000));
                }
            }
            case TASK_CHECK_ACTION_PLAN -> {
                Boolean resolved = f.bool(ACTION_PLAN_RESOLVED);
                errors.throwIfAny();
                plans.check(planId, resolved, f.text(CHECK_NOTES, 4000), taskId);
                variables.put(ACTION_PLAN_RESOLVED, resolved);
            }
            case TASK_DECIDE_UNRESOLVED -> {
                LocalDate newDeadline = f.date(NEW_DEADLINE);
                errors.throwIfAny();
                ActionPlan plan = plans.decide(planId, f.text(ACTION_PLAN_DECISION), newDeadline, f.text(DECISION_REASON, 4000), taskId);
                variables.put(ACTION_PLAN_DECISION, plan.getDecision().name());
                variables.put(ACTION_PLAN_DEADLINE, ActionPlanService.timerDate(plan));
            }
            default -> {
            }
        }
        errors.throwIfAny();
        return variables;
    }
}
