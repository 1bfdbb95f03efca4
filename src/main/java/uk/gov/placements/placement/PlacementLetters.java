package uk.gov.placements.placement;

/**
 * A placement's notification letters as PDFs. The module that prepares the notices writes them (the referral knows the
 * child's reference and who was told); the placement's page serves them.
 */
public interface PlacementLetters {
    byte[] letter(Long placementId, Long notificationId);
}
