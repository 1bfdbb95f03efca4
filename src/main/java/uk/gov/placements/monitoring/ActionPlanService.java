package uk.gov.placements.monitoring;

import java.time.Clock;
import java.time.LocalDate;
import uk.gov.placements.provider.ProviderReachability;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.common.UkTime;

/**
 * Action plans, whether from an AMBER or RED monitoring rating or from accreditation with conditions: the
 * contracts officer sets the deadline (at most 3 months), the provider answers by it or its silence is
 * recorded as unresolved, the contracts officer checks it, and an unresolved plan is the commissioning
 * managers' to suspend or extend. One service, so both processes follow a plan the same way.
 */
@Service
public class ActionPlanService {
    /** The spec's longest deadline: a provider does not get half a year to put a child's safety right. */
    public static final int MAX_DEADLINE_MONTHS = 3;

    /**
     * What is recorded, instead of a silence, for a provider nobody signs in for: the request went only to its Tasklist
     * group, with nobody in it, so it was never told (weigh that before suspending it; give it a member of staff).
     */
    public static final String UNREACHABLE = "the provider could not be reached (no member of its staff signs in to see the request;"
            + " it was never told)";
    private final ActionPlanRepository plans;
    private final Decisions decisions;
    private final ProviderReachability reachability;
    private final Clock clock;

    public ActionPlanService(ActionPlanRepository plans, Decisions decisions, ProviderReachability reachability, Clock clock) {
        this.reachability = reachability;
        this.plans = plans;
        this.decisions = decisions;
        this.clock = clock;
    }

    /** A deadline a person sets: required, not in the past, at most 3 months from today. */
    public static void checkDeadline(FieldErrors errors, String field, LocalDate deadline, LocalDate today) {
        if (deadline == null) {
            errors.reject(field, "is required: the date by which the provider must put it right");
        } else if (deadline.isBefore(today)) {
            errors.reject(field, "must not be in the past");
        } else if (deadline.isAfter(today.plusMonths(MAX_DEADLINE_MONTHS))) {
            errors.reject(field, "must be within " + MAX_DEADLINE_MONTHS + " months (by " + UkFormat.date(today.plusMonths(MAX_DEADLINE_MONTHS)) + ")");
        }
    }

    /** A new plan with the contracts officer's deadline, already checked by the caller (none on the old model). */
    @Transactional
    public ActionPlan open(ActionPlan plan, LocalDate deadline) {
        // none on the model from before this release, where the provider gives it with its answer
        if (deadline != null) {
            plan.deadline(deadline, decisions.actor(), clock.instant());
        }
        return plans.save(plan);
    }

    /** The contracts officer's deadline for a plan opened without one (accreditation conditions). */
    @Transactional
    public ActionPlan setDeadline(Long planId, LocalDate deadline, String field) {
        FieldErrors errors = new FieldErrors();
        checkDeadline(errors, field, deadline, UkTime.today(clock));
        errors.throwIfAny();
        ActionPlan plan = plan(planId);
        plan.deadline(deadline, decisions.actor(), clock.instant());
        return plan;
    }

    /** The provider's answer: what it will do. The deadline is not its to set. */
    @Transactional
    public ActionPlan answer(Long planId, String actions) {
        return answer(planId, actions, null, null);
    }

    /**
     * The provider's answer; on an instance of the model from before this release (see
     * {@link ActionPlanTasks#providerSetsDeadline}) with the provider's own deadline, checked as the officer's is and
     * recorded as set by the provider. Without a deadline field, the officer's deadline stands.
     */
    @Transactional
    public ActionPlan answer(Long planId, String actions, LocalDate ownDeadline, String deadlineField) {
        FieldErrors errors = new FieldErrors();
        if (actions == null || actions.isBlank()) {
            errors.reject("actions", "is required: what the provider will do, by the deadline");
        }
        if (deadlineField != null) {
            checkDeadline(errors, deadlineField, ownDeadline, UkTime.today(clock));
        }
        errors.throwIfAny();
        ActionPlan plan = plan(planId);
        if (deadlineField != null) {
            plan.deadline(ownDeadline, decisions.actor(), clock.instant());
        }
        plan.answered(actions.trim(), decisions.actor(), clock.instant());
        return plan;
    }

    /** The deadline passed with no answer: unresolved, recorded as the system's finding, not anyone's judgement. */
    @Transactional
    public ActionPlan notAnswered(Long planId) {
        ActionPlan plan = plan(planId);
        plan.notAnswered(plan.getDeadline(), reachability.hasStaff(plan.getProviderId()));
        decisions.record(null, null, "ACTION_PLAN_CHECK", "NOT_ANSWERED provider " + plan.getProviderId(),
                "No action plan by " + UkFormat.date(plan.getDeadline()) + (plan.isProviderUnreachable() ? ": " + UNREACHABLE : ""), null);
        return plan;
    }

    @Transactional
    public void check(Long planId, Boolean resolved, String notes, String taskId) {
        FieldErrors errors = new FieldErrors();
        if (resolved == null) {
            errors.reject(ActionPlanSteps.ACTION_PLAN_RESOLVED, "is required: were the actions done?");
        }
        if (notes == null || notes.isBlank()) {
            errors.reject("checkNotes", "is required: what was found");
        }
        errors.throwIfAny();
        ActionPlan plan = plan(planId);
        plan.checked(resolved, notes.trim(), decisions.actor(), clock.instant());
        decisions.record(null, null, "ACTION_PLAN_CHECK", resolved ? "RESOLVED" : "UNRESOLVED", notes.trim(), taskId);
    }

    /** The commissioning managers' decision on an unresolved plan: suspend, or extend to a new deadline; always with a reason. */
    @Transactional
    public ActionPlan decide(Long planId, String decision, LocalDate newDeadline, String reason, String taskId) {
        FieldErrors errors = new FieldErrors();
        ActionPlan.Decision d = decision == null || decision.isBlank() ? null
                : FieldErrors.parseEnum(ActionPlan.Decision.class, decision, ActionPlanSteps.ACTION_PLAN_DECISION, errors);
        if (decision == null || decision.isBlank()) {
            errors.reject(ActionPlanSteps.ACTION_PLAN_DECISION, "is required: suspend the provider or extend the deadline");
        }
        if (d == ActionPlan.Decision.EXTEND) {
            checkDeadline(errors, "newDeadline", newDeadline, UkTime.today(clock));
        }
        if (reason == null || reason.isBlank()) {
            errors.reject("decisionReason", "is required: why");
        }
        errors.throwIfAny();
        ActionPlan plan = plan(planId);
        plan.decided(d, reason.trim(), decisions.actor(), clock.instant());
        if (d == ActionPlan.Decision.EXTEND) {
            plan.deadline(newDeadline, decisions.actor(), clock.instant());
        }
        decisions.record(null, null, "ACTION_PLAN_DECISION", d.name() + " provider " + plan.getProviderId()
                + (d == ActionPlan.Decision.EXTEND ? " to " + UkFormat.date(newDeadline) : ""), reason.trim(), taskId);
        return plan;
    }

    /**
     * The timer date of a plan's deadline: the end of the working day, so that a provider answering on the
     * deadline itself is not silent.
     */
    public static String timerDate(ActionPlan plan) {
        return UkTime.endOfWorkingDayTimer(plan.getDeadline());
    }

    /** The plan in words for the task that shows it; a provider's silence said plainly. */
    public static String describe(ActionPlan plan) {
        StringBuilder s = new StringBuilder("**Concern**: ").append(plan.getConcern());
        if (plan.getDeadline() != null) {
            // a plan of the model from before this release has the provider's own deadline (none recorded as set, or set with its answer)
            boolean providers = plan.getDeadlineSetBy() == null || plan.getDeadlineSetBy().equals(plan.getAnsweredBy());
            s.append("\n\n**Deadline** (").append(providers ? "given by the provider with its answer" : "set by the contracts officer").append("): ")
                    .append(UkFormat.date(plan.getDeadline()));
        }
        if (plan.getActions() != null) {
            s.append("\n\n**Provider's actions**: ").append(plan.getActions());
        }
        if (plan.getNotAnsweredBy() != null) {
            s.append("\n\n**No action plan by ").append(UkFormat.date(plan.getNotAnsweredBy())).append("**: ")
                    .append(plan.isProviderUnreachable() ? UNREACHABLE + "." : "the provider did not answer.");
        }
        if (plan.getCheckNotes() != null) {
            s.append("\n\n**Check**: ").append(plan.getCheckNotes());
        }
        if (plan.getDecision() == ActionPlan.Decision.EXTEND) {
            s.append("\n\n**Extended** by ").append(plan.getDecidedBy()).append(": ").append(plan.getDecisionReason());
        }
        return s.toString();
    }

    public ActionPlan plan(Long id) {
        return NotFoundException.findOrThrow(plans, "Action plan", id);
    }

    /**
     * The plan of an accreditation confirmed with conditions: the conditions are its concern, and the contracts officer
     * sets its deadline afterwards.
     */
    @Transactional
    public ActionPlan openForConditions(Long providerId, Long accreditationId, String conditions) {
        return plans.save(new ActionPlan(providerId, null, ActionPlan.Source.ACCREDITATION, conditions, clock.instant())
                .ofAccreditation(accreditationId));
    }
}
