package uk.gov.placements.placement;

import static uk.gov.placements.referral.PlacementReferralProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.iro.IroReviewService;
import uk.gov.placements.monitoring.ContractMonitoringService;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.ReferralService;

/**
 * Task_StartFollowOnProcesses: the child's reviews start (or are told of the change), an independent
 * placement's contract monitoring starts, and the placement the child left gets PlacementEnded.
 * One transaction: a failure retries the whole step, so nothing is started twice.
 */
@Component
public class StartFollowOnProcessesDelegate implements JavaDelegate {
    private final PlacementService placements;
    private final ReferralService referrals;
    private final IroReviewService iroReviews;
    private final ContractMonitoringService monitoring;

    public StartFollowOnProcessesDelegate(PlacementService placements, ReferralService referrals, IroReviewService iroReviews,
                                          ContractMonitoringService monitoring) {
        this.placements = placements;
        this.referrals = referrals;
        this.iroReviews = iroReviews;
        this.monitoring = monitoring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Placement p = placements.get(((Number) execution.getVariable(PLACEMENT_ID)).longValue());
        Referral r = referrals.get(p.getReferralId());
        iroReviews.placementStarted(p.getChildId(), p.getCouncil());
        if (!p.isInHouse()) {
            monitoring.start(p);
        }
        if (r.getCurrentPlacementId() != null) {
            monitoring.placementEnded(r.getCurrentPlacementId());
        }
    }
}
