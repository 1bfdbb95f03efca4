package uk.gov.placements;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;

/** No default in-memory user: every login is checked against Camunda's identity service. */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class PlacementsApplication {
    public static void main(String[] args) {
        SpringApplication.run(PlacementsApplication.class, args);
    }
}
