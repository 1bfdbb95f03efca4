package uk.gov.placements.referral;

import java.time.Clock;
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
    private final Clock clock;

    public StartPlacementDelegate(PlacementStart placements, ReferralService referrals, Clock clock) {
        this.referrals = referrals;
        this.placements = placements;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Placement p = placements.start(referrals.ofInstance(execution).getId(), UkTime.today(clock));
        execution.setVariable(PLACEMENT_ID, p.getId());
    }
}
