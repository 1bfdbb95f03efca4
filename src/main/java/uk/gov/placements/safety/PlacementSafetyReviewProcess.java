package uk.gov.placements.safety;

/** Ids and variable names of {@code processes/placementSafetyReview.bpmn}. */
public final class PlacementSafetyReviewProcess {
    public static final String KEY = "placementSafetyReview";

    public static final String START = "StartEvent_HomeRatedInadequate";
    public static final String TASK_REVIEW_PLACEMENT_SAFETY = "Task_ReviewPlacementSafety";
    public static final String GATEWAY_SAFE_TO_CONTINUE = "Gateway_SafeToContinue";
    public static final String TASK_TELL_TEAM_MANAGERS = "Task_TellTeamManagers";
    public static final String END_PLACEMENT_CONTINUES = "EndEvent_PlacementContinues";
    public static final String END_CHILD_TO_MOVE = "EndEvent_ChildToMove";

    public static final String SAFETY_REVIEW_ID = "safetyReviewId";
    public static final String PLACEMENT_ID = "placementId";
    public static final String CHILD_ID = "childId";
    public static final String COUNCIL = "council";
    public static final String SAFETY_DECISION = "safetyDecision";
    public static final String SAFETY_REASONS = "safetyReasons";

    public static final String CONTINUE = "CONTINUE";
    public static final String MOVE = "MOVE";

    private PlacementSafetyReviewProcess() {
    }
}
