package uk.gov.placements.referral;

import uk.gov.placements.placement.PlacementApproved;
import uk.gov.placements.placement.PlacementService;

import static uk.gov.placements.referral.PlacementReferralProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.ProcessVariables;

/**
 * Task_StartFollowOnProcesses: tells the features that follow a placement that it was approved
 * ({@link PlacementApproved}): the child's reviews start (or are told of the change) and an independent placement's
 * contract monitoring starts, their first dates counting from the placement's start date. The placement the child
 * leaves ends on that date ({@link PlacementEnded}). One transaction: a failure retries the whole step, so nothing is
 * started twice.
 */
@Component
public class StartFollowOnProcessesDelegate implements JavaDelegate {
    private final PlacementService placements;

    public StartFollowOnProcessesDelegate(PlacementService placements) {
        this.placements = placements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        placements.announceApproved(ProcessVariables.id(execution, PLACEMENT_ID));
    }
}
