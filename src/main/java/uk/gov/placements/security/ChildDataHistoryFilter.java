package uk.gov.placements.security;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Keeps children's personal data out of Camunda's history tables. The referral start form's raw
 * fields (name, date of birth, address) are saved to the child and referral tables and removed from
 * the instance; the task-local summaries forms display are derived from those tables. Neither is
 * written to history, where it would outlive the business record's own retention and access rules.
 * Decisions (the variables gateways read) are kept as usual.
 */
public class ChildDataHistoryFilter implements HistoryEventHandler {
    static final Set<String> NOT_IN_HISTORY = Set.of(
            // the start form's child fields
            "childFirstName", "childLastName", "childDateOfBirth", "childGender", "childPostcode", "childLatitude", "childLongitude",
            "existingChildId", "education", "health", "risksToChild", "risksFromChild", "communicationNeeds", "culturalNeeds",
            "liveAlongside", "childViews",
            // what forms display, derived from the business tables
            "referralSummary", "options", "optionChoices", "optionsExplained", "selectedSummary", "reviewSummary", "matchingRecord",
            "monitoringSummary", "formASummary", "formAClaims");
    private final HistoryEventHandler delegate = new DbHistoryEventHandler();

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity variable && NOT_IN_HISTORY.contains(variable.getVariableName())) {
            return;
        }
        delegate.handleEvent(event);
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }
}
