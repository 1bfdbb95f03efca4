package uk.gov.placements.placement;

import uk.gov.placements.common.Labelled;

/** PLANNED from approval (the place is held) until the agreed start date, ACTIVE from that day, ENDED on its end date. */
public enum PlacementStatus implements Labelled {
    PLANNED("Planned"),
    ACTIVE("Active"),
    ENDED("Ended");

    private final String label;

    PlacementStatus(String label) { this.label = label; }

    @Override
    public String label() { return label; }
}
