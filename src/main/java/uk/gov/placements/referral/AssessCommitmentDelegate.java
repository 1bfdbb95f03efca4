package uk.gov.placements.referral;

import static uk.gov.placements.referral.PlacementReferralProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_AssessCommitment: the inputs of decision approvalLevel, and how long the approver has. */
@Component
public class AssessCommitmentDelegate implements JavaDelegate {
    private final PlacementStart placements;
    private final ReferralService referrals;

    public AssessCommitmentDelegate(PlacementStart placements, ReferralService referrals) {
        this.referrals = referrals;
        this.placements = placements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PlacementStart.ApprovalInputs in = placements.approvalInputs(referrals.ofInstance(execution).getId());
        execution.setVariable(COMMITMENT, in.commitment().doubleValue());
        execution.setVariable(WEEKLY_COST, in.weeklyFee().doubleValue());
        execution.setVariable(PROVIDER_NAME, in.providerName());
        execution.setVariable(OUT_OF_AREA, in.outOfArea());
        execution.setVariable(AT_DISTANCE, in.atDistance());
        execution.setVariable(APPROVAL_ESCALATION_AFTER, escalationAfter((String) execution.getVariable(URGENCY)));
    }

    /** An emergency approval escalates after 2 hours (the spec); others after a day or a week so none drifts. */
    static String escalationAfter(String urgency) {
        return switch (urgency) {
            case "EMERGENCY" -> "PT2H";
            case "URGENT" -> "PT24H";
            default -> "P7D";
        };
    }
}
