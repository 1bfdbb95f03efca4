package uk.gov.placements.referral;

/** Ids and variable names of {@code processes/placementReferral.bpmn}: the contract with clients and tests. */
public final class PlacementReferralProcess {
    public static final String KEY = "placementReferral";

    public static final String START = "StartEvent_ReferralSubmitted";
    public static final String TASK_REGISTER_REFERRAL = "Task_RegisterReferral";
    public static final String TASK_CARER_REVIEW = "Task_ReviewReferralAsCarer";
    public static final String TASK_TRIAGE = "Task_TriageReferral";
    public static final String TASK_PROVIDE_MORE_INFORMATION = "Task_ProvideMoreInformation";
    public static final String CALL_PLACEMENT_SEARCH = "CallActivity_PlacementSearch";
    public static final String TASK_SELECT_PLACEMENT = "Task_SelectPlacement";
    public static final String TASK_ASSESS_COMMITMENT = "Task_AssessCommitment";
    public static final String TASK_DECIDE_APPROVAL_LEVEL = "Task_DecideApprovalLevel";
    public static final String TASK_APPROVE_PLACEMENT = "Task_ApprovePlacement";
    public static final String TASK_ANSWER_APPROVER = "Task_AnswerApprover";
    public static final String TIMER_APPROVAL_ESCALATION = "BoundaryEvent_ApprovalOverdue";
    public static final String TASK_ESCALATE_APPROVAL = "Task_EscalateApproval";
    public static final String TIMER_REQUIRED_BY = "BoundaryEvent_RequiredByPassed";
    public static final String TASK_ALERT_REQUIRED_BY = "Task_AlertRequiredByPassed";
    public static final String TASK_REVIEW_OVERDUE_REFERRAL = "Task_ReviewOverdueReferral";
    public static final String SUBPROCESS_FIND_PLACEMENT = "SubProcess_FindPlacement";
    public static final String TASK_START_PLACEMENT = "Task_StartPlacement";
    /** The social worker's task: send each notification letter and confirm it sent. */
    public static final String TASK_SEND_NOTIFICATIONS = "Task_SendNotifications";
    /** The service task that prepares the notifications and e-mails staff. */
    public static final String TASK_EMAIL_NOTIFICATIONS = "Task_EmailNotifications";
    public static final String LETTERS_SENT = "lettersSent";
    public static final String TASK_START_FOLLOW_ON = "Task_StartFollowOnProcesses";
    public static final String TASK_WRITE_PLACEMENT_PLAN = "Task_WritePlacementPlan";
    public static final String END_PLACEMENT_STARTED = "EndEvent_PlacementStarted";

    // variables
    public static final String REFERRAL_ID = "referralId";
    public static final String COUNCIL = "council";
    public static final String URGENCY = "urgency";
    public static final String CHILD_MOVING = "childMoving";
    public static final String REQUIRED_BY_DEADLINE = "requiredByDeadline";
    public static final String REQUIRED_BY = "requiredBy";
    public static final String CHILD_INITIALS = "childInitials";
    public static final String CHILD_AGE = "childAge";
    public static final String WEEKLY_COST = "weeklyCost";
    public static final String PROVIDER_NAME = "providerName";
    public static final String CARER_REVIEW = "carerReview";
    public static final String TRIAGE_OUTCOME = "triageOutcome";
    public static final String TRIAGE_NOTES = "triageNotes";
    public static final String MORE_INFORMATION = "moreInformation";
    public static final String SELECTED_OPTION_ID = "selectedOptionId";
    public static final String SELECTION_REASON = "selectionReason";
    public static final String SEARCH_AGAIN = "searchAgain";
    public static final String COMMITMENT = "commitment";
    public static final String OUT_OF_AREA = "outOfArea";
    public static final String AT_DISTANCE = "atDistance";
    public static final String APPROVER_GROUP = "approverGroup";
    public static final String APPROVAL_ESCALATION_AFTER = "approvalEscalationAfter";
    public static final String APPROVAL_DECISION = "approvalDecision";
    public static final String APPROVAL_REASON = "approvalReason";
    public static final String APPROVER_ANSWER = "approverAnswer";
    public static final String PLACEMENT_ID = "placementId";
    public static final String PLACEMENT_PLAN_SUMMARY = "placementPlanSummary";

    public static final String TRIAGE_ACCEPT = "ACCEPT";
    public static final String TRIAGE_MORE_INFORMATION = "MORE_INFORMATION";
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";
    public static final String RETURN = "RETURN";

    /** Form fields read by name: each is the form's key, which the spec fixes. */
    public static final String EXISTING_CHILD_ID = "existingChildId";
    public static final String CHILD_LATITUDE = "childLatitude";
    public static final String CHILD_LONGITUDE = "childLongitude";
    public static final String CHILD_POSTCODE = "childPostcode";
    public static final String CHILD_FIRST_NAME = "childFirstName";
    public static final String CHILD_LAST_NAME = "childLastName";
    public static final String CHILD_DATE_OF_BIRTH = "childDateOfBirth";
    public static final String CHILD_GENDER = "childGender";
    public static final String LEGAL_STATUS = "legalStatus";
    public static final String CATEGORY_OF_NEED = "categoryOfNeed";
    public static final String CHILD_ETHNICITY = "childEthnicity";
    public static final String CHILD_UPN = "childUpn";
    public static final String ESSENTIAL_NEEDS = "essentialNeeds";
    public static final String DESIRABLE_NEEDS = "desirableNeeds";
    public static final String PLACEMENT_TYPE = "placementType";
    public static final String PLANNED_WEEKS = "plannedWeeks";
    public static final String MAX_DISTANCE_MILES = "maxDistanceMiles";
    public static final String SIBLINGS = "siblings";
    public static final String SIBLINGS_TOGETHER = "siblingsTogether";
    public static final String EDUCATION = "education";
    public static final String EHCP = "ehcp";
    public static final String HEALTH = "health";
    public static final String CAMHS = "camhs";
    public static final String RISKS_TO_CHILD = "risksToChild";
    public static final String RISKS_FROM_CHILD = "risksFromChild";
    public static final String COMMUNICATION_NEEDS = "communicationNeeds";
    public static final String CULTURAL_NEEDS = "culturalNeeds";
    public static final String LIVE_ALONGSIDE = "liveAlongside";
    public static final String CHILD_VIEWS = "childViews";
    public static final String COMPLETED_BY = "completedBy";
    public static final String KNOWS_CHILD = "knowsChild";
    public static final String CURRENT_PLACEMENT_ID = "currentPlacementId";
    public static final String REASON_PLACE_CHANGE = "reasonPlaceChange";

    /** Form fields read by name: each is the form's key, which the spec fixes. */
    public static final String OVERDUE_PLAN = "overduePlan";

    private PlacementReferralProcess() {
    }
}
