package uk.gov.placements.referral;

import static uk.gov.placements.referral.PlacementReferralProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_EscalateApproval: the approval is overdue, so the next tier up may approve it too, and is told. */
@Component
public class EscalateApprovalDelegate implements JavaDelegate {
    private final PlacementApproval approval;
    private final ReferralService referrals;

    public EscalateApprovalDelegate(PlacementApproval approval, ReferralService referrals) {
        this.referrals = referrals;
        this.approval = approval;
    }

    @Override
    public void execute(DelegateExecution execution) {
        approval.escalate(referrals.ofInstance(execution).getId(), execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
                execution.getTenantId(), (String) execution.getVariable(APPROVAL_ESCALATION_AFTER));
    }
}
