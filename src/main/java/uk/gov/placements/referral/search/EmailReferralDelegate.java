package uk.gov.placements.referral.search;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.ProcessVariables;

/**
 * Task_EmailReferral: one provider referral's e-mail to the provider's referral address, in its own job after the
 * referrals were recorded, so a mail server that is down holds back only this e-mail (retried, then an incident here).
 */
@Component
public class EmailReferralDelegate implements JavaDelegate {
    private final ProviderReferrals providerReferrals;

    public EmailReferralDelegate(ProviderReferrals providerReferrals) {
        this.providerReferrals = providerReferrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        providerReferrals.emailReferral(ProcessVariables.id(execution, PlacementSearchProcess.PROVIDER_REFERRAL_ID));
    }
}
