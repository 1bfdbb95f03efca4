package uk.gov.placements.placement;

import static uk.gov.placements.referral.PlacementReferralProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendNotifications: the statutory notifications of the placement. A failing sender retries, then raises an incident. */
@Component
public class SendNotificationsDelegate implements JavaDelegate {
    private final PlacementService placements;

    public SendNotificationsDelegate(PlacementService placements) {
        this.placements = placements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        placements.notifyPlacement(((Number) execution.getVariable(PLACEMENT_ID)).longValue());
    }
}
