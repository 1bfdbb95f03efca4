package uk.gov.placements.referral.search;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.ProcessVariables;

/** Task_RecordNoResponse: the provider's deadline passed in silence. */
@Component
public class RecordNoResponseDelegate implements JavaDelegate {
    private final ProviderReferrals providerReferrals;

    public RecordNoResponseDelegate(ProviderReferrals providerReferrals) {
        this.providerReferrals = providerReferrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        providerReferrals.recordNoResponse(ProcessVariables.id(execution, PlacementSearchProcess.PROVIDER_REFERRAL_ID));
    }
}
