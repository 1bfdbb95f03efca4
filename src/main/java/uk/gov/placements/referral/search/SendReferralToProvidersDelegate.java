package uk.gov.placements.referral.search;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.referral.ReferralService;

/** Task_SendReferralToProviders: one referral to each matching provider, with the deadline decided by responseDeadline. */
@Component
public class SendReferralToProvidersDelegate implements JavaDelegate {
    private final ProviderReferralService providerReferrals;
    private final ReferralService referrals;

    public SendReferralToProvidersDelegate(ProviderReferralService providerReferrals, ReferralService referrals) {
        this.referrals = referrals;
        this.providerReferrals = providerReferrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        providerReferrals.send(referrals.ofInstance(execution).getId(),
                (String) execution.getVariable(PlacementSearchProcess.RESPONSE_DEADLINE));
    }
}
