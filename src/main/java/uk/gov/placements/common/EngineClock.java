package uk.gov.placements.common;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The product's one clock: the process engine's, in UK time. Timers fire by the engine's clock and process tests move
 * it ({@code ClockUtil.setCurrentTime}), so every date the product keeps or compares is read from it, never from the
 * machine's clock; a bean that needs now or today is given this {@link Clock}.
 */
public final class EngineClock extends Clock {
    private final ZoneId zone;

    public EngineClock() {
        this(UkTime.LONDON);
    }

    private EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EngineClock(zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    @Configuration(proxyBeanMethods = false)
    static class Config {
        @Bean
        Clock clock() {
            return new EngineClock();
        }
    }
}
