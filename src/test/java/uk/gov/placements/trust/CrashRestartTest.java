package uk.gov.placements.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import uk.gov.placements.referral.PlacementReferralProcess;

/**
 * The application on its default H2 file database is killed with SIGKILL in the middle of a batch
 * of referrals and started again: every referral the API accepted is there, with exactly one
 * process instance waiting at triage; none is lost or duplicated, and work goes on.
 */
class CrashRestartTest {

    @Test
    void shouldFindEveryAcceptedReferralAfterAKillMidBatch() throws Exception {
        Path dir = Files.createTempDirectory("placements-crash");
        int port = AppNode.freePort();
        // as application.yaml has it, in a folder of the test's own
        String database = "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("placements").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=512";
        List<Long> accepted = new ArrayList<>();
        try (AppNode app = AppNode.start("crash", dir, port, "--spring.profiles.active=demo", database)) {
            long child = app.post("sw1", "/api/children", "{\"firstName\":\"Kai\",\"lastName\":\"Crash\",\"dateOfBirth\":\"2013-05-05\","
                    + "\"gender\":\"MALE\",\"postcode\":\"NS1 2AB\",\"latitude\":53.8,\"longitude\":-1.55,\"legalStatus\":\"C2\"}", 201).get("id").asLong();
            AtomicBoolean killed = new AtomicBoolean();
            Thread killer = new Thread(() -> {
                while (!killed.get()) {
                    synchronized (accepted) {
                        if (accepted.size() >= 8) {
                            try {
                                app.kill();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            killed.set(true);
                        }
                    }
                    Thread.onSpinWait();
                }
            });
            killer.start();
            for (int i = 0; i < 40 && !killed.get(); i++) {
                try {
                    JsonNode r = app.post("sw1", "/api/referrals", "{\"childId\":" + child + ",\"urgency\":\"PLANNED\",\"requiredBy\":\""
                            + LocalDate.now().plusDays(20) + "\",\"placementType\":\"FOSTER\",\"plannedWeeks\":12,\"maxDistanceMiles\":20,"
                            + "\"needs\":[],\"completedBy\":\"Sam\",\"knowsChild\":true}", 201);
                    synchronized (accepted) {
                        accepted.add(r.get("id").asLong());
                    }
                } catch (Exception killedMidRequest) {
                    break;
                }
            }
            killed.set(true);
            killer.join();
        }
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(8);

        try (AppNode again = AppNode.start("restarted", dir, port, "--spring.profiles.active=demo", database)) {
            for (Long id : accepted) {
                JsonNode referral = again.get("sw1", "/api/referrals/" + id);
                String pi = referral.get("processInstanceId").asText();
                String reference = referral.get("reference").asText();
                // process instances are read as the administrator: social workers may start them but not list them
                JsonNode instances = again.get("admin", "/engine-rest/process-instance?processDefinitionKey=placementReferral&businessKey=" + reference);
                assertThat(instances).as("exactly one instance for " + reference).hasSize(1);
                assertThat(instances.get(0).get("id").asText()).isEqualTo(pi);
                JsonNode tasks = again.get("admin", "/engine-rest/task?processInstanceId=" + pi);
                assertThat(tasks).hasSize(1);
                assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo(PlacementReferralProcess.TASK_TRIAGE);
            }
            ReliabilityFigures.record("Crash and restart (H2 file, SIGKILL mid-batch)", "%d referrals accepted, %d found after restart, 0 lost, 0 duplicated",
                    accepted.size(), accepted.size());
        }
    }
}
