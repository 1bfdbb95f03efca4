package uk.gov.placements.security;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.variable.type.ValueType;

/**
 * Writes Camunda's history (level full) with an allow-list of the variables it may hold: ids, decisions,
 * codes, amounts and dates — what gateways, timers and decision tables read, and what an auditor asks of
 * the engine ("who decided what, when"). Every other variable, and every submitted form field (which the
 * engine also writes to history as a form-field row, apart from the variable), is left out. So no child's
 * name, date of birth, postcode, free-text risk, health or view ever reaches history, whatever a form or
 * a client sends: free text is kept in the product's tables with their own access rules and retention,
 * and the decision record keeps who, when and why.
 * <p>
 * Also left out: the engine's multi-instance counters (not in the list) and the empty declarations of a
 * provider's answer. Each provider's scope of placementSearch declares the answer's fields empty so that
 * providers answering at once never write each other's; their creation, empty, carries nothing, and the
 * field is written to history when the provider fills it (the engine writes a variable's history when its
 * first value comes if its creation was not written).
 */
public class HistoryFilter implements HistoryEventHandler {
    /** What history may hold. A new decision variable is added here, deliberately, or it stays out of history. */
    static final Set<String> KEPT = Set.of(
            // ids of the product's records
            "referralId", "childId", "reviewId", "placementId", "providerId", "providerReferralId", "roundId", "actionPlanId",
            "accreditationId", "selectedOptionId", "unsuitableOptionIds", "council", "safetyReviewId",
            // decisions and the codes and amounts they read
            "urgency", "childMoving", "triageOutcome", "searchAgain", "commitment", "outOfArea", "atDistance", "approverGroup",
            "approvalDecision", "restrictToInHouse", "response", "weeklyFee", "declineReason", "waiverNeeded", "waiverApproved",
            "reviewOutcome", "disputeId", "disputeDecision", "placementType", "weeklyCost", "firstRound", "rating", "actionPlanResolved",
            "formAComplete", "ofstedRating", "lowestScore", "criticalConcern", "spokeToChildren", "hasDiscrepancies",
            "accreditationOutcome", "accreditationConfirmed", "registrationScore", "staffingScore", "healthSafetyScore",
            "safeguardingScore", "educationHealthScore", "atmosphereScore", "interactionScore", "childrenViewsScore",
            "complaintsScore", "needsMet", "safetyDecision", "actionPlanDecision", "accreditationLapsed",
            // Form A's checkable claims about a provider (no child in them)
            "ofstedUrn", "ofstedRatingDate", "placementTypes", "minAge", "maxAge", "places", "specialisms", "standardWeeklyFee",
            "safeguardingPolicy", "missingPolicy", "complaintsPolicy",
            // the dates and durations timers read
            "requiredBy", "requiredByDeadline", "proposedStartDate", "approvalEscalationAfter", "responseDeadline", "startDate", "consultationOpens",
            "reminderAt", "roundDue", "evidenceDue", "evidenceEscalation", "monitoringInterval", "actionPlanDeadline", "newDeadline",
            "accreditationExpiresAt", "reaccreditationStartsAt");
    /** The fields of a provider's answer, declared empty in each provider's scope of placementSearch. */
    static final Set<String> DECLARED_EMPTY = Set.of("response", "weeklyFee", "startDate", "namedCarerOrHome", "howNeedsMet",
            "declineReason", "declineDetails");

    /** A code, id, amount, date or duration: what a kept variable holds when it is what it claims to be. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_:.+\\-]{0,64}");
    /** A checklist of codes or ids, as a form sends it (JSON text). */
    private static final Pattern CODE_LIST =
            Pattern.compile("\\[\\s*(\"?[A-Za-z0-9_.\\-]{0,64}\"?\\s*,?\\s*){0,100}\\]");
    private final HistoryEventHandler delegate = new DbHistoryEventHandler();

    /** Whether a variable or form field of this name may be written to history. */
    public static boolean kept(String name) {
        return KEPT.contains(name);
    }

    /**
     * Whether a value can stand in a kept variable: anything but text, or text that is a code, a number, a date, a
     * duration or a checklist of codes. Free text given in a kept field (a reason typed into a code's place, a date
     * followed by a sentence) is not what the field is for, and is kept neither at run time nor in history.
     */
    public static boolean plainValue(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof Date) {
            return true;
        }
        String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
        return CODE.matcher(text).matches() || CODE_LIST.matcher(text).matches();
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity variable && (!kept(variable.getVariableName()) || declaredEmpty(variable)
                || !plainValue(variable.getTextValue()) || !plainValue(variable.getTextValue2())
                || (variable.getByteValue() != null && !plainValue(variable.getByteValue())))) {
            return;
        }
        if (event instanceof HistoricFormPropertyEventEntity field && (!kept(field.getPropertyId()) || !plainValue(field.getPropertyValue()))) {
            return;
        }
        delegate.handleEvent(event);
    }

    private static boolean declaredEmpty(HistoricVariableUpdateEventEntity variable) {
        return HistoryEventTypes.VARIABLE_INSTANCE_CREATE.getEventName().equals(variable.getEventType())
                && ValueType.NULL.getName().equals(variable.getSerializerName()) && DECLARED_EMPTY.contains(variable.getVariableName());
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }
}
