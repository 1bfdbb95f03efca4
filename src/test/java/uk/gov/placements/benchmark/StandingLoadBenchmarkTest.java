package uk.gov.placements.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import uk.gov.placements.TestPostgres;
import uk.gov.placements.iro.IroReviewProcess;
import uk.gov.placements.monitoring.ContractMonitoringProcess;
import uk.gov.placements.trust.AppNode;

/**
 * A consortium's PostgreSQL carrying England's standing load ({@link StandingLoad}: 83,000 children in care with their
 * reviews running, 40,000 independent placements monitored, 100,000 ended referrals, times {@code benchmark.standing}: 1
 * with -Pbenchmark, 0.01 in the ordinary run, where only correctness is asserted). In one run, on a database of its own:
 * the journeys against the floor while the database is empty, then again once it carries the load; two application
 * nodes firing a day's worth of review and monitoring timers moved into a window of {@code benchmark.timerWindowSeconds},
 * and how long after its due time each ran; then the Tasklist's filters as the people who open them, and the case pages,
 * through HTTP, with that day's tasks open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.mail.port=3028")
@ActiveProfiles({"demo", "test"})
@ContextConfiguration(initializers = StandingLoadBenchmarkTest.OwnPostgres.class)
class StandingLoadBenchmarkTest {
    static final String DATABASE = "standing_load";
    static Map<String, Object> database;

    /** Always PostgreSQL, whatever the suite's database: the load is measured where a consortium would carry it. */
    static class OwnPostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            database = TestPostgres.newDatabase(DATABASE);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("standing-load-postgres", database));
        }
    }

    @Autowired JourneyBenchmark benchmark;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired FilterService filterService;
    @Autowired IdentityService identityService;
    @Autowired PlatformTransactionManager transactions;
    @Autowired TestRestTemplate http;
    @Autowired java.time.Clock clock;
    final Random random = new Random(83_000);

    static double scale() {
        return Double.parseDouble(System.getProperty("benchmark.standing", "0.01"));
    }

    /** Requests a measured endpoint gets: 300 at national scale, 30 in the ordinary run. */
    static int samples() {
        return scale() >= 1 ? 300 : 30;
    }

    @Test
    void shouldCarryEnglandsStandingLoadAndPrintWhatItCosts() throws Exception {
        int threads = Integer.getInteger("benchmark.threads", Runtime.getRuntime().availableProcessors());
        int journeys = Integer.getInteger("benchmark.standingJourneys", scale() >= 1 ? 300 : 4);
        // the JIT's first rounds and the first statements, on neither side of the comparison (the ordinary run only checks)
        if (scale() >= 1) {
            benchmark.run(journeys / 10, threads);
        }
        JourneyBenchmark.Figures empty = benchmark.run(journeys, threads);

        long template = jdbc.queryForObject("select min(r.id) from referral r join act_hi_procinst p on p.id_ = r.process_instance_id "
                + "where r.status = 'PLACED' and p.end_time_ is not null", Long.class);
        StandingLoad load = new StandingLoad(jdbc, runtimeService, transactions, clock, scale());
        long seedStart = System.nanoTime();
        load.seedChildren(threads);
        double childrenSeconds = (System.nanoTime() - seedStart) / 1e9;
        long referralsStart = System.nanoTime();
        load.seedEndedReferrals(template);
        double referralsSeconds = (System.nanoTime() - referralsStart) / 1e9;
        Map<String, Long> counts = load.counts();
        String size = jdbc.queryForObject("select pg_size_pretty(pg_database_size(current_database()))", String.class);

        JourneyBenchmark.Figures loaded = benchmark.run(journeys, threads);
        TimerLag lag = timerLag(load);

        List<String> lines = new ArrayList<>();
        lines.add(String.format("seeded %d children in care with their reviews running, %d independent placements monitored and %d ended referrals "
                        + "in %.1f s (children, placements, reviews, rounds and their instances %.1f s; ended referrals %.1f s); database %s",
                load.children, load.independent, load.endedReferrals, childrenSeconds + referralsSeconds, childrenSeconds, referralsSeconds, size));
        lines.add("rows: " + String.join(", ", counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
        lines.add(journeyLine("empty database", empty));
        lines.add(journeyLine("standing load", loaded));
        lines.add(String.format("journeys a second with the standing load against the empty database: %.2f (goal at least 0.80); "
                + "ratio %.2f against %.2f", loaded.journeysPerSecond() / empty.journeysPerSecond(), loaded.ratio(), empty.ratio()));
        lines.add(lag.line());
        for (String[] f : new String[][] {{"pt1", "Referrals to triage"}, {"tm1", "Placements awaiting my approval"}, {"pt1", "Emergency referrals"},
                {"sw1", "My group tasks"}, {"sw1", "Overdue"}, {"iro1", "My IRO reviews"}, {"co1", "Contracts queue"}}) {
            lines.add("\"" + f[1] + "\" as " + f[0] + ", first page of 15 (FilterService): " + BenchmarkReport.latencies(
                    FilterLatency.firstPage(filterService, identityService, f[0], f[1], samples(), false)));
        }
        List<Long> northshireChildren = jdbc.queryForList("select id from child where council = 'northshire' and id >= ?", Long.class,
                StandingLoad.BASE);
        List<Long> northshireReferrals = jdbc.queryForList("select id from referral where council = 'northshire' and id >= ?", Long.class,
                StandingLoad.BASE);
        lines.add("a child's case, GET /api/cases/children/{id} as sw1: " + BenchmarkReport.latencies(pages("sw1", "/api/cases/children/",
                northshireChildren)));
        lines.add("an ended referral's case and timeline, GET /api/cases/referrals/{id} as sw1: " + BenchmarkReport.latencies(pages("sw1",
                "/api/cases/referrals/", northshireReferrals)));
        BenchmarkReport.section("A national standing load", "PostgreSQL 16 (embedded)", lines);

        assertThat(counts.get("children in care (seeded)")).isEqualTo(load.children);
        assertThat(counts.get("iroReview running")).as("a review running for every child in care").isGreaterThanOrEqualTo(load.children);
        assertThat(counts.get("contractMonitoring running")).as("monitoring for every independent placement").isGreaterThanOrEqualTo(load.independent);
        assertThat(counts.get("placementReferral ended (history)")).as("ended referrals in history").isGreaterThan(load.endedReferrals);
        assertThat(empty.placed()).as("journeys placed on the empty database").isEqualTo(journeys);
        assertThat(loaded.placed()).as("journeys placed on the loaded database").isEqualTo(journeys);
        assertThat(loaded.homesMiscounted()).isZero();
        assertThat(lag.fired()).as("the day's review and monitoring timers, each run once").isEqualTo(lag.due());
        assertThat(lag.tasksOpened()).as("the consultations and the rounds' evidence tasks they opened").isGreaterThanOrEqualTo(lag.due() * 2L);
    }

    static String journeyLine(String database, JourneyBenchmark.Figures f) {
        return String.format("%s: %d journeys on %d threads, %d placed, in %.1f s: %.2f journeys/s; floor %.1f s, ratio %.2f; "
                        + "data-faithful floor %.1f s, ratio %.2f", database, f.journeys(), f.threads(), f.placed(), f.journeyMillis() / 1000.0,
                f.journeysPerSecond(), f.floorMillis() / 1000.0, f.ratio(), f.dataFloorMillis() / 1000.0, f.dataFaithfulRatio());
    }

    /** How long after its due time each timer job ran (its job log's success), in ms, and which node ran it. */
    record TimerLag(int due, int fired, long tasksOpened, double windowSeconds, double[] millis, long byA, long byB) {
        String line() {
            return String.format("timer lag, two nodes (product's job executor settings): %d review and monitoring timers (a day's worth) due "
                            + "over %.0f s, %d ran (%d by node A, %d by node B), %d tasks opened; after their due time p50 %.1f s, p95 %.1f s, max %.1f s",
                    due, windowSeconds, fired, byA, byB, tasksOpened, BenchmarkReport.percentile(millis, 50) / 1000,
                    BenchmarkReport.percentile(millis, 95) / 1000, BenchmarkReport.percentile(millis, 100) / 1000);
        }
    }

    /**
     * A day's worth of the standing load's timers (the consultation windows and the rounds falling due on its first day)
     * moved, as an operator moves a job's due date, to fall due evenly over the window; two nodes with their job executors
     * as the product configures them run them.
     */
    TimerLag timerLag(StandingLoad load) throws Exception {
        int reviews = (int) Math.round((double) load.children / StandingLoad.REVIEW_DAYS);
        int rounds = (int) Math.round((double) load.independent / StandingLoad.ROUND_DAYS);
        List<Job> due = new ArrayList<>(managementService.createJobQuery().timers().activityId(IroReviewProcess.TIMER_CONSULTATION_OPENS)
                .orderByJobDuedate().asc().listPage(0, reviews));
        due.addAll(managementService.createJobQuery().timers().activityId(ContractMonitoringProcess.TIMER_ROUND_DUE).orderByJobDuedate().asc()
                .listPage(0, rounds));
        java.util.Collections.shuffle(due, random);
        double window = Double.parseDouble(System.getProperty("benchmark.timerWindowSeconds", scale() >= 1 ? "900" : "20"));
        long tasksBefore = jdbc.queryForObject("select count(*) from act_ru_task", Long.class);

        Path dir = Files.createTempDirectory("placements-standing-load");
        List<String> common = new ArrayList<>(List.of("--spring.profiles.active=demo,postgres"));
        database.forEach((key, value) -> common.add("--" + key + "=" + value));
        // one after the other: two nodes starting at once both write the demo's users and grants
        try (AppNode a = node(dir, common, "node-a"); AppNode b = node(dir, common, "node-b")) {
            jdbc.execute("create table standing_lag_job (job_id_ varchar(64) primary key, due timestamp not null)");
            Instant first = Instant.now().plusSeconds(10);
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < due.size(); i++) {
                Instant at = first.plusMillis((long) (window * 1000 * i / due.size()));
                managementService.setJobDuedate(due.get(i).getId(), java.util.Date.from(at));
                rows.add(new Object[] {due.get(i).getId(), Timestamp.from(at)});
            }
            jdbc.batchUpdate("insert into standing_lag_job (job_id_, due) values (?, ?)", rows);
            String ran = "from standing_lag_job d join act_hi_job_log l on l.job_id_ = d.job_id_ and l.job_state_ = 2";
            await("the day's timers run by the two nodes").atMost(Duration.ofSeconds((long) window + 300)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> jdbc.queryForObject("select count(distinct d.job_id_) " + ran, Integer.class) == due.size());
            double[] millis = jdbc.queryForList("select extract(epoch from (l.timestamp_ - d.due)) * 1000 " + ran, Double.class).stream()
                    .mapToDouble(Double::doubleValue).toArray();
            long byA = jdbc.queryForObject("select count(*) " + ran + " and l.hostname_ = 'node-a'", Long.class);
            long byB = jdbc.queryForObject("select count(*) " + ran + " and l.hostname_ = 'node-b'", Long.class);
            long tasks = jdbc.queryForObject("select count(*) from act_ru_task", Long.class) - tasksBefore;
            int fired = jdbc.queryForObject("select count(distinct d.job_id_) " + ran, Integer.class);
            return new TimerLag(due.size(), fired, tasks, window, millis, byA, byB);
        }
    }

    private static AppNode node(Path dir, List<String> common, String hostname) {
        List<String> arguments = new ArrayList<>(common);
        arguments.add("--camunda.bpm.generic-properties.properties.hostname=" + hostname);
        try {
            return AppNode.start(hostname, dir, AppNode.freePort(), arguments.toArray(String[]::new));
        } catch (Exception e) {
            throw new IllegalStateException(hostname + " did not start", e);
        }
    }

    /** GETs of the page for ids drawn at random, as the user, through HTTP; every one must answer 200. */
    double[] pages(String user, String path, List<Long> ids) {
        assertThat(ids).as(path + " of seeded records").isNotEmpty();
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, "demo");
        double[] millis = new double[samples()];
        for (int i = -10; i < millis.length; i++) {
            long t = System.nanoTime();
            ResponseEntity<String> r = http.exchange(path + ids.get(random.nextInt(ids.size())), HttpMethod.GET, new HttpEntity<>(h), String.class);
            if (i >= 0) {
                millis[i] = (System.nanoTime() - t) / 1e6;
            }
            assertThat(r.getStatusCode().value()).as(path).isEqualTo(200);
        }
        return millis;
    }
}
