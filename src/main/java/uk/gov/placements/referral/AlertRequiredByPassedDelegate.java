package uk.gov.placements.referral;

import uk.gov.placements.notification.Recipient;

import static uk.gov.placements.referral.PlacementReferralProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.notification.NotificationSender;
import uk.gov.placements.security.Roles;

/** Task_AlertRequiredByPassed: no placement approved by the required-by date; the referral itself stays open. */
@Component
public class AlertRequiredByPassedDelegate implements JavaDelegate {
    private final Decisions decisions;
    private final NotificationSender sender;
    private final ReferralService referrals;

    public AlertRequiredByPassedDelegate(Decisions decisions, NotificationSender sender, ReferralService referrals) {
        this.referrals = referrals;
        this.decisions = decisions;
        this.sender = sender;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long referralId = referrals.ofInstance(execution).getId();
        String subject = "No placement yet for " + execution.getProcessBusinessKey() + ": required-by date passed";
        decisions.record(referralId, null, "REQUIRED_BY_ALERT", "ALERTED", subject, null);
        sender.send(Recipient.group(Roles.PLACEMENTS_TEAM, execution.getTenantId()), subject, subject);
        sender.send(Recipient.group(Roles.HEADS_OF_SERVICE, execution.getTenantId()), subject, subject);
    }
}
