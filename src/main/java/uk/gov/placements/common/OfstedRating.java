package uk.gov.placements.common;

/** Ofsted overall effectiveness; {@link #quality()} orders them for ranking (higher is better). */
public enum OfstedRating {
    OUTSTANDING(4), GOOD(3), REQUIRES_IMPROVEMENT(2), INADEQUATE(0), NOT_YET_INSPECTED(1);

    private final int quality;

    OfstedRating(int quality) {
        this.quality = quality;
    }

    public int quality() {
        return quality;
    }
}
