package uk.gov.placements.iro;

import static uk.gov.placements.iro.IroReviewProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.ProcessVariables;

/** Task_BringReviewForward: message PlacementChanged moves the next review to within 20 working days. */
@Component
public class BringReviewForwardDelegate implements JavaDelegate {
    private final IroReviewService reviews;

    public BringReviewForwardDelegate(IroReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.bringForward(ProcessVariables.id(execution, CHILD_ID), execution.getProcessInstanceId());
    }
}
