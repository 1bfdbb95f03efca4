package uk.gov.placements.placement;

/** A placement has ended (the child moved on, or left care): the features that follow a placement close their part. */
public record PlacementEnded(Long placementId, Long childId) {
}
