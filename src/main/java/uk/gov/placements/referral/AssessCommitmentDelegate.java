package uk.gov.placements.referral;

import static uk.gov.placements.referral.PlacementReferralProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_AssessCommitment: the inputs of decision approvalLevel, and how long the approver has. */
@Component
public class AssessCommitmentDelegate implements JavaDelegate {
    private final PlacementApproval approval;
    private final ReferralService referrals;

    public AssessCommitmentDelegate(PlacementApproval approval, ReferralService referrals) {
        this.referrals = referrals;
        this.approval = approval;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PlacementApproval.Assessment assessment = approval.assess(referrals.ofInstance(execution).getId());
        PlacementStart.ApprovalInputs in = assessment.inputs();
        execution.setVariable(COMMITMENT, in.commitment().doubleValue());
        execution.setVariable(WEEKLY_COST, in.weeklyFee().doubleValue());
        execution.setVariable(PROVIDER_NAME, in.providerName());
        execution.setVariable(OUT_OF_AREA, in.outOfArea());
        execution.setVariable(AT_DISTANCE, in.atDistance());
        execution.setVariable(APPROVAL_ESCALATION_AFTER, assessment.escalationAfter());
    }
}
