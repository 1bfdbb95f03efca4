package uk.gov.placements.referral.search;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.referral.ReferralService;

/** Task_RankOptions: ranks, and says whether the procurement rule needs a waiver. */
@Component
public class RankOptionsDelegate implements JavaDelegate {
    private final SearchService search;
    private final ReferralService referrals;

    public RankOptionsDelegate(SearchService search, ReferralService referrals) {
        this.referrals = referrals;
        this.search = search;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(PlacementSearchProcess.WAIVER_NEEDED, search.rankThenWaiverNeeded(referrals.ofInstance(execution).getId()));
    }
}
