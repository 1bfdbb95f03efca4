package uk.gov.placements.search;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.referral.PlacementReferralProcess;

/** Task_RankOptions: ranks, and says whether the procurement rule needs a waiver. */
@Component
public class RankOptionsDelegate implements JavaDelegate {
    private final SearchService search;

    public RankOptionsDelegate(SearchService search) {
        this.search = search;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long referralId = ((Number) execution.getVariable(PlacementReferralProcess.REFERRAL_ID)).longValue();
        search.rank(referralId);
        execution.setVariable(PlacementSearchProcess.WAIVER_NEEDED, search.procurementWaiverNeeded(referralId));
    }
}
