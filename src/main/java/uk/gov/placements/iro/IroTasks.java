package uk.gov.placements.iro;

import static uk.gov.placements.iro.IroReviewProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.gov.placements.child.AllocatedWorker;
import uk.gov.placements.child.Child;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.FormValues;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.common.UkTime;
import uk.gov.placements.tasks.TaskDisplay;
import uk.gov.placements.tasks.TaskView;

/**
 * The user tasks of iroReview as a person sees and completes them: a review's tasks named, dated and shown with the
 * review; a dispute's with the dispute, the tier answering being the one on the dispute's record. Completing one
 * records the consultation, the review or the dispute's answer or decision, checked as the record stands.
 */
@Component
class IroTasks {
    /** The tasks of a dispute, when the instance holds one; otherwise the same keys are the review's. */
    static final Set<String> DISPUTE_TASKS = Set.of(TASK_ANSWER_CONCERN, TASK_DECIDE_ON_ANSWER, TASK_REFER_TO_CAFCASS);
    private final TaskDisplay display;
    private final IroReviewService reviews;
    private final IroDisputes disputes;
    private final MatchingRecord matchingRecord;
    private final ChildService children;
    private final Clock clock;

    IroTasks(IroReviewService reviews, IroDisputes disputes, MatchingRecord matchingRecord, ChildService children, TaskDisplay display, Clock clock) {
        this.clock = clock;
        this.display = display;
        this.reviews = reviews;
        this.disputes = disputes;
        this.matchingRecord = matchingRecord;
        this.children = children;
    }

    /** The task as created: of the dispute when there is one, else of the review. */
    TaskView created(String taskKey, String modelName, String taskId, Long childId, Long reviewId, Long disputeId, Set<String> candidateGroups) {
        Child child = children.find(childId).orElseThrow();
        if (disputeId != null) {
            return disputeTask(taskKey, taskId, child, disputes.dispute(disputeId)).assignedTo(AllocatedWorker.workerFor(candidateGroups, child));
        }
        IroReview review = reviews.review(reviewId);
        String context = " — " + child.initials() + ", review " + review.getSequenceNumber() + " due " + UkFormat.date(review.getDueDate());
        display.show(taskId, "reviewSummary", "**Review " + review.getSequenceNumber() + "** of " + child.initials() + ", "
                + child.ageOn(UkTime.today(clock)) + ", due " + UkFormat.date(review.getDueDate())
                + (review.isBroughtForward() ? " — brought forward: " + review.getBroughtForwardReason() : ""));
        if (TASK_HOLD_REVIEW.equals(taskKey)) {
            display.show(taskId, "matchingRecord", matchingRecord.forChild(childId));
        }
        return TaskView.named(switch (taskKey) {
                    case TASK_CONSULT_CHILD -> "Consult the child";
                    case TASK_CONSULT_PARENTS -> "Consult the parents";
                    case TASK_CONSULT_CARERS -> "Consult the carers";
                    case TASK_HOLD_REVIEW -> "Hold review";
                    default -> modelName;
                } + context)
                .due(reviews.taskDue(taskKey, review)).priority(IroReviewService.REVIEW_TASK_PRIORITY)
                .assignedTo(AllocatedWorker.workerFor(candidateGroups, child));
    }

    /** A dispute's task: named with the child's initials and age, as on every task about a child (the Case tab leads to the child). */
    private TaskView disputeTask(String taskKey, String taskId, Child child, IroDispute d) {
        String about = " — " + child.initials() + ", " + child.ageOn(UkTime.today(clock));
        display.show(taskId, "disputeSummary", disputes.summary(d));
        TaskView view = switch (taskKey) {
            case TASK_ANSWER_CONCERN -> TaskView.named("Answer the IRO's concern: " + d.getStage().label + about)
                    .due(UkTime.endOfWorkingDay(d.currentStep().getAnswerDue()));
            case TASK_DECIDE_ON_ANSWER -> {
                display.showJson(taskId, "disputeChoices", disputes.choiceLabels(d));
                yield TaskView.named("Decide on the " + d.getStage().who + "'s answer" + about).due(UkTime.endOfWorkingDay(disputes.decisionDue()));
            }
            default -> TaskView.named("Refer to Cafcass" + about).due(UkTime.endOfWorkingDay(disputes.decisionDue()));
        };
        return view.priority(IroDisputes.TASK_PRIORITY);
    }

    /** The task's form checked and recorded: returns the variables the process reads next. */
    Map<String, Object> completed(String taskKey, String taskId, Long reviewId, Long disputeId, VariableScope form) {
        FieldErrors errors = new FieldErrors();
        FormValues f = new FormValues(form, errors);
        if (disputeId != null) {
            return disputeCompleted(taskKey, taskId, disputeId, f, errors);
        }
        switch (taskKey) {
            case TASK_CONSULT_CHILD -> reviews.consult(reviewId, "child", f.date(CONSULTED_ON), f.text(VIEWS, 4000), taskId);
            case TASK_CONSULT_PARENTS -> reviews.consult(reviewId, "parents", f.date(CONSULTED_ON), f.text(VIEWS, 4000), taskId);
            case TASK_CONSULT_CARERS -> reviews.consult(reviewId, "carers", f.date(CONSULTED_ON), f.text(VIEWS, 4000), taskId);
            case TASK_HOLD_REVIEW -> reviews.hold(reviewId, f.text(REVIEW_DECISIONS, 4000), f.text(RECOMMENDATIONS, 4000),
                    f.text(REVIEW_OUTCOME), f.text(CONCERNS, 4000), f.text(PARTICIPATION), taskId);
            default -> {
            }
        }
        errors.throwIfAny();
        return Map.of();
    }

    private Map<String, Object> disputeCompleted(String taskKey, String taskId, Long disputeId, FormValues f, FieldErrors errors) {
        switch (taskKey) {
            case TASK_ANSWER_CONCERN -> {
                String answer = f.text(DISPUTE_ANSWER, 4000);
                errors.throwIfAny();
                disputes.answer(disputeId, answer, taskId);
                return Map.of();
            }
            case TASK_DECIDE_ON_ANSWER -> {
                String decision = f.text(DISPUTE_DECISION);
                String reason = f.text(DISPUTE_DECISION_REASON, 4000);
                errors.throwIfAny();
                return Map.of(DISPUTE_DECISION, disputes.decide(disputeId, decision, reason, taskId).name());
            }
            default -> {
                LocalDate on = f.date(CAFCASS_REFERRED_ON);
                String reference = f.text(CAFCASS_REFERENCE, 100);
                errors.throwIfAny();
                disputes.referredToCafcass(disputeId, on, reference, taskId);
                return Map.of();
            }
        }
    }
}
