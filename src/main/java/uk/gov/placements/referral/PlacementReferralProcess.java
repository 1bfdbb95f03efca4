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

    private PlacementReferralProcess() {
    }
}
