package uk.gov.placements.common;

import java.time.Duration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands an event again to a module's handler that has not finished with it a quarter of an hour after it was
 * published: a mail server that was down, a database that refused a write. Without this a failed handling would
 * wait for the next restart. Handlers are written to be safe to run twice ({@link ModuleListener}).
 */
@Component
class EventRepublisher {
    static final Duration OUTSTANDING_AFTER = Duration.ofMinutes(15);
    private final IncompleteEventPublications incomplete;

    EventRepublisher(IncompleteEventPublications incomplete) {
        this.incomplete = incomplete;
    }

    @Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT15M")
    void republish() {
        incomplete.resubmitIncompletePublicationsOlderThan(OUTSTANDING_AFTER);
    }
}
