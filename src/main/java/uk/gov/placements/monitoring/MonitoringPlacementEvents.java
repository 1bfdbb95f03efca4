package uk.gov.placements.monitoring;

import org.springframework.stereotype.Component;
import uk.gov.placements.common.ModuleListener;
import uk.gov.placements.placement.PlacementApproved;
import uk.gov.placements.placement.PlacementEnded;
import uk.gov.placements.provider.ProviderSuspended;
import uk.gov.placements.security.SystemActions;

/**
 * What contract monitoring does when a placement is approved or ends, or a provider is suspended. The module that
 * published the event authorised the person who caused it; monitoring's processes are moved by the application.
 */
@Component
class MonitoringPlacementEvents {
    private final ContractMonitoringService monitoring;
    private final SystemActions system;

    MonitoringPlacementEvents(ContractMonitoringService monitoring, SystemActions system) {
        this.monitoring = monitoring;
        this.system = system;
    }

    @ModuleListener
    void on(PlacementApproved approved) {
        system.run(() -> monitoring.placementApproved(approved));
    }

    /** Published on the placement's end date: its monitoring ends with the exit interview. */
    @ModuleListener
    void on(PlacementEnded ended) {
        system.run(() -> monitoring.placementEnded(ended.placementId()));
    }

    @ModuleListener
    void on(ProviderSuspended suspended) {
        system.run(() -> monitoring.providerSuspended(suspended));
    }
}
