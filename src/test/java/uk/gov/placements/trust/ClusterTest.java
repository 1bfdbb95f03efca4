package uk.gov.placements.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.placements.TestPostgres;
import uk.gov.placements.referral.PlacementReferralProcess;
import uk.gov.placements.referral.search.PlacementSearchProcess;

/**
 * Two application nodes on one PostgreSQL, as a council would run it for resilience. Referrals are
 * started on node A and every task is completed on node B; async jobs are executed by both job
 * executors, each exactly once (counted in Camunda's job log). Node A fires the required-by timers
 * before node B starts, so that A's share of the jobs is a step of the test, not the outcome of a
 * race between the executors. Node A is killed with SIGKILL while the placements are being recorded,
 * and node B finishes every instance.
 */
class ClusterTest {
    static final int REFERRALS = 10;
    static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    @Test
    void shouldRunEveryJobOnceAcrossTwoNodesAndFinishEveryInstanceWhenOneIsKilled() throws Exception {
        Map<String, Object> database = TestPostgres.newDatabase("cluster");
        Path dir = Files.createTempDirectory("placements-cluster");
        Instant began = Instant.now();
        List<String> common = new ArrayList<>(List.of("--spring.profiles.active=demo,postgres",
                // a lock held by a dead node is given up after 10 s (5 min by default), and idle executors look again within 2 s
                "--camunda.bpm.job-execution.lock-time-in-millis=10000", "--camunda.bpm.job-execution.max-wait=2000"));
        database.forEach((key, value) -> common.add("--" + key + "=" + value));

        AppNode a = AppNode.start("node-a", dir, AppNode.freePort(), args(common, "node-a"));
        try {
            // a supported-lodgings service of the council's own with room for every child
            long provider = a.post("co1", "/api/providers", "{\"name\":\"Cluster Lodgings\",\"kind\":\"IN_HOUSE\",\"sector\":\"PUBLIC\","
                    + "\"council\":\"northshire\"}", 201).get("id").asLong();
            a.post("co1", "/api/providers/" + provider + "/services", "{\"name\":\"Cluster Lodgings flats\",\"placementType\":\"SUPPORTED_ACCOMMODATION\","
                    + "\"minAge\":16,\"maxAge\":21,\"places\":40,\"vacancies\":40,\"localAuthority\":\"northshire\",\"postcode\":\"NS1 9ZZ\","
                    + "\"latitude\":53.80,\"longitude\":-1.55,\"specialisms\":[],\"weeklyFee\":700}", 201);

            // referrals started on node A
            Map<String, Long> referralIds = new LinkedHashMap<>();
            for (int i = 0; i < REFERRALS; i++) {
                long child = a.post("sw1", "/api/children", "{\"firstName\":\"Cluster\",\"lastName\":\"Child" + (char) ('A' + i)
                        + "\",\"dateOfBirth\":\"" + LocalDate.now().minusYears(17) + "\",\"gender\":\"FEMALE\",\"postcode\":\"NS1 2AB\","
                        + "\"latitude\":53.8,\"longitude\":-1.55,\"legalStatus\":\"C2\"}", 201).get("id").asLong();
                JsonNode referral = a.post("sw1", "/api/referrals", "{\"childId\":" + child + ",\"urgency\":\"PLANNED\",\"requiredBy\":\""
                        + LocalDate.now().plusDays(20) + "\",\"placementType\":\"SUPPORTED_ACCOMMODATION\",\"plannedWeeks\":12,"
                        + "\"maxDistanceMiles\":20,\"needs\":[],\"completedBy\":\"Sam\",\"knowsChild\":true}", 201);
                referralIds.put(referral.get("reference").asText(), referral.get("id").asLong());
            }

            // the required-by timers brought forward to now (as an operator can in Cockpit), while node A is the only
            // node: its executor alone fires them and runs the alerts, so node A has run jobs before it dies
            for (String ref : referralIds.keySet()) {
                for (JsonNode job : a.get("admin", "/engine-rest/job?timers=true&activityId=BoundaryEvent_RequiredByPassed&processInstanceId="
                        + a.get("sw1", "/api/referrals/" + referralIds.get(ref)).get("processInstanceId").asText())) {
                    a.put("admin", "/engine-rest/job/" + job.get("id").asText() + "/duedate",
                            "{\"duedate\":\"" + ENGINE_DATE.format(Instant.now().minusSeconds(1)) + "\"}", 204);
                }
            }
            for (String ref : referralIds.keySet()) {
                task(a, "pt1", PlacementReferralProcess.TASK_REVIEW_OVERDUE_REFERRAL, ref);
            }

            try (AppNode b = AppNode.start("node-b", dir, AppNode.freePort(), args(common, "node-b"))) {
                finishOnNodeB(a, b, referralIds, database, began);
            }
        } finally {
            a.kill();
        }
    }

    /** Every task completed on node B; the async jobs run on whichever node's executor takes them, until node A is killed. */
    private static void finishOnNodeB(AppNode a, AppNode b, Map<String, Long> referralIds, Map<String, Object> database, Instant began)
            throws Exception {
        for (String ref : referralIds.keySet()) {
            complete(b, "pt1", task(b, "pt1", PlacementReferralProcess.TASK_TRIAGE, ref), "{\"triageOutcome\":\"ACCEPT\",\"triageNotes\":\"Clear\"}");
        }
        for (String ref : referralIds.keySet()) {
            complete(b, "pt1", task(b, "pt1", PlacementReferralProcess.TASK_REVIEW_OVERDUE_REFERRAL, ref), "{\"overduePlan\":\"Placement found; plan agreed\"}");
            complete(b, "pt1", task(b, "pt1", PlacementSearchProcess.TASK_REVIEW_IN_HOUSE_OPTIONS, ref),
                    "{\"restrictToInHouse\":true,\"restrictionReason\":\"Our own lodgings meet her needs\",\"unsuitableOptionIds\":[]}");
        }
        for (Map.Entry<String, Long> r : referralIds.entrySet()) {
            String selectTask = task(b, "sw1", PlacementReferralProcess.TASK_SELECT_PLACEMENT, r.getKey());
            JsonNode chosen = null;
            for (JsonNode o : b.get("sw1", "/api/referrals/" + r.getValue() + "/options")) {
                if (o.get("serviceName").asText().equals("Cluster Lodgings flats")) {
                    chosen = o;
                }
            }
            assertThat(chosen).as("the cluster's lodgings among the options of " + r.getKey()).isNotNull();
            complete(b, "sw1", selectTask, "{\"selectedOptionId\":" + chosen.get("id").asLong()
                    + ",\"selectionReason\":\"Near her school\",\"searchAgain\":false}");
        }
        // the approvals start the placement steps (asynchronous); node A dies while they run
        int approved = 0;
        Instant killedAt = null;
        for (String ref : referralIds.keySet()) {
            complete(b, "tm1", task(b, "tm1", PlacementReferralProcess.TASK_APPROVE_PLACEMENT, ref), "{\"approvalDecision\":\"APPROVE\",\"approvalReason\":\"Good match\"}");
            if (++approved == REFERRALS / 2) {
                a.kill();
                killedAt = Instant.now();
            }
        }
        assertThat(a.alive()).isFalse();

        // the survivor finishes every instance
        for (Map.Entry<String, Long> r : referralIds.entrySet()) {
            complete(b, "sw1", task(b, "sw1", PlacementReferralProcess.TASK_WRITE_PLACEMENT_PLAN, r.getKey()), "{\"placementPlanSummary\":\"Goals agreed with her\"}");
            // every letter confirmed sent, from the choices the task's form offers
            String letters = task(b, "sw1", PlacementReferralProcess.TASK_SEND_NOTIFICATIONS, r.getKey());
            JsonNode choices = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    b.get("sw1", "/engine-rest/task/" + letters + "/form-variables").get("letterChoices").get("value").asText());
            List<String> ids = new java.util.ArrayList<>();
            choices.forEach(c -> ids.add("\"" + c.get("value").asText() + "\""));
            complete(b, "sw1", letters, "{\"lettersSent\":[" + String.join(",", ids) + "]}");
            JsonNode instance = b.get("admin", "/engine-rest/history/process-instance?processDefinitionKey=placementReferral&processInstanceBusinessKey=" + r.getKey());
            assertThat(instance).hasSize(1);
            assertThat(instance.get(0).get("state").asText()).as(r.getKey()).isEqualTo("COMPLETED");
        }

        try (Connection c = DriverManager.getConnection((String) database.get("spring.datasource.url"), "postgres", "postgres")) {
            long twice = count(c, "select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2 group by job_id_ having count(*) > 1) d");
            long byA = count(c, "select count(*) from act_hi_job_log where job_state_ = 2 and hostname_ = 'node-a' and timestamp_ >= ?", began);
            long byB = count(c, "select count(*) from act_hi_job_log where job_state_ = 2 and hostname_ = 'node-b' and timestamp_ >= ?", began);
            long byBAfterKill = count(c, "select count(*) from act_hi_job_log where job_state_ = 2 and hostname_ = 'node-b' and timestamp_ >= ?", killedAt);
            long timers = count(c, "select count(*) from act_hi_job_log where job_state_ = 2 and act_id_ = 'BoundaryEvent_RequiredByPassed' and timestamp_ >= ?", began);
            long placements = count(c, "select count(*) from placement p join referral r on r.id = p.referral_id where r.reference in ("
                    + String.join(",", referralIds.keySet().stream().map(k -> "'" + k + "'").toList()) + ")");
            long reviews = count(c, "select count(*) from act_hi_procinst where proc_def_key_ = 'iroReview' and start_time_ >= ?", began);
            long incidents = count(c, "select count(*) from act_ru_incident");
            assertThat(twice).as("jobs executed more than once").isZero();
            assertThat(byA).as("jobs node A executed before it died").isPositive();
            assertThat(byB).as("jobs node B executed").isPositive();
            assertThat(byBAfterKill).as("jobs node B executed after A died").isPositive();
            assertThat(timers).as("required-by timers fired, once each").isEqualTo(REFERRALS);
            assertThat(placements).as("one placement per referral").isEqualTo(REFERRALS);
            assertThat(reviews).as("one IRO review process per placement").isEqualTo(REFERRALS);
            assertThat(incidents).isZero();
            ReliabilityFigures.record("Two nodes on one PostgreSQL, node A SIGKILLed",
                    "%d referrals, %d jobs run (%d by A, %d by B, %d of them after A died), %d run twice, %d instances lost, %d placements",
                    REFERRALS, byA + byB, byA, byB, byBAfterKill,
                    twice, 0, placements);
        }
    }

    static String[] args(List<String> common, String hostname) {
        List<String> all = new ArrayList<>(common);
        all.add("--camunda.bpm.generic-properties.properties.hostname=" + hostname);
        return all.toArray(String[]::new);
    }

    /**
     * Waits until the user sees the referral's task (jobs may still be running on either node, and a job locked by the
     * killed node is taken up again only when its lock expires).
     */
    static String task(AppNode node, String user, String taskKey, String reference) {
        JsonNode tasks = await(user + " on " + node.name + " seeing " + taskKey + " of " + reference).atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> node.get(user, "/engine-rest/task?taskDefinitionKey=" + taskKey + "&processInstanceBusinessKey=" + reference),
                        found -> found.size() == 1);
        return tasks.get(0).get("id").asText();
    }

    static void complete(AppNode node, String user, String taskId, String variables) throws Exception {
        node.post(user, "/api/tasks/" + taskId + "/complete", variables, 200);
    }

    static long count(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setTimestamp(i + 1, Timestamp.from((Instant) params[i]));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
