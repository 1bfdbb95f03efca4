package uk.gov.placements.safety;

import static uk.gov.placements.safety.PlacementSafetyReviewProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.FormValues;
import uk.gov.placements.common.ProcessVariables;
import uk.gov.placements.tasks.TaskView;

/**
 * Task_ReviewPlacementSafety: to the child's allocated social worker (the social workers of the child's council keep it
 * in their queue, for cover), due the next working day, as a home judged inadequate is one where Ofsted found children
 * not safe enough; on completion the decision and its reasons are checked and recorded, or refused with the field named.
 */
@Component
public class SafetyReviewTaskListener implements TaskListener {
    private final PlacementSafetyReviews reviews;
    private final SafetyReviewTasks tasks;

    public SafetyReviewTaskListener(PlacementSafetyReviews reviews, SafetyReviewTasks tasks) {
        this.reviews = reviews;
        this.tasks = tasks;
    }

    @Override
    public void notify(DelegateTask task) {
        Long reviewId = ProcessVariables.id(task, SAFETY_REVIEW_ID);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            tasks.created(reviewId, task.getId(), TaskView.candidateGroups(task)).applyTo(task);
            return;
        }
        FieldErrors errors = new FieldErrors();
        FormValues f = new FormValues(task, errors);
        String decision = f.text(SAFETY_DECISION);
        String reasons = f.text(SAFETY_REASONS, 4000);
        errors.throwIfAny();
        reviews.decide(reviewId, decision, reasons, task.getId());
        // the gateway reads the decision as recorded, not as typed (" MOVE" is recorded MOVE, and must route as MOVE)
        task.setVariable(SAFETY_DECISION, decision);
    }
}
