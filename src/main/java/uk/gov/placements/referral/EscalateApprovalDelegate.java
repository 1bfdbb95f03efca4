package uk.gov.placements.referral;

import uk.gov.placements.notification.Recipient;

import static uk.gov.placements.referral.PlacementReferralProcess.*;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.notification.NotificationSender;

/** Task_EscalateApproval: the approval is overdue, so the next tier up may approve it too, and is told. */
@Component
public class EscalateApprovalDelegate implements JavaDelegate {
    private final TaskService taskService;
    private final Decisions decisions;
    private final NotificationSender sender;

    private final ReferralService referrals;

    public EscalateApprovalDelegate(TaskService taskService, Decisions decisions, NotificationSender sender, ReferralService referrals) {
        this.referrals = referrals;
        this.taskService = taskService;
        this.decisions = decisions;
        this.sender = sender;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long referralId = referrals.ofInstance(execution).getId();
        String group = referrals.get(referralId).getApproverGroup();
        String next = referrals.escalateApproval(referralId);
        Task approval = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(TASK_APPROVE_PLACEMENT).singleResult();
        if (approval != null) {
            taskService.addCandidateGroup(approval.getId(), next);
            taskService.setPriority(approval.getId(), 100);
        }
        decisions.record(referralId, null, "ESCALATION", "ESCALATED_TO " + next,
                "Approval by " + group + " not given within " + execution.getVariable(APPROVAL_ESCALATION_AFTER), null);
        sender.send(Recipient.group(next, execution.getTenantId()), "Placement approval overdue: " + execution.getProcessBusinessKey(),
                "The approval of " + execution.getProcessBusinessKey() + " by " + group + " is overdue and now open to " + next + ".");
    }
}
