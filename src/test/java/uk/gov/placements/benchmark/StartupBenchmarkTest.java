package uk.gov.placements.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.placements.trust.AppNode;

/**
 * Start-up as an operator sees it: the application started as its own process on a fresh H2 file
 * with the demo data (`mvn spring-boot:run`'s profile), timed until the Tasklist page answers and a
 * user's task list comes back; then its peak resident memory after a run of referrals through the API.
 */
class StartupBenchmarkTest {

    @Test
    void shouldStartToAnAnsweringTasklistAndPrintTimeAndMemory() throws Exception {
        Path dir = Files.createTempDirectory("placements-startup");
        long start = System.nanoTime();
        try (AppNode app = AppNode.start("startup", dir, AppNode.freePort(), "--spring.profiles.active=demo",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("placements").toAbsolutePath()
                        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=512")) {
            await("the Tasklist page and pt1's task list answering 200").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> app.status(null, "/camunda/app/tasklist/default/") == 200 && app.status("pt1", "/engine-rest/task?maxResults=15") == 200);
            long tasklistMillis = (System.nanoTime() - start) / 1_000_000;
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
            BenchmarkReport.section("Start-up and memory", "H2 file, the default", List.of(
                    String.format("start-up to a Tasklist that answers (page and a user's task list), fresh H2 file with the demo data: %.1f s",
                            tasklistMillis / 1000.0),
                    String.format("peak RSS when the Tasklist first answered: %d MB; after %d referrals through the API: %d MB (-Xmx512m)",
                            rssAtStart, referrals, rssPeak)));
        }
    }
}
