package uk.gov.placements.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Working-day arithmetic for statutory deadlines: weekends and the bank holidays in the
 * {@code bank_holiday} table (England's, extendable by the council) are not working days.
 */
@Component
public class WorkingDays {
    /** Councils add closure days rarely; a minute's staleness is harmless, a query per deadline is not. */
    private static final long CACHE_MILLIS = 60_000;
    private final BankHolidayRepository holidays;
    private volatile Set<LocalDate> closedDays;
    private volatile long loadedAt;

    public WorkingDays(BankHolidayRepository holidays) {
        this.holidays = holidays;
    }

    private Set<LocalDate> closed() {
        long now = System.currentTimeMillis();
        Set<LocalDate> days = closedDays;
        if (days == null || now - loadedAt > CACHE_MILLIS) {
            days = holidays.findAll().stream().map(BankHoliday::getHolidayDate).collect(Collectors.toUnmodifiableSet());
            closedDays = days;
            loadedAt = now;
        }
        return days;
    }

    /** Read the table afresh at the next use (after an import). */
    public void refresh() {
        closedDays = null;
    }

    /** The date {@code days} working days after {@code from} (from itself not counted). */
    public LocalDate plus(LocalDate from, int days) {
        Set<LocalDate> closed = closed();
        LocalDate date = from;
        int added = 0;
        while (added < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date, closed)) {
                added++;
            }
        }
        return date;
    }

    /** The date {@code days} working days before {@code from}. */
    public LocalDate minus(LocalDate from, int days) {
        Set<LocalDate> closed = closed();
        LocalDate date = from;
        int taken = 0;
        while (taken < days) {
            date = date.minusDays(1);
            if (isWorkingDay(date, closed)) {
                taken++;
            }
        }
        return date;
    }

    private static boolean isWorkingDay(LocalDate date, Set<LocalDate> closed) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY && !closed.contains(date);
    }
}
