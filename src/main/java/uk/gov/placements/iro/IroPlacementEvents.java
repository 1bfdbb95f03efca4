package uk.gov.placements.iro;

import org.springframework.stereotype.Component;
import uk.gov.placements.child.ChildLeftCare;
import uk.gov.placements.common.ModuleListener;
import uk.gov.placements.placement.PlacementApproved;
import uk.gov.placements.security.SystemActions;

/**
 * What the reviews do when a child's placement changes: a first placement starts them, a later one brings the next
 * review forward, and a child leaving care ends them. The module that published the event authorised the person who
 * caused it; the reviews' processes are moved by the application.
 */
@Component
class IroPlacementEvents {
    private final IroReviewService reviews;
    private final SystemActions system;

    IroPlacementEvents(IroReviewService reviews, SystemActions system) {
        this.reviews = reviews;
        this.system = system;
    }

    @ModuleListener
    void on(PlacementApproved approved) {
        system.run(() -> reviews.placementStarted(approved.childId(), approved.council()));
    }

    @ModuleListener
    void on(ChildLeftCare left) {
        system.run(() -> reviews.endReviewsIfRunning(left.childId()));
    }
}
