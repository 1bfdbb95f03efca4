package uk.gov.placements.monitoring;

import static uk.gov.placements.monitoring.ContractMonitoringProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.gov.placements.child.AllocatedWorker;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.FormValues;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.tasks.TaskDisplay;
import uk.gov.placements.tasks.TaskView;

/**
 * The user tasks of contractMonitoring as a person sees and completes them: named with the placement and round,
 * dated, and shown what the round has gathered; on completion the feedback, Form D, rating or exit interview is
 * checked and recorded, or refused with the field named.
 */
@Component
class MonitoringTasks {
    /** Form D asks the dates of up to three times missing or away; the social worker records any more. */
    static final int FORM_D_MISSING_EPISODES = 3;
    private final TaskDisplay display;
    private final ContractMonitoringService monitoring;
    private final PlacementService placements;
    private final ChildService children;
    private final ActionPlanTasks actionPlanTasks;

    MonitoringTasks(ContractMonitoringService monitoring, PlacementService placements, ChildService children, TaskDisplay display,
                    ActionPlanTasks actionPlanTasks) {
        this.actionPlanTasks = actionPlanTasks;
        this.display = display;
        this.monitoring = monitoring;
        this.placements = placements;
        this.children = children;
    }

    /**
     * The task as created. {@code providerSetsDeadline}: the instance runs on the model from before the officer set
     * action-plan deadlines ({@link ActionPlanTasks#providerSetsDeadline}).
     */
    TaskView created(String taskKey, String modelName, String taskId, Long placementId, Long roundId, Long planId, boolean providerSetsDeadline,
                     Set<String> candidateGroups) {
        MonitoringRound round = roundId == null ? null : monitoring.round(roundId);
        var placement = placements.get(placementId);
        var child = children.find(placement.getChildId()).orElseThrow();
        String initials = child.initials();
        String context = " — " + initials + ", " + UkFormat.label(placement.getPlacementType()) + ", " + UkFormat.money(placement.getWeeklyCost()) + " a week"
                + (round == null ? "" : ", round " + round.getRoundNumber());
        String name = switch (taskKey) {
            case TASK_GIVE_FEEDBACK -> "Give monitoring feedback";
            case TASK_SUBMIT_OUTCOME_REPORT -> "Submit outcome report (Form D)";
            case TASK_REVIEW_MONITORING -> "Review monitoring and rate";
            case TASK_RESPOND_WITH_ACTION_PLAN, TASK_CHECK_ACTION_PLAN, TASK_DECIDE_UNRESOLVED -> ActionPlanTasks.action(taskKey);
            case TASK_RECORD_EXIT_INTERVIEW -> "Record exit interview";
            default -> modelName;
        } + context;
        TaskView view = TaskView.named(name).assignedTo(AllocatedWorker.workerFor(candidateGroups, child));
        Date due = monitoring.taskDue(taskKey, round);
        StringBuilder s = new StringBuilder("**Placement** ").append(placementId).append(": ").append(initials).append(", ")
                .append(UkFormat.label(placement.getPlacementType())).append(" from ").append(UkFormat.date(placement.getStartDate())).append(", ")
                .append(UkFormat.money(placement.getWeeklyCost())).append(" a week");
        if (round != null) {
            s.append("\n\n**Round ").append(round.getRoundNumber()).append("**, due ").append(UkFormat.date(round.getDueDate()));
            if (TASK_REVIEW_MONITORING.equals(taskKey)) {
                // a silent party is said plainly, so the officer rates knowing what is missing and why
                if (round.getFeedbackNotReturnedBy() != null) {
                    s.append("\n\n**Social worker's feedback: not returned by ").append(UkFormat.date(round.getFeedbackNotReturnedBy())).append("**");
                } else {
                    s.append("\n\nSocial worker: needs met ").append(yesNo(round.getNeedsMet())).append(". ").append(round.getSocialWorkerFeedback())
                            .append("\n\nChild's views: ").append(round.getChildViews());
                }
                if (round.getOutcomeReportNotReturnedBy() != null) {
                    s.append("\n\n**Form D: not returned by ").append(UkFormat.date(round.getOutcomeReportNotReturnedBy())).append("**");
                    if (round.isProviderUnreachable()) {
                        s.append(": ").append(ActionPlanService.UNREACHABLE);
                    }
                } else {
                    s.append("\n\nForm D: school attendance ").append(round.getSchoolAttendance()).append("%, health appointments kept ")
                            .append(round.getHealthAppointmentsKept()).append("%, SDQ ").append(round.getSdqScore()).append(", missing episodes ")
                            .append(round.getMissingEpisodes()).append(". Goals: ").append(round.getGoalProgress())
                            .append(round.getIncidents() == null ? "" : ". Incidents: " + round.getIncidents());
                }
                s.append("\n\nIRO: ").append(round.getIroRecommendations());
            }
        }
        if (ActionPlanTasks.handles(taskKey)) {
            String rated = round == null || round.getRating() == null ? "" : "\n\n**Rated " + UkFormat.label(round.getRating()) + "**";
            due = actionPlanTasks.created(taskKey, taskId, planId, s + rated);
            if (providerSetsDeadline) {
                // the old model's forms show monitoringSummary only: the plan goes there too
                display.show(taskId, "monitoringSummary", display.text(taskId, "actionPlanSummary"));
                return view.due(due);
            }
        }
        display.show(taskId, "monitoringSummary", s.toString());
        return view.due(due);
    }

    /** The task's form checked and recorded: returns the variables the process reads next. */
    Map<String, Object> completed(String taskKey, String taskId, Long placementId, Long roundId, Long planId, boolean providerSetsDeadline,
                                  VariableScope form) {
        if (ActionPlanTasks.handles(taskKey)) {
            return actionPlanTasks.completed(taskKey, taskId, planId, providerSetsDeadline, form);
        }
        FieldErrors errors = new FieldErrors();
        FormValues f = new FormValues(form, errors);
        Map<String, Object> variables = new LinkedHashMap<>();
        switch (taskKey) {
            case TASK_GIVE_FEEDBACK -> {
                Boolean needsMet = f.bool(NEEDS_MET);
                errors.throwIfAny();
                monitoring.feedback(roundId, needsMet, f.text(FEEDBACK, 4000), f.text(CHILD_VIEWS, 4000));
            }
            case TASK_SUBMIT_OUTCOME_REPORT -> {
                Double attendance = f.decimal(SCHOOL_ATTENDANCE);
                Double health = f.decimal(HEALTH_APPOINTMENTS_KEPT);
                Integer sdq = f.integer(SDQ_SCORE);
                Integer missing = f.integer(MISSING_EPISODES);
                // the dates of each time missing or away, for the 903's missing table: as many as the count, up to the form's three
                List<PlacementService.MissingReport> episodes = new ArrayList<>();
                for (int n = 1; missing != null && n <= Math.min(missing, FORM_D_MISSING_EPISODES); n++) {
                    PlacementService.MissingReport report = new PlacementService.MissingReport(f.text(missingEpisodeField(n, "Kind")),
                            f.date(missingEpisodeField(n, "Start")), f.date(missingEpisodeField(n, "End")));
                    placements.checkMissing(placementId, missingEpisodeField(n, ""), report, errors);
                    episodes.add(report);
                }
                errors.throwIfAny();
                monitoring.outcomeReport(roundId, attendance, health, sdq, missing, f.text(FAMILY_CONTACT), f.text(GOAL_PROGRESS, 4000),
                        f.text(INCIDENTS, 4000));
                episodes.forEach(m -> placements.reportMissing(placementId, m));
            }
            case TASK_REVIEW_MONITORING -> {
                // the old model's form has no deadline: its provider gives one with the answer (ActionPlanTasks.providerSetsDeadline)
                boolean officerSetsDeadline = !providerSetsDeadline;
                LocalDate deadline = officerSetsDeadline ? f.date(ACTION_PLAN_DEADLINE) : null;
                String rating = f.text(RATING);
                if (!"GREEN".equals(rating)) {
                    errors.throwIfAny();
                }
                ActionPlan plan = monitoring.rate(roundId, rating, f.text(RATING_REASON, 4000), f.text(COST_AGAINST_OUTCOMES, 4000),
                        deadline, officerSetsDeadline, taskId);
                // the gateway reads the rating as recorded (" RED" from a client is recorded RED, and must route as RED)
                variables.put(RATING, rating);
                // the form's date becomes the timer date the silence and check timers read
                variables.put(ACTION_PLAN_ID, plan == null ? null : plan.getId());
                variables.put(ACTION_PLAN_DEADLINE, plan == null || plan.getDeadline() == null ? null : ActionPlanService.timerDate(plan));
                return variables;
            }
            case TASK_RECORD_EXIT_INTERVIEW -> {
                LocalDate on = f.date(INTERVIEWED_ON);
                Boolean feltSafe = f.bool(FELT_SAFE);
                errors.throwIfAny();
                monitoring.exitInterview(placementId, on, f.text(EXIT_VIEWS, 4000), feltSafe);
            }
            default -> {
            }
        }
        errors.throwIfAny();
        return variables;
    }

    private static String yesNo(Boolean answer) {
        return answer == null ? "not answered" : answer ? "yes" : "no";
    }
}
