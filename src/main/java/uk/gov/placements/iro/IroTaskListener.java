package uk.gov.placements.iro;

import static uk.gov.placements.iro.IroReviewProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.gov.placements.child.AllocatedWorker;
import uk.gov.placements.child.Child;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.FormValues;
import uk.gov.placements.common.ProcessVariables;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.common.UkTime;
import uk.gov.placements.tasks.TaskDisplay;

/** The user tasks of iroReview: named, dated and shown on create; checked and recorded on complete. */
@Component
public class IroTaskListener implements TaskListener {
    private final TaskDisplay display;
    private final IroReviewService reviews;
    private final IroDisputes disputes;
    private final MatchingRecord matchingRecord;
    private final ChildService children;
    private final Clock clock;

    public IroTaskListener(IroReviewService reviews, IroDisputes disputes, MatchingRecord matchingRecord, ChildService children,
                           TaskDisplay display, Clock clock) {
        this.display = display;
        this.reviews = reviews;
        this.disputes = disputes;
        this.matchingRecord = matchingRecord;
        this.children = children;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Long childId = ProcessVariables.id(task, CHILD_ID);
        boolean disputeTask = task.hasVariable(DISPUTE_ID) && switch (task.getTaskDefinitionKey()) {
            case TASK_ANSWER_CONCERN, TASK_DECIDE_ON_ANSWER, TASK_REFER_TO_CAFCASS -> true;
            default -> false;
        };
        if (disputeTask) {
            dispute(task, childId);
            return;
        }
        IroReview review = reviews.review(ProcessVariables.id(task, REVIEW_ID));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            Child child = children.find(childId).orElseThrow();
            String context = " — " + child.initials() + ", review " + review.getSequenceNumber() + " due " + UkFormat.date(review.getDueDate());
            task.setName(switch (task.getTaskDefinitionKey()) {
                case TASK_CONSULT_CHILD -> "Consult the child";
                case TASK_CONSULT_PARENTS -> "Consult the parents";
                case TASK_CONSULT_CARERS -> "Consult the carers";
                case TASK_HOLD_REVIEW -> "Hold review";
                default -> task.getName();
            } + context);
            task.setDueDate(reviews.taskDue(task.getTaskDefinitionKey(), review));
            task.setPriority(IroReviewService.REVIEW_TASK_PRIORITY);
            AllocatedWorker.assign(task, child);
            display.show(task, "reviewSummary", "**Review " + review.getSequenceNumber() + "** of " + child.initials() + ", "
                    + child.ageOn(UkTime.today(clock)) + ", due " + UkFormat.date(review.getDueDate())
                    + (review.isBroughtForward() ? " — brought forward: " + review.getBroughtForwardReason() : ""));
            if (TASK_HOLD_REVIEW.equals(task.getTaskDefinitionKey())) {
                display.show(task, "matchingRecord", matchingRecord.forChild(childId));
            }
            return;
        }
        FieldErrors errors = new FieldErrors();
        FormValues f = new FormValues(task, errors);
        switch (task.getTaskDefinitionKey()) {
            case TASK_CONSULT_CHILD -> reviews.consult(review.getId(), "child", f.date(CONSULTED_ON), f.text(VIEWS, 4000), task.getId());
            case TASK_CONSULT_PARENTS -> reviews.consult(review.getId(), "parents", f.date(CONSULTED_ON), f.text(VIEWS, 4000), task.getId());
            case TASK_CONSULT_CARERS -> reviews.consult(review.getId(), "carers", f.date(CONSULTED_ON), f.text(VIEWS, 4000), task.getId());
            case TASK_HOLD_REVIEW -> reviews.hold(review.getId(), f.text(REVIEW_DECISIONS, 4000), f.text(RECOMMENDATIONS, 4000),
                    f.text(REVIEW_OUTCOME), f.text(CONCERNS, 4000), f.text(PARTICIPATION), task.getId());
            default -> {
            }
        }
        errors.throwIfAny();
    }

    /**
     * The tasks of a dispute: the tier answering is the one on the dispute's record; the IRO's tasks go to the
     * child's IRO. Completing one records the answer or decision against the record, checked as it stands.
     */
    private void dispute(DelegateTask task, Long childId) {
        IroDispute d = disputes.dispute(ProcessVariables.id(task, DISPUTE_ID));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            Child child = children.find(childId).orElseThrow();
            // initials and age, as on every task about a child; the Case tab leads to the child
            String about = " — " + child.initials() + ", " + child.ageOn(UkTime.today(clock));
            switch (task.getTaskDefinitionKey()) {
                case TASK_ANSWER_CONCERN -> {
                    task.setName("Answer the IRO's concern: " + d.getStage().label + about);
                    task.setDueDate(UkTime.endOfWorkingDay(d.currentStep().getAnswerDue()));
                }
                case TASK_DECIDE_ON_ANSWER -> {
                    task.setName("Decide on the " + d.getStage().who + "'s answer" + about);
                    task.setDueDate(UkTime.endOfWorkingDay(disputes.decisionDue()));
                    display.showJson(task, "disputeChoices", disputes.choiceLabels(d));
                }
                default -> {
                    task.setName("Refer to Cafcass" + about);
                    task.setDueDate(UkTime.endOfWorkingDay(disputes.decisionDue()));
                }
            }
            task.setPriority(IroDisputes.TASK_PRIORITY);
            AllocatedWorker.assign(task, child);
            display.show(task, "disputeSummary", disputes.summary(d));
            return;
        }
        FieldErrors errors = new FieldErrors();
        FormValues f = new FormValues(task, errors);
        switch (task.getTaskDefinitionKey()) {
            case TASK_ANSWER_CONCERN -> {
                String answer = f.text(DISPUTE_ANSWER, 4000);
                errors.throwIfAny();
                disputes.answer(d.getId(), answer, task.getId());
            }
            case TASK_DECIDE_ON_ANSWER -> {
                String decision = f.text(DISPUTE_DECISION);
                String reason = f.text(DISPUTE_DECISION_REASON, 4000);
                errors.throwIfAny();
                task.setVariable(DISPUTE_DECISION, disputes.decide(d.getId(), decision, reason, task.getId()).name());
            }
            default -> {
                LocalDate on = f.date(CAFCASS_REFERRED_ON);
                String reference = f.text(CAFCASS_REFERENCE, 100);
                errors.throwIfAny();
                disputes.referredToCafcass(d.getId(), on, reference, task.getId());
            }
        }
    }
}
