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
    public static final String BOUNDARY_PLACEMENT_CHANGED = "BoundaryEvent_PlacementChanged";
    public static final String TASK_BRING_REVIEW_FORWARD = "Task_BringReviewForward";
    public static final String TASK_INFORMAL_RESOLUTION = "Task_ResolveInformallyWithTeamManager";
    public static final String TASK_FORMAL_HEAD_OF_SERVICE = "Task_ResolveFormallyWithHeadOfService";
    public static final String TASK_FORMAL_ASSISTANT_DIRECTOR = "Task_ResolveFormallyWithAssistantDirector";
    public static final String TASK_CLOSE_REVIEWS = "Task_CloseReviews";
    public static final String END_CHILD_LEFT_CARE = "EndEvent_ChildLeftCare";

    public static final String CHILD_ID = "childId";
    public static final String COUNCIL = "council";
    public static final String REVIEW_ID = "reviewId";
    public static final String CONSULTATION_OPENS = "consultationOpens";
    public static final String REMINDER_AT = "reminderAt";
    public static final String REVIEW_OUTCOME = "reviewOutcome";
    public static final String RESOLVED = "resolved";

    public static String businessKey(Long childId) {
        return "CHILD-" + childId;
    }

    private IroReviewProcess() {
    }
}
