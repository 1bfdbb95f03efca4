package uk.gov.placements.calendar;

import uk.gov.placements.common.InvalidInputException;
import uk.gov.placements.common.PlainText;
import uk.gov.placements.common.UkTime;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The bank holidays working days skip, kept up to date by an administrator from the government's published list
 * (the bank-holidays JSON, England and Wales) or a day at a time. Deadlines past the last listed year would
 * silently count bank holidays as working days, so the application warns, at start-up and on its health
 * endpoint, once fewer than 12 months are covered.
 */
@Service
public class BankHolidays implements HealthIndicator {
    private static final Logger LOG = LoggerFactory.getLogger(BankHolidays.class);
    static final int WARN_MONTHS = 12;
    private final BankHolidayRepository holidays;
    private final WorkingDays workingDays;
    private final Clock clock;

    public BankHolidays(BankHolidayRepository holidays, WorkingDays workingDays, Clock clock) {
        this.holidays = holidays;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    public record Imported(int created, int unchanged, List<RejectedEvent> rejected) {
    }

    /** An event of the list that was skipped: its index in the list, and why. */
    public record RejectedEvent(String event, String reason) {
    }

    /**
     * Takes the published list: {@code {"england-and-wales": {"events": [{"title", "date"}]}}}, or the events array
     * alone. Days already listed are left as they are; a bad event is named and skipped.
     */
    @Transactional
    public Imported importPublished(JsonNode list) {
        JsonNode events = list.has("england-and-wales") ? list.path("england-and-wales").path("events") : list.path("events");
        if (list.isArray()) {
            events = list;
        }
        if (!events.isArray()) {
            throw InvalidInputException.of("events", "must be the list of bank holidays (england-and-wales.events)");
        }
        int created = 0;
        int unchanged = 0;
        List<RejectedEvent> rejected = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            String title = event.path("title").asText("").trim();
            LocalDate date;
            try {
                date = LocalDate.parse(event.path("date").asText(""));
            } catch (DateTimeParseException e) {
                rejected.add(new RejectedEvent(String.valueOf(i), "date must be a date such as 2029-01-01"));
                continue;
            }
            if (title.isEmpty() || title.length() > 100 || PlainText.problem(title) != null) {
                rejected.add(new RejectedEvent(String.valueOf(i), "title must be plain text of at most 100 characters"));
                continue;
            }
            if (holidays.existsById(date)) {
                unchanged++;
            } else {
                holidays.save(new BankHoliday(date, title));
                created++;
            }
        }
        // read afresh once the new days are committed (other nodes re-read within a minute)
        TransactionSynchronizationManager.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        workingDays.refresh();
                    }
                });
        return new Imported(created, unchanged, rejected);
    }

    /** The last day the table covers. */
    public Optional<LocalDate> coveredUntil() {
        return holidays.findAll().stream().map(BankHoliday::getHolidayDate).max(LocalDate::compareTo);
    }

    boolean runningOut(LocalDate today) {
        return coveredUntil().map(last -> last.isBefore(today.plusMonths(WARN_MONTHS))).orElse(true);
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfRunningOut() {
        if (runningOut(UkTime.today(clock))) {
            LOG.warn("Bank holidays are listed only until {}: working-day deadlines after it count bank holidays as working days. "
                    + "Import the government's list (POST /api/bank-holidays/import).", coveredUntil().orElse(null));
        }
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up().withDetail("coveredUntil", String.valueOf(coveredUntil().orElse(null)));
        if (runningOut(UkTime.today(clock))) {
            health.withDetail("warning", "fewer than " + WARN_MONTHS + " months of bank holidays are listed: import the next year's");
        }
        return health.build();
    }
}
