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
    public static final String TASK_RESPOND_WITH_ACTION_PLAN = "Task_RespondWithActionPlan";
    public static final String TIMER_ACTION_PLAN_DEADLINE = "Event_ActionPlanDeadline";
    public static final String TASK_CHECK_ACTION_PLAN = "Task_CheckActionPlan";
    public static final String TASK_SUSPEND_PROVIDER = "Task_SuspendProvider";
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
    public static final String RATING = "rating";
    public static final String ACTION_PLAN_ID = "actionPlanId";
    public static final String ACTION_PLAN_DEADLINE = "actionPlanDeadline";
    public static final String ACTION_PLAN_RESOLVED = "actionPlanResolved";

    /** The business key of a process about one record: this prefix and the record's id. */
    public static final String KEY_PREFIX = "PLACEMENT-";

    public static String businessKey(Long placementId) {
        return KEY_PREFIX + placementId;
    }

    private ContractMonitoringProcess() {
    }
}
