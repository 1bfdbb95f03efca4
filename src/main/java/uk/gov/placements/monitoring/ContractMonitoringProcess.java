package uk.gov.placements.monitoring;

/** Ids, messages and variables of {@code processes/contractMonitoring.bpmn}. */
public final class ContractMonitoringProcess {
    public static final String KEY = "contractMonitoring";
    public static final String MESSAGE_PLACEMENT_ENDED = "PlacementEnded";

    public static final String TASK_DECIDE_INTERVAL = "Task_DecideMonitoringInterval";
    public static final String TASK_SCHEDULE_ROUND = "Task_ScheduleRound";
    public static final String TIMER_ROUND_DUE = "Event_RoundDue";
    public static final String TASK_GIVE_FEEDBACK = "Task_GiveFeedback";
    public static final String TASK_SUBMIT_OUTCOME_REPORT = "Task_SubmitOutcomeReport";
    public static final String TASK_GATHER_IRO_RECOMMENDATIONS = "Task_GatherIroRecommendations";
    public static final String TASK_REVIEW_MONITORING = "Task_ReviewMonitoring";
    public static final String TIMER_FEEDBACK_REMINDER = "BoundaryEvent_FeedbackReminder";
    public static final String TIMER_FEEDBACK_OVERDUE = "BoundaryEvent_FeedbackOverdue";
    public static final String TIMER_FORM_D_REMINDER = "BoundaryEvent_FormDReminder";
    public static final String TIMER_FORM_D_OVERDUE = "BoundaryEvent_FormDOverdue";
    public static final String TASK_REMIND_SOCIAL_WORKER = "Task_RemindSocialWorker";
    public static final String TASK_REMIND_PROVIDER = "Task_RemindProviderOfFormD";
    public static final String TASK_RECORD_FEEDBACK_NOT_RETURNED = "Task_RecordFeedbackNotReturned";
    public static final String TASK_RECORD_FORM_D_NOT_RETURNED = "Task_RecordFormDNotReturned";
    public static final String TASK_RESPOND_WITH_ACTION_PLAN = ActionPlanSteps.TASK_RESPOND_WITH_ACTION_PLAN;
    public static final String TIMER_NO_ACTION_PLAN = ActionPlanSteps.TIMER_NO_ACTION_PLAN;
    public static final String TASK_RECORD_NO_ACTION_PLAN = ActionPlanSteps.TASK_RECORD_NO_ACTION_PLAN;
    public static final String TIMER_ACTION_PLAN_DEADLINE = ActionPlanSteps.TIMER_ACTION_PLAN_DEADLINE;
    public static final String TASK_CHECK_ACTION_PLAN = ActionPlanSteps.TASK_CHECK_ACTION_PLAN;
    public static final String TASK_DECIDE_UNRESOLVED = ActionPlanSteps.TASK_DECIDE_UNRESOLVED;
    public static final String TASK_SUSPEND_PROVIDER = ActionPlanSteps.TASK_SUSPEND_PROVIDER;
    public static final String TASK_RECORD_EXIT_INTERVIEW = "Task_RecordExitInterview";
    public static final String END_PLACEMENT_ENDED = "EndEvent_MonitoringEnded";

    public static final String PLACEMENT_ID = "placementId";
    public static final String PROVIDER_ID = "providerId";
    public static final String COUNCIL = "council";
    public static final String PLACEMENT_TYPE = "placementType";
    public static final String WEEKLY_COST = "weeklyCost";
    public static final String FIRST_ROUND = "firstRound";
    public static final String MONITORING_INTERVAL = "monitoringInterval";
    public static final String ROUND_ID = "roundId";
    public static final String ROUND_DUE = "roundDue";
    /** Timer dates (UK time) of the round's evidence: due 10 working days after it opens, escalated 5 after that. */
    public static final String EVIDENCE_DUE = "evidenceDue";
    public static final String EVIDENCE_ESCALATION = "evidenceEscalation";
    public static final String RATING = "rating";
    public static final String ACTION_PLAN_ID = ActionPlanSteps.ACTION_PLAN_ID;
    public static final String ACTION_PLAN_DEADLINE = ActionPlanSteps.ACTION_PLAN_DEADLINE;
    public static final String ACTION_PLAN_RESOLVED = ActionPlanSteps.ACTION_PLAN_RESOLVED;
    public static final String ACTION_PLAN_DECISION = ActionPlanSteps.ACTION_PLAN_DECISION;

    /** The business key of a process about one record: this prefix and the record's id. */
    public static final String KEY_PREFIX = "PLACEMENT-";

    /** Form fields read by name: each is the form's key, which the spec fixes. */
    public static final String NEEDS_MET = "needsMet";
    public static final String FEEDBACK = "feedback";
    public static final String CHILD_VIEWS = "childViews";
    public static final String SCHOOL_ATTENDANCE = "schoolAttendance";
    public static final String HEALTH_APPOINTMENTS_KEPT = "healthAppointmentsKept";
    public static final String SDQ_SCORE = "sdqScore";
    public static final String MISSING_EPISODES = "missingEpisodes";
    public static final String FAMILY_CONTACT = "familyContact";
    public static final String GOAL_PROGRESS = "goalProgress";
    public static final String INCIDENTS = "incidents";
    public static final String RATING_REASON = "ratingReason";
    public static final String COST_AGAINST_OUTCOMES = "costAgainstOutcomes";
    public static final String INTERVIEWED_ON = "interviewedOn";
    public static final String FELT_SAFE = "feltSafe";
    public static final String EXIT_VIEWS = "exitViews";

    /** Form D's fields of its n-th time missing or away (1 to 3): {@code missing<n>Kind}, {@code missing<n>Start}, {@code missing<n>End}. */
    public static String missingEpisodeField(int n, String part) {
        return "missing" + n + part;
    }

    public static String businessKey(Long placementId) {
        return KEY_PREFIX + placementId;
    }

    private ContractMonitoringProcess() {
    }
}
