package uk.gov.placements.accreditation;

import uk.gov.placements.monitoring.ActionPlanSteps;

/** Ids and variables of {@code processes/providerAccreditation.bpmn}. */
public final class ProviderAccreditationProcess {
    public static final String KEY = "providerAccreditation";

    public static final String TASK_COMPLETE_FORM_A = "Task_CompleteFormA";
    public static final String TIMER_FORM_A_REMINDER = "BoundaryEvent_FormAReminder";
    public static final String TASK_REMIND_PROVIDER = "Task_RemindProvider";
    public static final String TIMER_FORM_A_EXPIRY = "BoundaryEvent_FormAExpired";
    public static final String TASK_RECORD_FORM_A_EXPIRED = "Task_RecordFormAExpired";
    public static final String TASK_REVIEW_FORM_A = "Task_ReviewFormA";
    public static final String TASK_COMPLETE_FORM_B = "Task_CompleteFormB";
    public static final String TASK_COMPLETE_FORM_C = "Task_CompleteFormC";
    public static final String TASK_SUMMARISE_VISITS = "Task_SummariseVisits";
    public static final String TASK_DECIDE_OUTCOME = "Task_DecideAccreditationOutcome";
    public static final String TASK_CONFIRM_ACCREDITATION = "Task_ConfirmAccreditation";
    public static final String TASK_SET_CONDITIONS_DEADLINE = "Task_SetConditionsDeadline";
    public static final String TASK_RESPOND_WITH_ACTION_PLAN = ActionPlanSteps.TASK_RESPOND_WITH_ACTION_PLAN;
    public static final String TIMER_NO_ACTION_PLAN = ActionPlanSteps.TIMER_NO_ACTION_PLAN;
    public static final String TIMER_ACTION_PLAN_DEADLINE = ActionPlanSteps.TIMER_ACTION_PLAN_DEADLINE;
    public static final String TASK_CHECK_ACTION_PLAN = ActionPlanSteps.TASK_CHECK_ACTION_PLAN;
    public static final String TASK_DECIDE_UNRESOLVED = ActionPlanSteps.TASK_DECIDE_UNRESOLVED;
    public static final String TASK_SUSPEND_PROVIDER = ActionPlanSteps.TASK_SUSPEND_PROVIDER;
    public static final String TIMER_REACCREDITATION_DUE = "Event_ReaccreditationDue";
    public static final String TASK_START_REACCREDITATION = "Task_StartReaccreditation";
    public static final String TIMER_ACCREDITATION_EXPIRES = "Event_AccreditationExpires";
    public static final String TASK_LAPSE_UNLESS_RENEWED = "Task_LapseUnlessRenewed";

    public static final String PROVIDER_ID = "providerId";
    public static final String ACCREDITATION_ID = "accreditationId";
    public static final String FORM_A_COMPLETE = "formAComplete";
    public static final String OFSTED_RATING = "ofstedRating";
    public static final String LOWEST_SCORE = "lowestScore";
    public static final String CRITICAL_CONCERN = "criticalConcern";
    public static final String SPOKE_TO_CHILDREN = "spokeToChildren";
    public static final String HAS_DISCREPANCIES = "hasDiscrepancies";
    public static final String ACCREDITATION_OUTCOME = "accreditationOutcome";
    public static final String ACCREDITATION_CONFIRMED = "accreditationConfirmed";
    public static final String EXPIRES_AT = "accreditationExpiresAt";
    /** The timer date 90 days before expiry, when re-accreditation starts. */
    public static final String REACCREDITATION_AT = "reaccreditationStartsAt";
    public static final String ACCREDITATION_LAPSED = "accreditationLapsed";
    public static final String WITH_CONDITIONS = "ACCREDITED_WITH_CONDITIONS";

    /** Form fields read by name: each is the form's key, which the spec fixes. */
    public static final String MIN_AGE = "minAge";
    public static final String MAX_AGE = "maxAge";
    public static final String PLACES = "places";
    public static final String STANDARD_WEEKLY_FEE = "standardWeeklyFee";
    public static final String OFSTED_RATING_DATE = "ofstedRatingDate";
    public static final String SERVICES_DESCRIPTION = "servicesDescription";
    public static final String OFSTED_URN = "ofstedUrn";
    public static final String PLACEMENT_TYPES = "placementTypes";
    public static final String LOCATIONS = "locations";
    public static final String SPECIALISMS = "specialisms";
    public static final String STAFFING = "staffing";
    public static final String SAFEGUARDING_POLICY = "safeguardingPolicy";
    public static final String MISSING_POLICY = "missingPolicy";
    public static final String COMPLAINTS_POLICY = "complaintsPolicy";
    public static final String REVIEW_NOTES = "reviewNotes";
    public static final String REGISTRATION_SCORE = "registrationScore";
    public static final String STAFFING_SCORE = "staffingScore";
    public static final String HEALTH_SAFETY_SCORE = "healthSafetyScore";
    public static final String SAFEGUARDING_SCORE = "safeguardingScore";
    public static final String EDUCATION_HEALTH_SCORE = "educationHealthScore";
    public static final String DISCREPANCIES = "discrepancies";
    public static final String UNVERIFIED_CLAIMS = "unverifiedClaims";
    public static final String ATMOSPHERE_SCORE = "atmosphereScore";
    public static final String INTERACTION_SCORE = "interactionScore";
    public static final String CHILDREN_VIEWS_SCORE = "childrenViewsScore";
    public static final String COMPLAINTS_SCORE = "complaintsScore";
    public static final String VISIT_NOTES = "visitNotes";
    public static final String CONFIRMATION_REASON = "confirmationReason";
    /** How long before expiry re-accreditation starts (the spec's 90 days). */
    public static final int REACCREDITATION_DAYS_BEFORE = 90;

    private ProviderAccreditationProcess() {
    }
}
