package uk.gov.placements.common;

import java.time.Duration;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks after the event publication registry. An event whose handling has not succeeded a quarter of an hour after it
 * was published (a mail server that was down, a database that refused a write) is handed to its handler again:
 * without this a failed handling would wait for the next restart. Handlers are written to be safe to run twice
 * ({@link ModuleListener}). Handled events are kept a week, to show what was handled when, and then removed: they
 * hold ids only, and the records they changed keep their own history.
 */
@Component
class EventRepublisher {
    static final Duration OUTSTANDING_AFTER = Duration.ofMinutes(15);
    static final Duration HANDLED_KEPT = Duration.ofDays(7);
    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;

    EventRepublisher(IncompleteEventPublications incomplete, CompletedEventPublications completed) {
        this.incomplete = incomplete;
        this.completed = completed;
    }

    @Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT15M")
    void republish() {
        incomplete.resubmitIncompletePublicationsOlderThan(OUTSTANDING_AFTER);
    }

    @Scheduled(cron = "0 30 2 * * *")
    void removeHandled() {
        completed.deletePublicationsOlderThan(HANDLED_KEPT);
    }
}
