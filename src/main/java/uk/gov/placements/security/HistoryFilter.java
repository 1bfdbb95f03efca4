package uk.gov.placements.security;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.variable.type.ValueType;
import uk.gov.placements.search.PlacementSearchProcess;

/**
 * Writes Camunda's history (level full) less three kinds of variable:
 * <ul>
 * <li>Children's personal data. The referral start form's raw fields (name, date of birth, address)
 * are saved to the child and referral tables and removed from the instance; the task-local summaries
 * forms display are derived from those tables. Neither is written to history, where it would outlive
 * the business record's own retention and access rules.</li>
 * <li>The engine's multi-instance counters ({@code loopCounter}, {@code nrOfInstances},
 * {@code nrOfActiveInstances}, {@code nrOfCompletedInstances}). The engine keeps them while a
 * multi-instance activity runs and rewrites two of them each time an instance completes: 18 of the
 * 158 history detail rows of a referral journey (its 5 provider offers), with nothing in
 * them a person decided or the history does not already hold (each instance's activity and task
 * history). No product query, report or Cockpit view reads them from history.</li>
 * <li>The empty declarations of a provider's answer. Each provider's scope declares the answer's seven
 * fields, empty, so that providers answering at once never write each other's; a provider fills five
 * or two of them. Their creation, empty, is not written (35 detail rows a journey of five offers, and
 * the 10 history variables of the fields left empty); a field the provider fills is written as it is
 * given, with who and when as before (the engine writes a variable's history when its first value
 * comes, if its creation was not written).</li>
 * </ul>
 * Decisions (the variables gateways read) and everything else are kept as usual.
 */
public class HistoryFilter implements HistoryEventHandler {
    static final Set<String> NOT_IN_HISTORY = Set.of(
            // the start form's child fields
            "childFirstName", "childLastName", "childDateOfBirth", "childGender", "childPostcode", "childLatitude", "childLongitude",
            "existingChildId", "education", "health", "risksToChild", "risksFromChild", "communicationNeeds", "culturalNeeds",
            "liveAlongside", "childViews",
            // what forms display, derived from the business tables
            "referralSummary", "options", "optionChoices", "optionsExplained", "selectedSummary", "reviewSummary", "matchingRecord",
            "monitoringSummary", "formASummary", "formAClaims",
            // the engine's multi-instance bookkeeping
            "loopCounter", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances");
    /** The fields of a provider's answer, declared empty in each provider's scope of placementSearch. */
    static final Set<String> DECLARED_EMPTY = Set.of(PlacementSearchProcess.RESPONSE, PlacementSearchProcess.WEEKLY_FEE,
            PlacementSearchProcess.START_DATE, PlacementSearchProcess.NAMED_CARER_OR_HOME, PlacementSearchProcess.HOW_NEEDS_MET,
            PlacementSearchProcess.DECLINE_REASON, PlacementSearchProcess.DECLINE_DETAILS);
    private final HistoryEventHandler delegate = new DbHistoryEventHandler();

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity variable && (NOT_IN_HISTORY.contains(variable.getVariableName())
                || declaredEmpty(variable))) {
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
