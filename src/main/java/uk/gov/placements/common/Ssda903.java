package uk.gov.placements.common;

import java.util.Set;

/** Code lists of the Department for Education's SSDA903 return that the product records. */
public final class Ssda903 {
    /** REASON_PLACE_CHANGE: why a child moved from one placement to another. */
    public static final Set<String> REASONS_PLACE_CHANGE = Set.of("ALLEG", "APPRR", "CARPL", "CHILD", "CLOSE", "CREQB", "CREQO",
            "CUSTOD", "LAREQ", "OTHER", "PLACE", "PLACH", "STAND");
    /** REC: why an episode ceased. X1 is a change of placement within care; every other code is the child leaving care. */
    public static final Set<String> REASONS_EPISODE_CEASED = Set.of("X1", "E11", "E12", "E13", "E14", "E15", "E16", "E17", "E2", "E3",
            "E41", "E45", "E46", "E47", "E48", "E4A", "E4B", "E5", "E6", "E7", "E8", "E9");
    public static final String MOVED_WITHIN_CARE = "X1";

    private Ssda903() {
    }
}
