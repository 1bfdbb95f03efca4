package uk.gov.placements.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.placements.IntegrationTest;
import uk.gov.placements.TestDatabase;

/**
 * The benchmark. In the ordinary test run it places {@code benchmark.journeys} (default 20) children
 * on as many threads as the machine has cores, and asserts only that every journey ended in a placement
 * and the register counted every place taken; the figures are printed, never asserted.
 * {@code mvn verify -Pbenchmark} runs a region's year (5,582 journeys) and writes benchmark-results.md.
 */
@IntegrationTest
class JourneyBenchmarkTest {
    @Autowired JourneyBenchmark benchmark;

    @Test
    void shouldPlaceEveryChildOfTheRunAndPrintTheFigures() {
        int n = Integer.getInteger("benchmark.journeys", 20);
        // as many threads as cores by default: a region's staff work at the same time
        int threads = Integer.getInteger("benchmark.threads", Runtime.getRuntime().availableProcessors());
        JourneyBenchmark.Figures f = benchmark.run(n, threads);
        BenchmarkReport.section("Journeys against the floor", List.of(
                String.format("%d complete journeys on %d threads, %d placed, in %.1f s: %.1f journeys/s, %.0f ms a journey", f.journeys(),
                        f.threads(), f.placed(), f.journeyMillis() / 1000.0, f.journeysPerSecond(), (double) f.journeyMillis() / f.journeys()),
                String.format("floor (same engine, same shape, no product logic, as many threads): %.1f s, %.0f ms an instance set", f.floorMillis() / 1000.0,
                        (double) f.floorMillis() / f.journeys()),
                String.format("data-faithful floor (the same shape writing the journey's variables at the journey's steps): %.1f s, %.0f ms an instance set",
                        f.dataFloorMillis() / 1000.0, (double) f.dataFloorMillis() / f.journeys()),
                "rows a journey wrote: " + f.journeyRows(),
                String.format("rows a data-faithful floor set wrote: %s (%d of the journey's variable writes found no place in the floor)",
                        f.floorRows(), f.unplaced()),
                String.format("a year of the seed region (5,582 journeys) at this rate: %.1f minutes", 5582.0 / f.journeysPerSecond() / 60),
                String.format("peak RSS of the JVM running the product and the benchmark: %d MB", BenchmarkReport.peakRssMb(-1)),
                String.format("ratio: %.2f", f.ratio()),
                String.format("ratio (data-faithful floor%s): %.2f", TestDatabase.postgres() ? ", PostgreSQL" : "", f.dataFaithfulRatio())));
        assertThat(f.placed()).as("every journey ended in a placement").isEqualTo(n);
        assertThat(f.homesMiscounted()).as("homes whose vacancies miss a place taken (journeys running at the same time included)").isZero();
    }
}
