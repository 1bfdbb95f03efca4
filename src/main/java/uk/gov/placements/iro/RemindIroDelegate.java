package uk.gov.placements.iro;

import uk.gov.placements.notification.Recipient;

import uk.gov.placements.common.UkFormat;
import static uk.gov.placements.iro.IroReviewProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.notification.NotificationSender;
import uk.gov.placements.common.ProcessVariables;
import uk.gov.placements.notification.NotificationSender;
import uk.gov.placements.security.Roles;

/** Task_RemindIro: the review falls due in 5 working days. */
@Component
public class RemindIroDelegate implements JavaDelegate {
    private final IroReviewService reviews;
    private final NotificationSender sender;

    public RemindIroDelegate(IroReviewService reviews, NotificationSender sender) {
        this.reviews = reviews;
        this.sender = sender;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IroReview r = reviews.review(ProcessVariables.id(execution, REVIEW_ID));
        sender.send(Recipient.group(Roles.IROS, r.getCouncil()), "Review " + r.getSequenceNumber() + " of " + execution.getProcessBusinessKey() + " due " + UkFormat.date(r.getDueDate()),
                "The statutory review is due on " + UkFormat.date(r.getDueDate()) + ".");
    }
}
