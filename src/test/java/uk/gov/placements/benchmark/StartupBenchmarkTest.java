package uk.gov.placements.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import uk.gov.placements.trust.AppNode;

/**
 * Start-up as an operator sees it: the application started as its own process on a fresh H2 file
 * with the demo data (`mvn spring-boot:run`'s profile), timed until the Tasklist page answers and a
 * user's task list comes back, with the CPU the process had used by then; then its peak resident
 * memory after a run of referrals through the API.
 *
 * <p>Run after {@code package} (the {@code startup-benchmark} execution), it starts the built jar as the
 * README's "From the built jar" does: extracted, and under {@code -Pbenchmark} ({@code benchmark.cds=true})
 * also with the class data sharing archive of a training run. Without a built jar it starts the test class path.
 */
class StartupBenchmarkTest {

    @Test
    void shouldStartToAnAnsweringTasklistAndPrintTimeAndMemory() throws Exception {
        Path dir = Files.createTempDirectory("placements-startup");
        String jar = System.getProperty("benchmark.jar", "");
        List<String> lines = new ArrayList<>();
        if (!jar.isEmpty() && Files.isRegularFile(Path.of(jar))) {
            Path app = extract(Path.of(jar));
            List<String> plain = List.of(AppNode.java(), "-Xmx512m", "-jar", app.toString());
            if (Boolean.getBoolean("benchmark.cds")) {
                Path archive = train(app, dir);
                List<String> cds = List.of(AppNode.java(), "-Xmx512m", "-XX:SharedArchiveFile=" + archive, "-jar", app.toString());
                List<String> cdsC1 = List.of(AppNode.java(), "-Xmx512m", "-XX:SharedArchiveFile=" + archive, "-XX:TieredStopAtLevel=1",
                        "-jar", app.toString());
                lines.addAll(measure(dir, cds, "the built jar, extracted, with its class data sharing archive (README, From the built jar)", true));
                lines.addAll(measure(dir, plain, "the built jar, extracted, without the archive", false));
                lines.addAll(measure(dir, cdsC1, "the built jar with the archive and -XX:TieredStopAtLevel=1 (a demo's start, not production's)",
                        false));
            } else {
                lines.addAll(measure(dir, plain, "the built jar, extracted, without the class data sharing archive", true));
            }
        } else {
            lines.addAll(measure(dir, null, "the test class path (no built jar)", true));
        }
        BenchmarkReport.section("Start-up and memory", "H2 file, the default", lines);
    }

    /** One start on a fresh H2 file: wall time and CPU to an answering Tasklist; with load, the memory after referrals. */
    private static List<String> measure(Path dir, List<String> javaAndJar, String how, boolean load) throws Exception {
        Path data = Files.createTempDirectory(dir, "data");
        String[] arguments = {"--spring.profiles.active=demo", "--spring.datasource.url=jdbc:h2:file:"
                + data.resolve("placements").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=512"};
        long start = System.nanoTime();
        try (AppNode app = javaAndJar == null ? AppNode.start("startup", dir, AppNode.freePort(), arguments)
                : AppNode.startJar("startup", dir, AppNode.freePort(), javaAndJar, arguments)) {
            await("the Tasklist page and pt1's task list answering 200").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> app.status(null, "/camunda/app/tasklist/default/") == 200 && app.status("pt1", "/engine-rest/task?maxResults=15") == 200);
            long tasklistMillis = (System.nanoTime() - start) / 1_000_000;
            double cpuSeconds = BenchmarkReport.cpuSeconds(app.pid());
            String started = String.format("start-up to a Tasklist that answers (page and a user's task list), fresh H2 file with the demo data,"
                    + " %s: %.1f s, %.1f s of CPU", how, tasklistMillis / 1000.0, cpuSeconds);
            if (!load) {
                return List.of(started);
            }
            long rssAtStart = BenchmarkReport.peakRssMb(app.pid());
            // a run of referrals through the API (child, referral, the triage list) to load it
            int referrals = Integer.getInteger("benchmark.startupReferrals", 30);
            for (int i = 0; i < referrals; i++) {
                long child = app.post("sw1", "/api/children", "{\"firstName\":\"Rae\",\"lastName\":\"Start\",\"dateOfBirth\":\"2013-05-05\","
                        + "\"gender\":\"FEMALE\",\"postcode\":\"NS1 2AB\",\"latitude\":53.8,\"longitude\":-1.55,\"legalStatus\":\"C2\"}", 201)
                        .get("id").asLong();
                app.post("sw1", "/api/referrals", "{\"childId\":" + child + ",\"urgency\":\"PLANNED\",\"requiredBy\":\"" + LocalDate.now().plusDays(20)
                        + "\",\"placementType\":\"FOSTER\",\"plannedWeeks\":12,\"maxDistanceMiles\":20,\"needs\":[],\"completedBy\":\"Sam\","
                        + "\"knowsChild\":true}", 201);
                assertThat(app.status("pt1", "/engine-rest/task?taskDefinitionKey=Task_TriageReferral&maxResults=15")).isEqualTo(200);
            }
            long rssPeak = BenchmarkReport.peakRssMb(app.pid());
            return List.of(started, String.format("peak RSS when the Tasklist first answered: %d MB; after %d referrals through the API: %d MB"
                    + " (-Xmx512m)", rssAtStart, referrals, rssPeak));
        }
    }

    /** The jar laid out as Spring Boot's tools extract it: the application's jar beside its libraries. */
    private static Path extract(Path jar) throws Exception {
        Path into = jar.resolveSibling("startup-benchmark-app");
        FileSystemUtils.deleteRecursively(into);
        assertThat(run(List.of(AppNode.java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", into.toString()),
                into.getParent())).isZero();
        Path app = into.resolve(jar.getFileName());
        assertThat(app).isRegularFile();
        return app;
    }

    /** The README's training run: the context refreshed against a throwaway database, the classes it loaded archived at exit. */
    private static Path train(Path app, Path dir) throws Exception {
        Path archive = app.resolveSibling("application.jsa");
        run(List.of(AppNode.java(), "-Xmx512m", "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar", app.toString(),
                "--spring.profiles.active=demo", "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:training"), dir);
        assertThat(archive).as("the archive of the training run (log in " + dir + ")").isRegularFile();
        return archive;
    }

    private static int run(List<String> command, Path dir) throws Exception {
        File log = dir.resolve("startup-benchmark-" + System.nanoTime() + ".log").toFile();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " did not finish; see " + log);
        }
        return p.exitValue();
    }
}
