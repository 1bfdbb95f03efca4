package uk.gov.placements.safety;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.ProcessVariables;

/** Task_TellTeamManagers: the child must move from the inadequate home; the council's team managers plan the move. */
@Component
public class TellTeamManagersDelegate implements JavaDelegate {
    private final PlacementSafetyReviews reviews;

    public TellTeamManagersDelegate(PlacementSafetyReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.tellTeamManagers(ProcessVariables.id(execution, PlacementSafetyReviewProcess.SAFETY_REVIEW_ID));
    }
}
