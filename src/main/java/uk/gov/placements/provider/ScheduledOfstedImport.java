package uk.gov.placements.provider;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ofsted's providers and places list taken again on a schedule, so that a judgement Ofsted publishes reaches the register
 * without anyone remembering to upload it. Off unless both are set: {@code placements.ofsted-import.location} (a file,
 * {@code classpath:} resource or https URL of the list) and {@code placements.ofsted-import.cron} (Spring's six-field
 * cron, UK time; "-", the default, turns it off). The import is the same as {@code POST /api/providers/ofsted-import},
 * recorded as done by the system.
 */
@Component
public class ScheduledOfstedImport {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledOfstedImport.class);
    private final OfstedRegisterImport ofstedImport;
    private final ResourceLoader resources;
    private final String location;

    public ScheduledOfstedImport(OfstedRegisterImport ofstedImport, ResourceLoader resources,
                                 @Value("${placements.ofsted-import.location:}") String location) {
        this.ofstedImport = ofstedImport;
        this.resources = resources;
        this.location = location;
    }

    @Scheduled(cron = "${placements.ofsted-import.cron:-}", zone = "Europe/London")
    public void run() {
        if (location == null || location.isBlank()) {
            LOG.warn("The scheduled Ofsted import has a time but no placements.ofsted-import.location: nothing was taken");
            return;
        }
        try {
            OfstedRegisterImport.Result r = importFrom(location);
            LOG.info("Ofsted providers and places list from {}: {} created, {} updated, {} downgraded, {} unchanged, {} rejected",
                    location, r.created(), r.updated(), r.downgraded(), r.unchanged(), r.rejected().size());
            r.rejected().forEach(x -> LOG.warn("Ofsted list line {} rejected: {} {}", x.line(), x.field(), x.reason()));
        } catch (IOException | RuntimeException e) {
            LOG.error("The scheduled Ofsted import from {} failed: {}", location, e.getMessage());
        }
    }

    public OfstedRegisterImport.Result importFrom(String where) throws IOException {
        Resource resource = resources.getResource(where);
        try (InputStream in = resource.getInputStream()) {
            return ofstedImport.importCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
