package uk.gov.placements.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import uk.gov.placements.TestDatabase;

/**
 * The benchmarks' figures: printed, collected in target/benchmark-figures.md, and with
 * {@code -Dbenchmark.write=true} (mvn verify -Pbenchmark, or one benchmark run alone) written below the marker line of
 * benchmark-results.md with the machine, date and commit. Never asserted.
 */
final class BenchmarkReport {
    static final Path FIGURES = Path.of("target", "benchmark-figures.md");
    static final Path RESULTS = Path.of("benchmark-results.md");
    static final String MARKER = "<!-- figures of the benchmarks, each section from the run it names, written by BenchmarkReport -->";

    private BenchmarkReport() {
    }

    static String database() {
        return TestDatabase.postgres() ? "PostgreSQL 16 (embedded)" : "H2 in memory";
    }

    /** p-th percentile (0-100) of the samples, in milliseconds. */
    static double percentile(double[] millis, double p) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static String latencies(double[] millis) {
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d requests)", percentile(millis, 50), percentile(millis, 95),
                percentile(millis, 99), millis.length);
    }

    /** Peak resident set size of this JVM so far (Linux), in MB; -1 elsewhere. */
    static long peakRssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid < 0 ? "self" : String.valueOf(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** CPU time (user and system, every thread) the process has used so far, in seconds; -1 where the system does not say. */
    static double cpuSeconds(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(d -> d.toMillis() / 1000.0).orElse(-1.0);
    }

    /**
     * The machine's load averages (1, 5 and 15 minutes) as the section is written, where the system says: on a shared
     * machine they tell a reader whether other work ran beside the benchmark.
     */
    static String loadAverage() {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "; load average " + load[0] + ", " + load[1] + ", " + load[2];
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static String commit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    static void section(String title, List<String> lines) {
        section(title, database(), lines);
    }

    static synchronized void section(String title, String database, List<String> lines) {
        String heading = "### " + title + " (" + database + ")";
        StringBuilder md = new StringBuilder("\n" + heading + "\n\n");
        lines.forEach(l -> md.append(l.startsWith("ratio") ? l + "\n\n" : "- " + l + "\n"));
        System.out.print(md);
        try {
            Files.createDirectories(FIGURES.getParent());
            Files.writeString(FIGURES, md, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (Boolean.getBoolean("benchmark.write")) {
                String results = Files.exists(RESULTS) ? Files.readString(RESULTS) : "# Benchmark results\n\n" + MARKER + "\n";
                String run = "Run: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                        + ", " + System.getProperty("os.name") + "; date " + LocalDate.now() + "; commit " + commit() + loadAverage() + "\n\n";
                Files.writeString(RESULTS, replaceSection(results, heading, md.toString().replaceFirst("\n\n", "\n\n" + run)),
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The results with the section under that heading below the marker replaced by this one (added at the end when it is
     * new), the others kept: the benchmarks can run apart (the standing load alone takes an hour) and each section says
     * which run wrote it.
     */
    static String replaceSection(String results, String heading, String section) {
        int at = results.indexOf(MARKER);
        String head = at < 0 ? results.stripTrailing() + "\n\n" + MARKER : results.substring(0, at + MARKER.length());
        String below = at < 0 ? "" : results.substring(at + MARKER.length());
        int start = below.indexOf("\n" + heading + "\n");
        if (start < 0) {
            return head + below.stripTrailing() + "\n\n" + section.strip() + "\n";
        }
        int end = below.indexOf("\n### ", start + heading.length() + 1);
        String rest = end < 0 ? "" : "\n\n" + below.substring(end + 1).strip();
        return head + below.substring(0, start).stripTrailing() + "\n\n" + section.strip() + rest + "\n";
    }
}
