package uk.gov.placements.referral.search;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.referral.ReferralService;

/** Task_SearchInHouse. */
@Component
public class SearchInHouseDelegate implements JavaDelegate {
    private final SearchService search;
    private final ReferralService referrals;

    public SearchInHouseDelegate(SearchService search, ReferralService referrals) {
        this.referrals = referrals;
        this.search = search;
    }

    @Override
    public void execute(DelegateExecution execution) {
        search.searchInHouse(referrals.ofInstance(execution).getId());
    }
}
