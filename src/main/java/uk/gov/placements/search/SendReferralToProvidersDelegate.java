package uk.gov.placements.search;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.referral.PlacementReferralProcess;

/** Task_SendReferralToProviders: one referral to each matching provider, with the deadline decided by responseDeadline. */
@Component
public class SendReferralToProvidersDelegate implements JavaDelegate {
    private final ProviderReferrals providerReferrals;

    public SendReferralToProvidersDelegate(ProviderReferrals providerReferrals) {
        this.providerReferrals = providerReferrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        providerReferrals.send(((Number) execution.getVariable(PlacementReferralProcess.REFERRAL_ID)).longValue(),
                (String) execution.getVariable(PlacementSearchProcess.RESPONSE_DEADLINE));
    }
}
