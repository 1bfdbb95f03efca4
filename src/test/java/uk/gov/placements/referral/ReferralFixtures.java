package uk.gov.placements.referral;

import org.springframework.stereotype.Component;

/** Tests' count of every referral, which no feature of the product needs: that a refused form wrote none. */
@Component
public class ReferralFixtures {
    private final ReferralRepository referrals;

    ReferralFixtures(ReferralRepository referrals) {
        this.referrals = referrals;
    }

    public long count() {
        return referrals.count();
    }
}
