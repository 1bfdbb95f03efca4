package uk.gov.placements.referral.search;

/** Ids and variable names of {@code processes/placementSearch.bpmn}. */
public final class PlacementSearchProcess {
    public static final String KEY = "placementSearch";

    public static final String START = "StartEvent_SearchRequested";
    public static final String TASK_SEARCH_IN_HOUSE = "Task_SearchInHouse";
    public static final String TASK_REVIEW_IN_HOUSE_OPTIONS = "Task_ReviewInHouseOptions";
    public static final String GATEWAY_RESTRICT = "Gateway_RestrictToInHouse";
    public static final String TASK_DECIDE_RESPONSE_DEADLINE = "Task_DecideResponseDeadline";
    public static final String TASK_SEND_TO_PROVIDERS = "Task_SendReferralToProviders";
    public static final String SUBPROCESS_PROVIDER_RESPONSE = "SubProcess_ProviderResponse";
    public static final String TASK_RESPOND_TO_REFERRAL = "Task_RespondToReferral";
    public static final String TIMER_RESPONSE_DEADLINE = "BoundaryEvent_ResponseDeadlinePassed";
    public static final String TASK_RECORD_NO_RESPONSE = "Task_RecordNoResponse";
    public static final String TASK_EMAIL_REFERRAL = "Task_EmailReferral";
    public static final String TASK_APPROVE_PROCUREMENT_WAIVER = "Task_ApproveProcurementWaiver";
    public static final String TASK_RANK_OPTIONS = "Task_RankOptions";
    public static final String END_OPTIONS_RANKED = "EndEvent_OptionsRanked";

    public static final String RESTRICT_TO_IN_HOUSE = "restrictToInHouse";
    public static final String RESTRICTION_REASON = "restrictionReason";
    public static final String UNSUITABLE_OPTION_IDS = "unsuitableOptionIds";
    public static final String SUITABILITY_NOTES = "suitabilityNotes";
    public static final String PROPOSED_START_DATE = "proposedStartDate";
    public static final String RESPONSE_DEADLINE = "responseDeadline";
    public static final String PROVIDER_REFERRAL_ID = "providerReferralId";
    public static final String RESPONSE = "response";
    public static final String WEEKLY_FEE = "weeklyFee";
    public static final String START_DATE = "startDate";
    public static final String NAMED_CARER_OR_HOME = "namedCarerOrHome";
    public static final String HOW_NEEDS_MET = "howNeedsMet";
    public static final String DECLINE_REASON = "declineReason";
    public static final String DECLINE_DETAILS = "declineDetails";
    public static final String WAIVER_NEEDED = "waiverNeeded";
    public static final String WAIVER_APPROVED = "waiverApproved";
    public static final String WAIVER_REASON = "waiverReason";

    private PlacementSearchProcess() {
    }
}
