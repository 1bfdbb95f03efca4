package uk.gov.placements.search;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.referral.PlacementReferralProcess;

/** Task_SearchRegister: the accredited independent services in the shared register that match the child. */
@Component
public class SearchRegisterDelegate implements JavaDelegate {
    private final SearchService search;

    public SearchRegisterDelegate(SearchService search) {
        this.search = search;
    }

    @Override
    public void execute(DelegateExecution execution) {
        search.searchRegister(((Number) execution.getVariable(PlacementReferralProcess.REFERRAL_ID)).longValue());
    }
}
