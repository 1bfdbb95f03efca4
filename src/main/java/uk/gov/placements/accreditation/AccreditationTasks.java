package uk.gov.placements.accreditation;

import static uk.gov.placements.accreditation.ProviderAccreditationProcess.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.FormValues;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.monitoring.ActionPlan;
import uk.gov.placements.monitoring.ActionPlanService;
import uk.gov.placements.monitoring.ActionPlanSteps;
import uk.gov.placements.monitoring.ActionPlanTasks;
import uk.gov.placements.provider.AccreditationStatus;
import uk.gov.placements.provider.Provider;
import uk.gov.placements.provider.ProviderService;
import uk.gov.placements.tasks.TaskDisplay;
import uk.gov.placements.tasks.TaskView;

/**
 * The user tasks of providerAccreditation as a person sees and completes them: named with the provider, dated, and
 * shown Form A against Ofsted's register; on completion each form checked and recorded, or refused with the field named.
 */
@Component
class AccreditationTasks {
    private final TaskDisplay display;
    private final AccreditationService service;
    private final ProviderService providers;
    private final ActionPlanTasks actionPlanTasks;
    private final ActionPlanService actionPlans;

    AccreditationTasks(AccreditationService service, ProviderService providers, TaskDisplay display, ActionPlanTasks actionPlanTasks,
                       ActionPlanService actionPlans) {
        this.actionPlanTasks = actionPlanTasks;
        this.actionPlans = actionPlans;
        this.service = service;
        this.providers = providers;
        this.display = display;
    }

    /** Whether the task is about the conditions' action plan (its id is then the instance's actionPlanId). */
    static boolean aboutConditions(String taskKey) {
        return ActionPlanTasks.handles(taskKey) || TASK_SET_CONDITIONS_DEADLINE.equals(taskKey);
    }

    /**
     * The task as created. {@code outcomeToRecord}: on an instance of a model from before the decision recorded its own
     * outcome, the outcome the decision left in the instance, recorded as the confirmation task is created; else null.
     */
    TaskView created(String taskKey, String taskId, Long id, Long planId, boolean recordOutcome, String outcomeToRecord) {
        Accreditation a = service.accreditation(id);
        Provider p = providers.get(a.getProviderId());
        String action = switch (taskKey) {
            case TASK_COMPLETE_FORM_A -> "Complete Form A";
            case TASK_REVIEW_FORM_A -> "Review Form A";
            case TASK_COMPLETE_FORM_B -> "Form B visit";
            case TASK_COMPLETE_FORM_C -> "Form C visit";
            case TASK_CONFIRM_ACCREDITATION -> "Confirm accreditation";
            case TASK_SET_CONDITIONS_DEADLINE -> "Set the deadline for the conditions";
            default -> ActionPlanTasks.action(taskKey);
        };
        TaskView view = TaskView.named(action + " — " + p.getName());
        if (aboutConditions(taskKey)) {
            return view.due(actionPlanTasks.created(taskKey, taskId, planId, "**" + p.getName() + "**: conditions of its accreditation"));
        }
        if (recordOutcome) {
            // an instance of a model from before the decision recorded its own outcome
            service.recordOutcome(id, outcomeToRecord);
        }
        List<String> claims = a.getOfstedUrn() == null ? List.of() : service.claims(id);
        // Form A's Ofsted claim against the register: shown to whoever checks or decides, never a process variable
        List<String> mismatches = service.registerDiscrepancies(id);
        String register = a.getOfstedUrn() == null ? "" : "\n\nOfsted's register rates the provider **"
                + UkFormat.label(service.registerRating(p.getId())) + "** (its worst registered setting): the outcome is decided on this, not on Form A"
                + (mismatches.isEmpty() ? "" : "\n\n**Discrepancies with Ofsted's register:**\n\n- " + String.join("\n- ", mismatches));
        display.show(taskId, "ofstedRegisterDiscrepancies", String.join("\n", mismatches));
        String summary = "**" + p.getName() + "**" + (claims.isEmpty() ? "" : "\n\nForm A says:\n\n- " + String.join("\n- ", claims)) + register
                + (a.getOutcome() == null ? "" : "\n\n**Proposed outcome: " + UkFormat.label(AccreditationStatus.valueOf(a.getOutcome())) + "**"
                + (a.getDiscrepancies() == null || a.getDiscrepancies().isBlank() ? "" : "\n\nDiscrepancies: " + a.getDiscrepancies()));
        display.show(taskId, "formASummary", summary);
        display.showJson(taskId, "formAClaims", claims.stream().map(c -> Map.of("label", c, "value", c)).toList());
        return view.due(service.taskDue(taskKey));
    }

    /** The task's form checked and recorded: returns the variables the process reads next, and those it must not keep. */
    TaskView completed(String taskKey, String taskId, Long id, Long planId, boolean providerSetsDeadline, VariableScope form) {
        if (ActionPlanTasks.handles(taskKey)) {
            return TaskView.unchanged().set(actionPlanTasks.completed(taskKey, taskId, planId, providerSetsDeadline, form));
        }
        FieldErrors errors = new FieldErrors();
        FormValues f = new FormValues(form, errors);
        TaskView result = TaskView.unchanged();
        switch (taskKey) {
            case TASK_COMPLETE_FORM_A -> {
                Integer minAge = f.integer(MIN_AGE);
                Integer maxAge = f.integer(MAX_AGE);
                Integer places = f.integer(PLACES);
                Double fee = f.decimal(STANDARD_WEEKLY_FEE);
                var ratingDate = f.date(OFSTED_RATING_DATE);
                errors.throwIfAny();
                service.formA(id, new Accreditation.FormA(f.text(SERVICES_DESCRIPTION), f.text(OFSTED_URN), f.text(OFSTED_RATING), ratingDate,
                        String.join(",", f.list(PLACEMENT_TYPES)), minAge, maxAge, places, f.text(LOCATIONS),
                        String.join(",", f.list(SPECIALISMS)), f.text(STAFFING), fee == null ? null : BigDecimal.valueOf(fee),
                        f.bool(SAFEGUARDING_POLICY), f.bool(MISSING_POLICY), f.bool(COMPLAINTS_POLICY)));
            }
            case TASK_REVIEW_FORM_A -> {
                Boolean complete = f.bool(FORM_A_COMPLETE);
                errors.throwIfAny();
                service.reviewFormA(id, complete, f.text(REVIEW_NOTES), taskId);
            }
            case TASK_COMPLETE_FORM_B -> {
                var scores = new AccreditationService.FormBScores(f.integer(REGISTRATION_SCORE), f.integer(STAFFING_SCORE),
                        f.integer(HEALTH_SAFETY_SCORE), f.integer(SAFEGUARDING_SCORE), f.integer(EDUCATION_HEALTH_SCORE));
                Boolean critical = f.bool(CRITICAL_CONCERN);
                errors.throwIfAny();
                service.formB(id, scores, critical, f.text(DISCREPANCIES), f.list(UNVERIFIED_CLAIMS));
                // the visits run in parallel: what each found stays on its own task, never in a shared variable
                result = result.remove(CRITICAL_CONCERN);
            }
            case TASK_COMPLETE_FORM_C -> {
                var scores = new AccreditationService.FormCScores(f.integer(ATMOSPHERE_SCORE), f.integer(INTERACTION_SCORE),
                        f.integer(CHILDREN_VIEWS_SCORE), f.integer(COMPLAINTS_SCORE));
                Boolean spoke = f.bool(SPOKE_TO_CHILDREN);
                Boolean critical = f.bool(CRITICAL_CONCERN);
                errors.throwIfAny();
                service.formC(id, scores, spoke, critical, f.text(VISIT_NOTES));
                result = result.remove(CRITICAL_CONCERN);
            }
            case TASK_CONFIRM_ACCREDITATION -> {
                Boolean confirmed = f.bool(ACCREDITATION_CONFIRMED);
                errors.throwIfAny();
                result = result.set(service.confirmVariables(id, confirmed, f.text(CONFIRMATION_REASON), taskId));
            }
            case TASK_SET_CONDITIONS_DEADLINE -> {
                LocalDate deadline = f.date(ActionPlanSteps.ACTION_PLAN_DEADLINE);
                errors.throwIfAny();
                ActionPlan plan = actionPlans.setDeadline(planId, deadline,
                        ActionPlanSteps.ACTION_PLAN_DEADLINE);
                result = result.set(ActionPlanSteps.ACTION_PLAN_DEADLINE, ActionPlanService.timerDate(plan));
            }
            default -> {
            }
        }
        errors.throwIfAny();
        return result;
    }
}
