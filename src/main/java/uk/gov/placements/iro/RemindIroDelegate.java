package uk.gov.placements.iro;

import static uk.gov.placements.iro.IroReviewProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.ProcessVariables;

/** Task_RemindIro: the review falls due in 5 working days. */
@Component
public class RemindIroDelegate implements JavaDelegate {
    private final IroReviewService reviews;

    public RemindIroDelegate(IroReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.remind(ProcessVariables.id(execution, REVIEW_ID), execution.getProcessBusinessKey());
    }
}
