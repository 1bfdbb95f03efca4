package uk.gov.placements.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.provider.Provider;
import uk.gov.placements.security.Roles;

/**
 * Who reviews a referral for a child who is moving: the current carer (the staff of the provider the child lives
 * with; for the council's own carers, the users the council puts in that provision's group), and the child's
 * social workers, who may record the carer's view on their behalf. Read from the referral's record of the current
 * placement, as Task_ReviewReferralAsCarer's candidate groups.
 */
@Component("currentCarer")
public class CurrentCarer {
    private final ReferralService referrals;
    private final PlacementService placements;

    public CurrentCarer(ReferralService referrals, PlacementService placements) {
        this.referrals = referrals;
        this.placements = placements;
    }

    public String reviewers(DelegateExecution execution) {
        Referral r = referrals.ofInstance(execution);
        return placements.find(r.getCurrentPlacementId())
                .map(p -> Provider.groupOf(p.getProviderId()) + "," + Roles.SOCIAL_WORKERS)
                .orElse(Roles.SOCIAL_WORKERS);
    }
}
