package uk.gov.placements.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

/**
 * Every time the product keeps is UK time. A timer's date is written with the UK's offset on that day
 * ("2027-05-04T17:00+01:00"), so it fires at 17:00 in London in summer and winter alike, whatever zone the
 * host runs in: written without an offset, the engine read it in the host's zone, and on a UTC host every
 * summer timer fired an hour late.
 */
public final class UkTime {
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private UkTime() {
    }

    /** The UK day of an instant. */
    public static LocalDate day(Instant at) {
        return at.atZone(LONDON).toLocalDate();
    }

    /** Today in the UK by the given clock (the product's is {@link EngineClock}). */
    public static LocalDate today(Clock clock) {
        return day(clock.instant());
    }

    /** The end of the working day, 17:00 UK time: when a task falls due on its day, and when a day's deadline passes. */
    public static final LocalTime END_OF_WORKING_DAY = LocalTime.of(17, 0);

    /** A task's due time on its day: 17:00 UK time, the end of the working day. */
    public static Date endOfWorkingDay(LocalDate day) {
        return Date.from(day.atTime(END_OF_WORKING_DAY).atZone(LONDON).toInstant());
    }

    /** The timer date of the end of the working day on a day: what a deadline's timer reads. */
    public static String endOfWorkingDayTimer(LocalDate day) {
        return timerDate(day.atTime(END_OF_WORKING_DAY));
    }

    /** The ISO-8601 date and time, with its offset, of a UK wall-clock time: what a timer's timeDate reads. */
    public static String timerDate(LocalDateTime ukTime) {
        return ukTime.atZone(LONDON).toOffsetDateTime().toString();
    }
}
