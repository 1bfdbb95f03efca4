package uk.gov.placements.referral;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import uk.gov.placements.security.Roles;
import uk.gov.placements.security.SystemActions;

/**
 * Who approves a referral's placement, from the product's own records: the selected option's commitment
 * and area, put through decision {@code approvalLevel} again when the approval task is created. The
 * process's own evaluation (Task_DecideApprovalLevel) routes the task; this one is what the product records
 * on the referral and checks every approval against, so a process variable can never name the approver.
 */
@Component
public class ApprovalRouting {
    static final String DECISION = "approvalLevel";
    private final DecisionService decisionService;
    private final PlacementStart placements;
    private final SystemActions system;

    public ApprovalRouting(DecisionService decisionService, PlacementStart placements, SystemActions system) {
        this.decisionService = decisionService;
        this.placements = placements;
        this.system = system;
    }

    public String approverGroup(Long referralId) {
        PlacementStart.ApprovalInputs in = placements.approvalInputs(referralId);
        String group = system.run(() -> decisionService.evaluateDecisionTableByKey(DECISION, Variables.createVariables()
                .putValue(PlacementReferralProcess.COMMITMENT, in.commitment().doubleValue())
                .putValue(PlacementReferralProcess.OUT_OF_AREA, in.outOfArea())
                .putValue(PlacementReferralProcess.AT_DISTANCE, in.atDistance())).getSingleResult().getSingleEntry());
        if (!Roles.APPROVAL_TIERS.contains(group)) {
            throw new IllegalStateException("Decision " + DECISION + " gave " + group + ", which is not a tier of the scheme of delegation");
        }
        return group;
    }
}
