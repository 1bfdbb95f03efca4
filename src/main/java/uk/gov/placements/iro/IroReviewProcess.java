package uk.gov.placements.iro;

/** Ids, messages and variable names of {@code processes/iroReview.bpmn}. */
public final class IroReviewProcess {
    public static final String KEY = "iroReview";
    public static final String MESSAGE_PLACEMENT_CHANGED = "PlacementChanged";
    public static final String MESSAGE_CHILD_LEFT_CARE = "ChildLeftCare";

    public static final String TASK_SCHEDULE_REVIEW = "Task_ScheduleReview";
    public static final String SUBPROCESS_REVIEW_CYCLE = "SubProcess_ReviewCycle";
    public static final String TIMER_CONSULTATION_OPENS = "Event_ConsultationWindowOpens";
    public static final String TASK_CONSULT_CHILD = "Task_ConsultChild";
    public static final String TASK_CONSULT_PARENTS = "Task_ConsultParents";
    public static final String TASK_CONSULT_CARERS = "Task_ConsultCarers";
    public static final String TASK_HOLD_REVIEW = "Task_HoldReview";
    public static final String TIMER_REVIEW_REMINDER = "BoundaryEvent_ReviewReminder";
    public static final String TASK_REMIND_IRO = "Task_RemindIro";
    public static final String EVENT_PLACEMENT_CHANGED = "StartEvent_PlacementChanged";
    public static final String TASK_BRING_REVIEW_FORWARD = "Task_BringReviewForward";
    public static final String SUBPROCESS_DISPUTE = "SubProcess_DisputeResolution";
    public static final String TASK_OPEN_DISPUTE = "Task_OpenDispute";
    public static final String TASK_ANSWER_CONCERN = "Task_AnswerIroConcern";
    public static final String TASK_DECIDE_ON_ANSWER = "Task_DecideOnAnswer";
    public static final String TASK_REFER_TO_CAFCASS = "Task_ReferToCafcass";
    public static final String END_DISPUTE_CLOSED = "EndEvent_DisputeClosed";
    public static final String END_REFERRED_TO_CAFCASS = "EndEvent_ReferredToCafcass";
    public static final String TASK_CLOSE_REVIEWS = "Task_CloseReviews";
    public static final String END_CHILD_LEFT_CARE = "EndEvent_ChildLeftCare";

    public static final String CHILD_ID = "childId";
    public static final String COUNCIL = "council";
    public static final String REVIEW_ID = "reviewId";
    public static final String CONSULTATION_OPENS = "consultationOpens";
    public static final String REMINDER_AT = "reminderAt";
    public static final String REVIEW_OUTCOME = "reviewOutcome";
    public static final String CONCERNS = "concerns";
    public static final String PARTICIPATION = "participationCode";
    public static final String DISPUTE_ID = "disputeId";
    public static final String DISPUTE_ANSWER = "disputeAnswer";
    public static final String DISPUTE_DECISION = "disputeDecision";
    public static final String DISPUTE_DECISION_REASON = "disputeDecisionReason";
    public static final String CAFCASS_REFERRED_ON = "cafcassReferredOn";
    public static final String CAFCASS_REFERENCE = "cafcassReference";

    /** The business key of a process about one record: this prefix and the record's id. */
    public static final String KEY_PREFIX = "CHILD-";

    /** Form fields read by name: each is the form's key, which the spec fixes. */
    public static final String CONSULTED_ON = "consultedOn";
    public static final String VIEWS = "views";
    public static final String REVIEW_DECISIONS = "reviewDecisions";
    public static final String RECOMMENDATIONS = "recommendations";

    public static String businessKey(Long childId) {
        return KEY_PREFIX + childId;
    }

    private IroReviewProcess() {
    }
}
