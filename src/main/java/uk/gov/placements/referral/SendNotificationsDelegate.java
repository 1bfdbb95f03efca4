package uk.gov.placements.referral;

import static uk.gov.placements.referral.PlacementReferralProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.ProcessVariables;

/**
 * Task_EmailNotifications: the statutory notifications of the placement are prepared, staff are e-mailed and the
 * letters wait for the social worker (Task_SendNotifications). An e-mail not delivered is recorded FAILED and the
 * step retries, then raises an incident.
 */
@Component
public class SendNotificationsDelegate implements JavaDelegate {
    private final PlacementNotices notices;

    public SendNotificationsDelegate(PlacementNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.notifyPlacement(ProcessVariables.id(execution, PLACEMENT_ID));
    }
}
