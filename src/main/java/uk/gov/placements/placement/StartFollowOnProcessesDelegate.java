package uk.gov.placements.placement;

import static uk.gov.placements.referral.PlacementReferralProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.iro.IroReviewService;
import uk.gov.placements.monitoring.ContractMonitoringService;

/**
 * Task_StartFollowOnProcesses: the child's reviews start (or are told of the change), and an independent
 * placement's contract monitoring starts, at approval; their first dates count from the placement's start date.
 * The placement the child leaves ends on that date ({@link PlacementEnded}, published by the placement service).
 * One transaction: a failure retries the whole step, so nothing is started twice.
 */
@Component
public class StartFollowOnProcessesDelegate implements JavaDelegate {
    private final PlacementService placements;
    private final IroReviewService iroReviews;
    private final ContractMonitoringService monitoring;

    public StartFollowOnProcessesDelegate(PlacementService placements, IroReviewService iroReviews, ContractMonitoringService monitoring) {
        this.placements = placements;
        this.iroReviews = iroReviews;
        this.monitoring = monitoring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Placement p = placements.get(((Number) execution.getVariable(PLACEMENT_ID)).longValue());
        iroReviews.placementStarted(p.getChildId(), p.getCouncil());
        if (!p.isInHouse()) {
            monitoring.start(p);
        }
    }
}
