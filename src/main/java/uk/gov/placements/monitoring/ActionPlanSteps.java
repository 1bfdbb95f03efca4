package uk.gov.placements.monitoring;

/**
 * The ids and variables of the action-plan steps that contractMonitoring and providerAccreditation share: the
 * same tasks and forms in both, so that a plan from a rating and a plan from accreditation conditions are
 * followed alike.
 */
public final class ActionPlanSteps {
    public static final String TASK_RESPOND_WITH_ACTION_PLAN = "Task_RespondWithActionPlan";
    public static final String TIMER_NO_ACTION_PLAN = "BoundaryEvent_NoActionPlan";
    public static final String TASK_RECORD_NO_ACTION_PLAN = "Task_RecordNoActionPlan";
    public static final String TIMER_ACTION_PLAN_DEADLINE = "Event_ActionPlanDeadline";
    public static final String TASK_CHECK_ACTION_PLAN = "Task_CheckActionPlan";
    public static final String TASK_DECIDE_UNRESOLVED = "Task_DecideUnresolvedActionPlan";
    public static final String TASK_SUSPEND_PROVIDER = "Task_SuspendProvider";

    public static final String ACTION_PLAN_ID = "actionPlanId";
    /** The timer date (UK time) of the plan's deadline, read by the silence and check timers. */
    public static final String ACTION_PLAN_DEADLINE = "actionPlanDeadline";
    public static final String ACTION_PLAN_RESOLVED = "actionPlanResolved";
    /** The commissioning managers' SUSPEND or EXTEND. */
    public static final String ACTION_PLAN_DECISION = "actionPlanDecision";

    /** Form fields read by name: each is the form's key, which the spec fixes. */
    public static final String ACTIONS = "actions";
    public static final String CHECK_NOTES = "checkNotes";
    public static final String NEW_DEADLINE = "newDeadline";
    public static final String DECISION_REASON = "decisionReason";

    private ActionPlanSteps() {
    }
}
