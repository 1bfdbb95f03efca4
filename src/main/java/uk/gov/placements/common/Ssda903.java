package uk.gov.placements.common;

import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.regex.Pattern;

/** Code lists of the Department for Education's SSDA903 return that the product records. */
public final class Ssda903 {
    /** REASON_PLACE_CHANGE: why a child moved from one placement to another. */
    public static final Set<String> REASONS_PLACE_CHANGE = Set.of("ALLEG", "APPRR", "CARPL", "CHILD", "CLOSE", "CREQB", "CREQO",
            "CUSTOD", "LAREQ", "OTHER", "PLACE", "PLACH", "STAND");
    /** REC: why an episode ceased. X1 is a change of placement within care; every other code is the child leaving care. */
    public static final Set<String> REASONS_EPISODE_CEASED = Set.of("X1", "E11", "E12", "E13", "E14", "E15", "E16", "E17", "E2", "E3",
            "E41", "E45", "E46", "E47", "E48", "E4A", "E4B", "E5", "E6", "E7", "E8", "E9");
    public static final String MOVED_WITHIN_CARE = "X1";
    /** CIN: the category of need, N1 (abuse or neglect) to N8 (absent parenting). */
    public static final Set<String> CATEGORIES_OF_NEED = Set.of("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8");
    /** ETHNIC: the DfE's ethnicity codes. */
    public static final Set<String> ETHNICITIES = Set.of("WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH",
            "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");
    /** REVIEW_CODE: how the child took part in a review, PN0 (under 4) to PN7 (did not take part). */
    public static final Set<String> PARTICIPATION = Set.of("PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7");
    /** UPN: 13 characters (a letter, 11 digits and a digit or letter), or a reason it is unknown (UN1 to UN10). */
    public static final Pattern UPN = Pattern.compile("[A-Z][0-9]{11}[0-9A-Z]|UN([1-9]|10)");
    /** The 903's date format. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Ssda903() {
    }
}
