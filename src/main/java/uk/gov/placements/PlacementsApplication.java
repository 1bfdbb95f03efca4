package uk.gov.placements;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * No default in-memory user: every login is checked against Camunda's identity service. Scheduling runs the
 * nightly placement calendar (PlacementCalendar).
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@EnableScheduling
public class PlacementsApplication {
    public static void main(String[] args) {
        SpringApplication.run(PlacementsApplication.class, args);
    }
}
