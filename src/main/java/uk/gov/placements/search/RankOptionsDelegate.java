package uk.gov.placements.search;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.referral.PlacementReferralProcess;

/** Task_RankOptions. */
@Component
public class RankOptionsDelegate implements JavaDelegate {
    private final SearchService search;

    public RankOptionsDelegate(SearchService search) {
        this.search = search;
    }

    @Override
    public void execute(DelegateExecution execution) {
        search.rank(((Number) execution.getVariable(PlacementReferralProcess.REFERRAL_ID)).longValue());
    }
}
