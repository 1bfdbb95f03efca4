package uk.gov.placements.placement;

import java.time.Clock;
import uk.gov.placements.common.UkTime;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each night just after midnight (UK time), and at start-up to catch up after downtime: placements whose agreed
 * start date has come become ACTIVE, and those whose end the child's next placement set end. Every node of a
 * cluster may run it: each change is made once, as the placement's status guards it.
 */
@Component
class PlacementCalendar {
    private final PlacementService placements;
    private final Clock clock;

    PlacementCalendar(PlacementService placements, Clock clock) {
        this.placements = placements;
        this.clock = clock;
    }

    @Scheduled(cron = "0 5 0 * * *", zone = "Europe/London")
    void nightly() {
        placements.startAndEndDue(UkTime.today(clock));
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        placements.startAndEndDue(UkTime.today(clock));
    }
}
