package uk.gov.placements.provider;

import uk.gov.placements.common.Labelled;

/**
 * A round of contract monitoring's rating. It is the register's, not only monitoring's: the search ranks providers by
 * their latest one and the register shows it, both through {@link MonitoringRatings}.
 */
public enum MonitoringRating implements Labelled {
    GREEN("Green"),
    AMBER("Amber"),
    RED("Red");

    private final String label;

    MonitoringRating(String label) { this.label = label; }

    @Override
    public String label() { return label; }

    /** A rating as stored (GREEN, AMBER, RED) as people read it; none yet is "Not yet monitored". */
    public static String describe(String rating) {
        return rating == null || rating.isBlank() ? "Not yet monitored" : valueOf(rating).label();
    }
}
