package uk.gov.placements.iro;

import static uk.gov.placements.iro.IroReviewProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.ProcessVariables;

/** Task_CloseReviews: the child left care; scheduled reviews are cancelled. */
@Component
public class CloseReviewsDelegate implements JavaDelegate {
    private final IroReviewService reviews;

    public CloseReviewsDelegate(IroReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.childLeftCare(ProcessVariables.id(execution, CHILD_ID));
    }
}
