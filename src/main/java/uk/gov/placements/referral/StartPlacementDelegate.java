package uk.gov.placements.referral;

import uk.gov.placements.common.UkTime;

import uk.gov.placements.placement.Placement;

import static uk.gov.placements.referral.PlacementReferralProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.referral.ReferralService;

/** Task_StartPlacement: records the approved placement; safe to retry. */
@Component
public class StartPlacementDelegate implements JavaDelegate {
    private final PlacementStart placements;
    private final ReferralService referrals;

    public StartPlacementDelegate(PlacementStart placements, ReferralService referrals) {
        this.referrals = referrals;
        this.placements = placements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Placement p = placements.start(referrals.ofInstance(execution).getId(), UkTime.today());
        execution.setVariable(PLACEMENT_ID, p.getId());
    }
}
