package uk.gov.placements.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.placements.IntegrationTest;

/**
 * The benchmark. In the ordinary test run it places {@code benchmark.journeys} (default 20) children
 * and asserts only that every journey ended in a placement; the figures are printed, never asserted.
 * {@code mvn verify -Pbenchmark} runs a region's year (5,582 journeys) and writes benchmark-results.md.
 */
@IntegrationTest
class JourneyBenchmarkTest {
    @Autowired JourneyBenchmark benchmark;

    @Test
    void shouldPlaceEveryChildOfTheRunAndPrintTheFigures() throws Exception {
        int n = Integer.getInteger("benchmark.journeys", 20);
        JourneyBenchmark.Figures f = benchmark.run(n);
        String report = String.format("journeys: %d, placed: %d, total: %.1f s, journeys/s: %.1f, floor: %.1f s, ratio: %.2f, peak heap: %d MB",
                f.journeys(), f.placed(), f.journeyMillis() / 1000.0, f.journeysPerSecond(), f.floorMillis() / 1000.0, f.ratio(),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024));
        System.out.println("\nBenchmark (H2 in memory, history full): " + report);
        assertThat(f.placed()).as("every journey ended in a placement").isEqualTo(n);
        if (Boolean.getBoolean("benchmark.write")) {
            Files.writeString(Path.of("benchmark-results.md"), "# Benchmark results\n\n"
                    + "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version") + "; date "
                    + LocalDate.now() + "; commit " + System.getProperty("benchmark.commit", "unknown") + "\n\n"
                    + "Complete referral journeys on H2 in memory through the product's services and real delegates "
                    + "(triage, in-house search, external search to 5 providers with their offers, selection, approval, placement, plan, "
                    + "first IRO review, first monitoring round), against the floor (same engine, same shape, no product logic).\n\n"
                    + "- " + report.replace(", ", "\n- ") + "\n");
        }
    }
}
