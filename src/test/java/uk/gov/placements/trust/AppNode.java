package uk.gov.placements.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * The application started as its own operating-system process from the test class path, as an
 * operator would run it, so a test can kill it with SIGKILL and start it again, or run two of it.
 */
public final class AppNode implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    final Path log;
    private final Process process;

    private AppNode(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts the application with the demo profile, its job executor on, and waits until it answers. */
    public static AppNode start(String name, Path dir, int port, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "uk.gov.placements.PlacementsApplication",
                "--camunda.bpm.job-execution.enabled=true",
                // the test class path can name the classes folder twice; deploy from one root
                "--camunda.bpm.deployment-resource-pattern=classpath:processes/*.bpmn,classpath:processes/*.dmn,classpath:forms/*.form"));
        command.addAll(List.of(arguments));
        return launch(name, dir, port, command, Duration.ofMillis(500));
    }

    /**
     * Starts the application as the given command has it (the java executable, its options and {@code -jar} with the
     * built jar), on the port given and a free mail port, and waits until it answers.
     */
    public static AppNode startJar(String name, Path dir, int port, List<String> javaAndJar, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(javaAndJar);
        command.addAll(List.of(arguments));
        return launch(name, dir, port, command, Duration.ofMillis(100));
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static AppNode launch(String name, Path dir, int port, List<String> command, Duration poll) throws Exception {
        command.addAll(List.of("--server.port=" + port, "--spring.mail.port=" + freePort()));
        Path log = dir.resolve(name + "-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AppNode node = new AppNode(name, port, log, p);
        try {
            Awaitility.await(name + " answering /actuator/health with UP (log: " + log + ")").atMost(Duration.ofMinutes(3))
                    .pollInterval(poll).until(() -> {
                        if (!p.isAlive()) {
                            throw new IllegalStateException(name + " exited; see " + log);
                        }
                        return node.healthy();
                    });
            return node;
        } catch (RuntimeException notStarted) {
            p.destroyForcibly();
            throw notStarted;
        }
    }

    private boolean healthy() {
        try {
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("UP");
        } catch (Exception notYet) {
            return false;   // still starting
        }
    }

    /** SIGKILL: no shutdown hooks, no flush, no goodbye to the other node. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public long pid() {
        return process.pid();
    }

    /** The HTTP status of a GET, as the user (or anonymous when null). */
    public int status(String user, String path) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (user != null) {
            r.header("Authorization", basic(user));
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    JsonNode get(String user, String path) throws Exception {
        return send(user, HttpRequest.newBuilder(uri(path)).GET(), 200);
    }

    public JsonNode post(String user, String path, String body, int expected) throws Exception {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), expected);
    }

    JsonNode put(String user, String path, String body, int expected) throws Exception {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), expected);
    }

    private JsonNode send(String user, HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(30)).header("Authorization", basic(user)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(name + ": " + request.build().method() + " " + request.build().uri() + " answered "
                    + r.statusCode() + " " + r.body());
        }
        return r.body() == null || r.body().isBlank() ? null : JSON.readTree(r.body());
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    public static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
