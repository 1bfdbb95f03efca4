package uk.gov.placements.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_AlertRequiredByPassed: no placement approved by the required-by date; the referral itself stays open. */
@Component
public class AlertRequiredByPassedDelegate implements JavaDelegate {
    private final PlacementApproval approval;
    private final ReferralService referrals;

    public AlertRequiredByPassedDelegate(PlacementApproval approval, ReferralService referrals) {
        this.referrals = referrals;
        this.approval = approval;
    }

    @Override
    public void execute(DelegateExecution execution) {
        approval.requiredByPassed(referrals.ofInstance(execution).getId(), execution.getProcessBusinessKey(), execution.getTenantId());
    }
}
