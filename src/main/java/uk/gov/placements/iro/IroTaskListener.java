package uk.gov.placements.iro;

import static uk.gov.placements.iro.IroReviewProcess.*;

import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.gov.placements.child.AllocatedWorker;
import uk.gov.placements.tasks.TaskDisplay;
import uk.gov.placements.child.Child;
import uk.gov.placements.child.ChildRepository;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.FormValues;

/** The user tasks of iroReview: named, dated and shown on create; checked and recorded on complete. */
@Component
public class IroTaskListener implements TaskListener {
    private final TaskDisplay display;
    private final IroReviewService reviews;
    private final MatchingRecord matchingRecord;
    private final ChildRepository children;

    public IroTaskListener(IroReviewService reviews, MatchingRecord matchingRecord, ChildRepository children, TaskDisplay display) {
        this.display = display;
        this.reviews = reviews;
        this.matchingRecord = matchingRecord;
        this.children = children;
    }

    @Override
    public void notify(DelegateTask task) {
        Long childId = ((Number) task.getVariable(CHILD_ID)).longValue();
        IroReview review = reviews.review(((Number) task.getVariable(REVIEW_ID)).longValue());
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            Child child = children.findById(childId).orElseThrow();
            String context = " — " + child.initials() + ", review " + review.getSequenceNumber() + " due " + review.getDueDate();
            task.setName(switch (task.getTaskDefinitionKey()) {
                case TASK_CONSULT_CHILD -> "Consult the child";
                case TASK_CONSULT_PARENTS -> "Consult the parents";
                case TASK_CONSULT_CARERS -> "Consult the carers";
                case TASK_HOLD_REVIEW -> "Hold review";
                case TASK_INFORMAL_RESOLUTION -> "IRO concern: resolve informally";
                case TASK_FORMAL_HEAD_OF_SERVICE -> "IRO concern: formal resolution (head of service)";
                case TASK_FORMAL_ASSISTANT_DIRECTOR -> "IRO concern: formal resolution (assistant director)";
                default -> task.getName();
            } + context);
            java.time.LocalDate due = switch (task.getTaskDefinitionKey()) {
                case TASK_CONSULT_CHILD, TASK_CONSULT_PARENTS, TASK_CONSULT_CARERS -> reviews.consultationDue(review);
                case TASK_HOLD_REVIEW -> review.getDueDate();
                default -> reviews.disputeStepDue();
            };
            task.setDueDate(Date.from(due.atTime(17, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
            task.setPriority(60);
            AllocatedWorker.assign(task, child);
            display.show(task, "reviewSummary", "**Review " + review.getSequenceNumber() + "** of " + child.initials() + " ("
                    + IroReviewProcess.businessKey(childId) + "), due " + review.getDueDate()
                    + (review.isBroughtForward() ? " — brought forward: " + review.getBroughtForwardReason() : "")
                    + (review.getDecisions() == null ? "" : "\n\nThe review's decisions: " + review.getDecisions()
                    + "\n\nRecommendations: " + review.getRecommendations()));
            if (TASK_HOLD_REVIEW.equals(task.getTaskDefinitionKey())) {
                display.show(task, "matchingRecord", matchingRecord.forChild(childId));
            }
            return;
        }
        FieldErrors errors = new FieldErrors();
        FormValues f = new FormValues(task, errors);
        switch (task.getTaskDefinitionKey()) {
            case TASK_CONSULT_CHILD -> reviews.consult(review.getId(), "child", f.date("consultedOn"), f.text("views", 4000), task.getId());
            case TASK_CONSULT_PARENTS -> reviews.consult(review.getId(), "parents", f.date("consultedOn"), f.text("views", 4000), task.getId());
            case TASK_CONSULT_CARERS -> reviews.consult(review.getId(), "carers", f.date("consultedOn"), f.text("views", 4000), task.getId());
            case TASK_HOLD_REVIEW -> reviews.hold(review.getId(), f.text("reviewDecisions", 4000), f.text("recommendations", 4000),
                    f.text(REVIEW_OUTCOME), task.getId());
            case TASK_INFORMAL_RESOLUTION -> step(task, childId, "INFORMAL", f);
            case TASK_FORMAL_HEAD_OF_SERVICE -> step(task, childId, "HEAD_OF_SERVICE", f);
            case TASK_FORMAL_ASSISTANT_DIRECTOR -> step(task, childId, "ASSISTANT_DIRECTOR", f);
            default -> {
            }
        }
        errors.throwIfAny();
    }

    private void step(DelegateTask task, Long childId, String step, FormValues f) {
        Boolean resolved = f.bool(RESOLVED);
        reviews.disputeStep(childId, step, resolved, f.text("resolutionNotes"), task.getId());
        task.setVariable(RESOLVED, resolved);
    }
}
