package uk.gov.placements.referral;

import static uk.gov.placements.referral.PlacementReferralProcess.APPROVAL_DECISION;
import static uk.gov.placements.referral.PlacementReferralProcess.APPROVE;
import static uk.gov.placements.referral.PlacementReferralProcess.TASK_APPROVE_PLACEMENT;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.common.Urgency;
import uk.gov.placements.notification.NotificationSender;
import uk.gov.placements.notification.Recipient;
import uk.gov.placements.referral.search.SearchService;
import uk.gov.placements.security.Roles;

/**
 * The approval of a referral's placement as the process steps meet it: what the approver decides on and how long
 * the approver has, the overdue approval opened to the next tier, and the required-by date passing with nothing
 * approved. The rules live here, so the process steps only read their ids and hand over.
 */
@Service
public class PlacementApproval {
    private final PlacementStart placements;
    private final ReferralService referrals;
    private final TaskService taskService;
    private final Decisions decisions;
    private final NotificationSender sender;
    private final SearchService search;

    PlacementApproval(PlacementStart placements, ReferralService referrals, TaskService taskService, Decisions decisions,
                      NotificationSender sender, SearchService search) {
        this.search = search;
        this.placements = placements;
        this.referrals = referrals;
        this.taskService = taskService;
        this.decisions = decisions;
        this.sender = sender;
    }

    /** The inputs of decision approvalLevel, and the ISO duration after which an unanswered approval escalates. */
    public record Assessment(PlacementStart.ApprovalInputs inputs, String escalationAfter) {
    }

    @Transactional(readOnly = true)
    public Assessment assess(Long referralId) {
        return new Assessment(placements.approvalInputs(referralId), escalationAfter(referrals.get(referralId).getUrgency()));
    }

    /** An emergency approval escalates after 2 hours (the spec); others after a day or a week so none drifts. */
    static String escalationAfter(Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY -> "PT2H";
            case URGENT -> "PT24H";
            case PLANNED -> "P7D";
        };
    }

    /** The approver's decision; an approval goes ahead only on an option still suitable (its home not rated inadequate since). */
    @Transactional
    public void decide(Long referralId, String decision, String reason, String taskId) {
        Long selected = referrals.get(referralId).getSelectedOptionId();
        if (APPROVE.equals(decision) && selected != null) {
            search.requireStillSuitable(selected, APPROVAL_DECISION);
        }
        referrals.approval(referralId, decision, reason, taskId);
    }

    /**
     * The approval is overdue: the next tier up may approve it too (the open approval task gains its group and goes to
     * the top of the queues), the escalation is recorded, and the next tier is told.
     */
    @Transactional
    public void escalate(Long referralId, String processInstanceId, String reference, String council, String waited) {
        String group = referrals.get(referralId).getApproverGroup();
        String next = referrals.escalateApproval(referralId);
        Task approval = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(TASK_APPROVE_PLACEMENT)
                .singleResult();
        if (approval != null) {
            taskService.addCandidateGroup(approval.getId(), next);
            taskService.setPriority(approval.getId(), TaskPresenter.OVERDUE_PRIORITY);
        }
        decisions.record(referralId, null, "ESCALATION", "ESCALATED_TO " + next, "Approval by " + group + " not given within " + waited, null);
        sender.send(Recipient.group(next, council), "Placement approval overdue: " + reference,
                "The approval of " + reference + " by " + group + " is overdue and now open to " + next + ".");
    }

    /** No placement approved by the required-by date: recorded, and the placements team and heads of service told. */
    @Transactional
    public void requiredByPassed(Long referralId, String reference, String council) {
        String subject = "No placement yet for " + reference + ": required-by date passed";
        decisions.record(referralId, null, "REQUIRED_BY_ALERT", "ALERTED", subject, null);
        sender.send(Recipient.group(Roles.PLACEMENTS_TEAM, council), subject, subject);
        sender.send(Recipient.group(Roles.HEADS_OF_SERVICE, council), subject, subject);
    }
}
