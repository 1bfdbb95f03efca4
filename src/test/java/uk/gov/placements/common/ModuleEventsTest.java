package uk.gov.placements.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.placement.PlacementEnded;

/**
 * A module's event outlives a failed or interrupted handling: it is written to the publication registry with the
 * publisher's commit, marked complete only when its handler has succeeded, and handed to the handler again until then.
 */
@IntegrationTest
class ModuleEventsTest {
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProbeHandler probe;

    @Test
    void anEventWhoseHandlingFailedIsKeptAndHandedAgainUntilItSucceeds() {
        String id = UUID.randomUUID().toString();
        probe.failing(true);
        new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(new ProbeHandler.Probe(id)));
        // the publisher's work committed; the handling failed and its event is kept
        assertThat(probe.handled()).doesNotContain(id);
        assertThat(publications(id, false)).isEqualTo(1);

        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
        assertThat(probe.handled()).as("still failing: still kept").doesNotContain(id);
        assertThat(publications(id, false)).isEqualTo(1);

        probe.failing(false);
        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
        assertThat(probe.handled()).contains(id);
        assertThat(publications(id, false)).isZero();
        assertThat(publications(id, true)).isEqualTo(1);
    }

    @Test
    void aModulesEventIsRecordedWithItsPublisherAndCompletedByItsHandlers() {
        long placementId = 900_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(new PlacementEnded(placementId, 1L)));
        // contract monitoring handles the end of a placement (a placement it never monitored: nothing to close)
        assertThat(publications(String.valueOf(placementId), true)).isPositive();
        assertThat(publications(String.valueOf(placementId), false)).isZero();
    }

    private int publications(String containing, boolean completed) {
        Integer count = jdbc.queryForObject("select count(*) from event_publication where serialized_event like ? and completion_date is "
                + (completed ? "not null" : "null"), Integer.class, "%" + containing + "%");
        return count == null ? 0 : count;
    }
}
