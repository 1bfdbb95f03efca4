package uk.gov.placements.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Benchmarks run apart write their own sections below the marker and leave the others as they were. */
class BenchmarkReportTest {
    static final String RESULTS = "# Benchmark results\n\nprose above\n\n" + BenchmarkReport.MARKER + "\n\n"
            + "### Journeys (H2 in memory)\n\nRun: old\n\n- 10 journeys\nratio: 2.00\n\n"
            + "### Start-up (H2 file)\n\nRun: old\n\n- 26.3 s\n";

    @Test
    void shouldReplaceOnlyTheSectionOfThisRun() {
        String after = BenchmarkReport.replaceSection(RESULTS, "### Journeys (H2 in memory)",
                "\n### Journeys (H2 in memory)\n\nRun: new\n\n- 20 journeys\nratio: 1.90\n\n");
        assertThat(after).isEqualTo("# Benchmark results\n\nprose above\n\n" + BenchmarkReport.MARKER + "\n\n"
                + "### Journeys (H2 in memory)\n\nRun: new\n\n- 20 journeys\nratio: 1.90\n\n"
                + "### Start-up (H2 file)\n\nRun: old\n\n- 26.3 s\n");
    }

    @Test
    void shouldReplaceTheLastSectionAndAddANewOneAtTheEnd() {
        String last = BenchmarkReport.replaceSection(RESULTS, "### Start-up (H2 file)", "\n### Start-up (H2 file)\n\nRun: new\n\n- 9.0 s\n");
        assertThat(last).endsWith("ratio: 2.00\n\n### Start-up (H2 file)\n\nRun: new\n\n- 9.0 s\n").contains("Run: old\n\n- 10 journeys");
        String added = BenchmarkReport.replaceSection(last, "### A national standing load (PostgreSQL 16 (embedded))",
                "\n### A national standing load (PostgreSQL 16 (embedded))\n\nRun: new\n\n- seeded\n");
        assertThat(added).isEqualTo(last + "\n### A national standing load (PostgreSQL 16 (embedded))\n\nRun: new\n\n- seeded\n");
    }

    @Test
    void shouldAddTheMarkerToResultsThatHaveNone() {
        assertThat(BenchmarkReport.replaceSection("# Benchmark results\n", "### Journeys (H2 in memory)", "\n### Journeys (H2 in memory)\n\n- 1\n"))
                .isEqualTo("# Benchmark results\n\n" + BenchmarkReport.MARKER + "\n\n### Journeys (H2 in memory)\n\n- 1\n");
    }
}
