package uk.gov.placements.search;

/** Ids and variable names of {@code processes/placementSearch.bpmn}. */
public final class PlacementSearchProcess {
    public static final String KEY = "placementSearch";

    public static final String START = "StartEvent_SearchRequested";
    public static final String TASK_SEARCH_IN_HOUSE = "Task_SearchInHouse";
    public static final String TASK_REVIEW_IN_HOUSE_OPTIONS = "Task_ReviewInHouseOptions";
    public static final String GATEWAY_RESTRICT = "Gateway_RestrictToInHouse";
    public static final String TASK_SEARCH_REGISTER = "Task_SearchRegister";
    public static final String TASK_RANK_OPTIONS = "Task_RankOptions";
    public static final String END_OPTIONS_RANKED = "EndEvent_OptionsRanked";

    public static final String RESTRICT_TO_IN_HOUSE = "restrictToInHouse";
    public static final String RESTRICTION_REASON = "restrictionReason";
    public static final String UNSUITABLE_OPTION_IDS = "unsuitableOptionIds";
    public static final String SUITABILITY_NOTES = "suitabilityNotes";

    private PlacementSearchProcess() {
    }
}
