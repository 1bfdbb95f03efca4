package uk.gov.placements.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The application on its default H2 file database is killed with SIGKILL in the middle of a batch
 * of referrals and started again: every referral the API accepted is there, with exactly one
 * process instance waiting at triage; none is lost or duplicated, and work goes on.
 */
class CrashRestartTest {
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void shouldFindEveryAcceptedReferralAfterAKillMidBatch() throws Exception {
        Path dir = Files.createTempDirectory("placements-crash");
        int port = freePort();
        Process app = start(dir, port);
        List<Long> accepted = new ArrayList<>();
        try {
            long child = post(port, "/api/children", "{\"firstName\":\"Kai\",\"lastName\":\"Crash\",\"dateOfBirth\":\"2013-05-05\","
                    + "\"gender\":\"MALE\",\"postcode\":\"NS1 2AB\",\"latitude\":53.8,\"longitude\":-1.55,\"legalStatus\":\"C2\"}").get("id").asLong();
            AtomicBoolean killed = new AtomicBoolean();
            Thread killer = new Thread(() -> {
                while (!killed.get()) {
                    synchronized (accepted) {
                        if (accepted.size() >= 8) {
                            app.destroyForcibly();   // SIGKILL: no shutdown hooks, no flush
                            killed.set(true);
                        }
                    }
                    Thread.onSpinWait();
                }
            });
            killer.start();
            for (int i = 0; i < 40 && !killed.get(); i++) {
                try {
                    JsonNode r = post(port, "/api/referrals", "{\"childId\":" + child + ",\"urgency\":\"PLANNED\",\"requiredBy\":\""
                            + LocalDate.now().plusDays(20) + "\",\"placementType\":\"FOSTER\",\"plannedWeeks\":12,\"maxDistanceMiles\":20,"
                            + "\"needs\":[],\"completedBy\":\"Sam\",\"knowsChild\":true}");
                    synchronized (accepted) {
                        accepted.add(r.get("id").asLong());
                    }
                } catch (Exception killedMidRequest) {
                    break;
                }
            }
            killed.set(true);
            killer.join();
            app.waitFor();
        } finally {
            app.destroyForcibly();
        }
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(8);

        Process again = start(dir, port);
        try {
            for (Long id : accepted) {
                JsonNode referral = get(port, "/api/referrals/" + id, "sw1");
                String pi = referral.get("processInstanceId").asText();
                String reference = referral.get("reference").asText();
                // process instances are read as the administrator: social workers may start them but not list them
                JsonNode instances = get(port, "/engine-rest/process-instance?processDefinitionKey=placementReferral&businessKey=" + reference, "admin");
                assertThat(instances).as("exactly one instance for " + reference).hasSize(1);
                assertThat(instances.get(0).get("id").asText()).isEqualTo(pi);
                JsonNode tasks = get(port, "/engine-rest/task?processInstanceId=" + pi, "admin");
                assertThat(tasks).hasSize(1);
                assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo("Task_TriageReferral");
            }
            System.out.printf("%nCrash and restart: %d referrals accepted before SIGKILL, %d found after restart, 0 lost, 0 duplicated%n",
                    accepted.size(), accepted.size());
        } finally {
            again.destroyForcibly();
            again.waitFor();
        }
    }

    Process start(Path dir, int port) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), "uk.gov.placements.PlacementsApplication",
                "--spring.profiles.active=demo", "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("placements").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",   // as application.yaml has it
                "--spring.mail.port=" + freePort(), "--camunda.bpm.job-execution.enabled=true",
                // the test class path can name the classes folder twice; deploy from one root
                "--camunda.bpm.deployment-resource-pattern=classpath:processes/*.bpmn,classpath:processes/*.dmn,classpath:forms/*.form")
                .redirectErrorStream(true).redirectOutput(dir.resolve("app-" + port + "-" + System.nanoTime() + ".log").toFile());
        Process p = pb.start();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("application exited; see logs in " + dir);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return p;
                }
            } catch (Exception notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        p.destroyForcibly();
        throw new IllegalStateException("application did not start within 2 minutes");
    }

    JsonNode post(int port, String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", basic("sw1")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return json.readTree(r.body());
    }

    JsonNode get(int port, String path, String user) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", basic(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

}
