package uk.gov.placements.placement;

/**
 * A placement was approved and recorded: the child's reviews start (or hear of the change) and an independent
 * placement's contract monitoring starts. Published in the recording step's transaction, so a failure retries it whole.
 */
public record PlacementApproved(Long placementId, Long childId, String council, boolean inHouse) {
}
