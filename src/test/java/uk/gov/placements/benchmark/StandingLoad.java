package uk.gov.placements.benchmark;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.placements.common.UkTime;
import uk.gov.placements.iro.IroReviewProcess;
import uk.gov.placements.monitoring.ContractMonitoringProcess;

/**
 * England's standing load written into a PostgreSQL database without driving a journey: {@code 83,000 × scale} children in
 * care, each placed, with their held reviews and the next one scheduled, and a running {@code iroReview} waiting on that
 * review's consultation window; the first {@code 40,000 × scale} of them placed with independent providers, each with its
 * earlier rounds rated and a running {@code contractMonitoring} waiting on the next round; and {@code 100,000 × scale}
 * ended referrals, each a copy of one real ended journey (its referral row, decision records and the history rows of its
 * process tree, the search it called included), spread over the past year.
 *
 * <p>The product's rows go in by SQL. The running instances are started by the engine itself, in their waiting state
 * ({@code startBeforeActivity} the timer, listeners and input mappings skipped), with the variables the real instance
 * holds there, so the engine writes their executions, timer jobs, message subscriptions, variables and history as it
 * would; many instances share a transaction. The consultation windows fall at 09:00 over the next 26 weeks (every child
 * is reviewed at least every 6 months) and the rounds over the next 6 weeks (the monitoring interval of a first round,
 * the shortest there is), so a day holds 1/182 of the reviews and 1/42 of the rounds.
 */
final class StandingLoad {
    /** Seeded rows' ids start here, clear of the demo data's and the journeys'. */
    static final long BASE = 1_000_000;
    static final int COUNCILS = 150;
    static final int REVIEW_DAYS = 182;
    static final int ROUND_DAYS = 42;
    /** Independent providers: about one for every 50 independent placements. */
    static final int PLACEMENTS_PER_PROVIDER = 50;
    private static final int PER_TRANSACTION = 200;

    final int children;
    final int independent;
    final int endedReferrals;
    private final JdbcTemplate jdbc;
    private final RuntimeService runtimeService;
    private final TransactionTemplate tx;
    private final LocalDate today;

    StandingLoad(JdbcTemplate jdbc, RuntimeService runtimeService, PlatformTransactionManager transactions, Clock clock, double scale) {
        this.today = UkTime.today(clock);
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.tx = new TransactionTemplate(transactions);
        this.children = Math.max(COUNCILS, (int) Math.round(83_000 * scale));
        this.independent = Math.max(2, (int) Math.round(40_000 * scale));
        this.endedReferrals = Math.max(10, (int) Math.round(100_000 * scale));
    }

    /** Council of the i-th seeded child (and of its placement and reviews): the demo's two councils and 148 others. */
    static String council(long i) {
        int c = (int) (i % COUNCILS);
        return c == 0 ? "northshire" : c == 1 ? "eastmoor" : "council-" + c;
    }

    private static final String COUNCIL_SQL = "(case when %1$s %% 150 = 0 then 'northshire' when %1$s %% 150 = 1 then 'eastmoor' "
            + "else 'council-' || (%1$s %% 150) end)";

    static String councilSql(String i) {
        return String.format(COUNCIL_SQL, i);
    }

    int providers() {
        return Math.max(1, independent / PLACEMENTS_PER_PROVIDER);
    }

    /** The consultation window of the i-th child's next review: 09:00 UK time, 1 to 182 days from today. */
    LocalDateTime consultationOpens(int i) {
        return today.plusDays(1 + i % REVIEW_DAYS).atTime(9, 0);
    }

    /** The next round of the i-th independent placement: 09:00, 1 to 42 days from today. */
    LocalDate roundDue(int i) {
        return today.plusDays(1 + i % ROUND_DAYS);
    }

    /** The register, children, placements, reviews and rounds (SQL); then the running instances (the engine), on {@code threads}. */
    void seedChildren(int threads) {
        jdbc.update("insert into provider (id, name, kind, sector, council, ofsted_rating, accreditation_status, accreditation_expiry, suspended, "
                + "created_at) select ? + c, 'Own provision of ' || " + councilSql("c") + ", 'IN_HOUSE', 'PUBLIC', " + councilSql("c")
                + ", 'GOOD', 'ACCREDITED', null, false, now() from generate_series(0, ? - 1) c", BASE, COUNCILS);
        jdbc.update("insert into provider (id, name, kind, sector, council, ofsted_rating, accreditation_status, accreditation_expiry, suspended, "
                + "created_at) select ? + p, 'Independent provider ' || p, 'INDEPENDENT', 'PRIVATE', null, 'GOOD', 'ACCREDITED', "
                + "current_date + 300, false, now() from generate_series(0, ? - 1) p", BASE + COUNCILS, providers());
        // homes and carers where ScaleBenchmarkTest puts the councils (England), far from the journeys' councils, whose options stay theirs
        jdbc.update("insert into care_service (id, provider_id, name, placement_type, min_age, max_age, places, vacancies, local_authority, "
                + "postcode, latitude, longitude, weekly_fee) select id, id, name, type, 0, 17, 2000, 1000, la, 'LS6 2AB', "
                + "50.8 + (id % 97) * 0.04, -3.3 + (id % 89) * 0.054, fee from ("
                + "select ? + c as id, 'Own carers of ' || " + councilSql("c") + " as name, 'FOSTER' as type, " + councilSql("c")
                + " as la, 550 as fee from generate_series(0, ? - 1) c union all "
                + "select ? + p, 'Independent home ' || p, 'CHILDRENS_HOME', 'council-' || (2 + p % 148), 4800 from generate_series(0, ? - 1) p) s",
                BASE, COUNCILS, BASE + COUNCILS, providers());
        // each independent provider's group in the Tasklist, with one member of staff who signs in (as ScaleBenchmarkTest's register)
        jdbc.update("insert into act_id_group (id_, rev_, name_, type_) select 'provider-' || (? + p), 1, 'Independent provider ' || p, "
                + "'PROVIDER' from generate_series(0, ? - 1) p", BASE + COUNCILS, providers());
        jdbc.update("insert into act_id_user (id_, rev_, first_) select 'standing-staff-' || (? + p), 1, 'Staff ' || p "
                + "from generate_series(0, ? - 1) p", BASE + COUNCILS, providers());
        jdbc.update("insert into act_id_membership (user_id_, group_id_) select 'standing-staff-' || (? + p), 'provider-' || (? + p) "
                + "from generate_series(0, ? - 1) p", BASE + COUNCILS, BASE + COUNCILS, providers());
        jdbc.update("insert into child (id, council, first_name, last_name, date_of_birth, gender, postcode, latitude, longitude, legal_status, "
                + "looked_after_since, created_at, allocated_social_worker, iro, category_of_need, ethnicity) "
                + "select ? + i, " + councilSql("i") + ", 'Standing', 'Load ' || i, current_date - 400 - (i * 37) % 5800, "
                + "case when i % 2 = 0 then 'FEMALE' else 'MALE' end, 'LS6 2AB', 53.8, -1.55, 'C2', current_date - 60 - (i * 13) % 1400, now(), "
                + "case when i % 150 = 0 then 'sw1' end, case when i % 150 = 0 then 'iro1' end, 'N1', 'WBRI' from generate_series(0, ? - 1) i",
                BASE, children);
        // each child's placement: independent for the first of them, the council's own carers for the rest
        jdbc.update("insert into placement (id, child_id, council, service_id, provider_id, placement_type, status, start_date, weekly_cost, "
                + "distance_miles, out_of_area, at_distance, in_house, second_best, place_code, place_provider_code, home_postcode, "
                + "placement_postcode, siblings_placed_together, approved_by, approver_group, approved_at, plan_due, plan_written_at) "
                + "select ? + i, ? + i, " + councilSql("i") + ", s, s, case when ind then 'CHILDRENS_HOME' else 'FOSTER' end, 'ACTIVE', st, "
                + "case when ind then 4800 else 550 end, 6.5, false, false, not ind, false, case when ind then 'K2' else 'U1' end, "
                + "case when ind then 'PR4' else 'PR1' end, 'LS6 2AB', 'LS6 3CD', false, 'tm1', 'team-managers', st - 7, st, st - 1 "
                + "from (select i, i < ? as ind, case when i < ? then ? + ? + i % ? else ? + i % 150 end as s, "
                + "case when i < ? then current_date + 1 + i % 42 - 42 else current_date - 30 - (i * 7) % 900 end as st "
                + "from generate_series(0, ? - 1) i) x",
                BASE, BASE, independent, independent, BASE, COUNCILS, providers(), BASE, independent, children);
        // the reviews held (none to three a child) and the next one, scheduled, due 10 working days (14 days) after its window opens
        jdbc.update("insert into iro_review (child_id, council, sequence_number, due_date, status, brought_forward, held_on, held_by, decisions, "
                + "recommendations, outcome, participation) select ? + i, " + councilSql("i") + ", k, current_date - 182 * (i % 4 - k + 1), "
                + "'HELD', false, current_date - 182 * (i % 4 - k + 1), 'iro1', 'Plan endorsed', 'Keep school', 'ENDORSED', 'PN1' "
                + "from generate_series(0, ? - 1) i cross join generate_series(1, 3) k where k <= i % 4", BASE, children);
        jdbc.update("insert into iro_review (id, child_id, council, sequence_number, due_date, status, brought_forward) "
                + "select ? + i, ? + i, " + councilSql("i") + ", i % 4 + 1, current_date + 1 + i % ? + 14, 'SCHEDULED', false "
                + "from generate_series(0, ? - 1) i", BASE, BASE, REVIEW_DAYS, children);
        // each independent placement's earlier rounds (none to four, rated) and the next, open
        jdbc.update("insert into monitoring_round (placement_id, provider_id, child_id, council, round_number, due_date, status, needs_met, "
                + "rating, rating_reason, rated_by, rated_at) select ? + i, p.provider_id, ? + i, p.council, k, p.start_date - 42 * (i % 5 - k + 1), "
                + "'RATED', true, 'GREEN', 'Going well', 'co1', now() - interval '42 days' * (i % 5 - k + 1) "
                + "from generate_series(0, ? - 1) i join placement p on p.id = ? + i cross join generate_series(1, 4) k where k <= i % 5",
                BASE, BASE, independent, BASE);
        jdbc.update("insert into monitoring_round (id, placement_id, provider_id, child_id, council, round_number, due_date, evidence_due, "
                + "evidence_escalation, status) select ? + i, ? + i, p.provider_id, ? + i, p.council, i % 5 + 1, current_date + 1 + i % 42, "
                + "current_date + 15 + i % 42, current_date + 22 + i % 42, 'OPEN' from generate_series(0, ? - 1) i join placement p on p.id = ? + i",
                BASE, BASE, BASE, independent, BASE);
        for (String table : List.of("provider", "care_service", "child", "placement", "iro_review", "monitoring_round")) {
            jdbc.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from " + table + "))");
        }
        inBatches(threads, children, this::startReviews);
        inBatches(threads, independent, this::startMonitoring);
        jdbc.execute("analyze");
    }

    /** The i-th child's reviews, waiting on the consultation window of the next one, with the variables Task_ScheduleReview set. */
    private void startReviews(int i) {
        long id = BASE + i;
        LocalDateTime opens = consultationOpens(i);
        Map<String, Object> variables = new HashMap<>();
        variables.put(IroReviewProcess.CHILD_ID, id);
        variables.put(IroReviewProcess.COUNCIL, council(i));
        variables.put(IroReviewProcess.REVIEW_ID, id);
        variables.put(IroReviewProcess.CONSULTATION_OPENS, UkTime.timerDate(opens));
        variables.put(IroReviewProcess.REMINDER_AT, UkTime.timerDate(opens.plusDays(7)));
        runtimeService.createProcessInstanceByKey(IroReviewProcess.KEY).businessKey(IroReviewProcess.businessKey(id)).setVariables(variables)
                .startBeforeActivity(IroReviewProcess.TIMER_CONSULTATION_OPENS).execute(true, true);
    }

    /** The i-th independent placement's monitoring, waiting on its next round, with the variables its start and Task_ScheduleRound set. */
    private void startMonitoring(int i) {
        long id = BASE + i;
        LocalDate due = roundDue(i);
        Map<String, Object> variables = new HashMap<>();
        variables.put(ContractMonitoringProcess.PLACEMENT_ID, id);
        variables.put(ContractMonitoringProcess.PROVIDER_ID, BASE + COUNCILS + i % providers());
        variables.put(ContractMonitoringProcess.COUNCIL, council(i));
        variables.put(ContractMonitoringProcess.PLACEMENT_TYPE, "CHILDRENS_HOME");
        variables.put(ContractMonitoringProcess.WEEKLY_COST, 4800.0);
        variables.put(ContractMonitoringProcess.FIRST_ROUND, false);
        variables.put(ContractMonitoringProcess.MONITORING_INTERVAL, "P6W");
        variables.put(ContractMonitoringProcess.ROUND_ID, id);
        variables.put(ContractMonitoringProcess.ROUND_DUE, UkTime.timerDate(due.atTime(9, 0)));
        variables.put(ContractMonitoringProcess.EVIDENCE_DUE, UkTime.timerDate(due.plusDays(14).atTime(17, 0)));
        variables.put(ContractMonitoringProcess.EVIDENCE_ESCALATION, UkTime.timerDate(due.plusDays(21).atTime(17, 0)));
        runtimeService.createProcessInstanceByKey(ContractMonitoringProcess.KEY).businessKey(ContractMonitoringProcess.businessKey(id))
                .setVariables(variables).startBeforeActivity(ContractMonitoringProcess.TIMER_ROUND_DUE).execute(true, true);
    }

    /** 0..n-1 in transactions of {@value #PER_TRANSACTION}, on {@code threads} threads. */
    private void inBatches(int threads, int n, IntConsumer each) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int from = 0; from < n; from += PER_TRANSACTION) {
                int start = from;
                batches.add(pool.submit(() -> tx.executeWithoutResult(s -> {
                    for (int i = start; i < Math.min(n, start + PER_TRANSACTION); i++) {
                        each.accept(i);
                    }
                })));
            }
            for (Future<?> b : batches) {
                b.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("seeding failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Columns of the engine's that name a model, a deployment or a person, not one instance's row: copied as they are. */
    private static final Set<String> SHARED_COLUMNS = Set.of("proc_def_id_", "proc_def_key_", "act_id_", "job_def_id_", "decision_def_id_",
            "decision_def_key_", "decision_req_def_id_", "decision_req_def_key_", "deployment_id_", "tenant_id_", "user_id_", "group_id_",
            "case_def_id_", "case_def_key_", "clause_id_", "rule_id_", "start_user_id_", "task_def_key_", "act_inst_state_", "start_act_id_",
            "end_act_id_", "job_def_type_", "job_def_configuration_", "failed_act_id_", "org_unit_id_", "operation_id_", "process_def_id_",
            "process_def_key_", "dec_req_id_", "dec_req_key_");

    /**
     * {@link #endedReferrals} copies of the ended referral {@code templateId} (a journey of this run): its referral row and decision
     * records, and every history row of its process tree (the engine's history tables and byte arrays holding its root process
     * instance's id), each copy with ids of its own, a child of the standing load, and its times moved back by up to a year.
     */
    void seedEndedReferrals(long templateId) {
        Map<String, Object> template = jdbc.queryForMap("select process_instance_id, child_id from referral where id = ?", templateId);
        String root = (String) template.get("process_instance_id");
        int n = endedReferrals;
        String g = "g";
        String shift = "interval '1 day' * (" + g + " % 365)";
        Map<String, String> referral = new LinkedHashMap<>();
        referral.put("id", "? + " + g);
        referral.put("reference", "'SL-' || " + g);
        referral.put("child_id", "? + " + g + " % ?");
        referral.put("council", councilSql(g + " % " + children));
        referral.put("placement_id", "? + " + g + " % ?");
        referral.put("current_placement_id", "null");
        referral.put("process_instance_id", copiedId("t.process_instance_id", g));
        copy("referral", "t.id = " + templateId, referral, shift, n, BASE, BASE, children, BASE, children);
        jdbc.execute("select setval(pg_get_serial_sequence('referral', 'id'), (select max(id) from referral))");
        Map<String, String> decisions = new LinkedHashMap<>();
        decisions.put("id", "default");
        decisions.put("referral_id", "? + " + g);
        decisions.put("child_id", "? + " + g + " % ?");
        decisions.put("placement_id", "null");
        copy("decision_record", "t.referral_id = " + templateId, decisions, shift, n, BASE, BASE, children);
        // every engine table of history rows (and the byte arrays of their variables) carries the root instance's id
        List<String> tables = jdbc.queryForList("select table_name from information_schema.columns where table_schema = current_schema() "
                + "and column_name = 'root_proc_inst_id_' and (table_name like 'act_hi_%' or table_name = 'act_ge_bytearray') order by table_name",
                String.class);
        // by default the tables a case or Cockpit reads an ended instance from; -Dbenchmark.standingHistory=all copies every one
        // (details, job logs, identity links, decisions too: some three times the rows, and as much longer to seed)
        String only = System.getProperty("benchmark.standingHistory", "act_hi_procinst,act_hi_actinst,act_hi_taskinst,act_hi_varinst");
        for (String table : tables.stream().filter(t -> only.equals("all") || List.of(only.split(",")).contains(t)).toList()) {
            Map<String, String> ids = new LinkedHashMap<>();
            for (Map<String, Object> c : jdbc.queryForList("select column_name, data_type from information_schema.columns "
                    + "where table_schema = current_schema() and table_name = ?", table)) {
                String column = (String) c.get("column_name");
                boolean text = ((String) c.get("data_type")).contains("char");
                if (column.equals("business_key_")) {
                    ids.put(column, "t." + column + " || '-' || " + g);
                } else if (text && column.endsWith("id_") && !SHARED_COLUMNS.contains(column)) {
                    ids.put(column, copiedId("t." + column, g));
                }
            }
            copy(table, "t.root_proc_inst_id_ = '" + root + "'", ids, shift, n);
        }
        jdbc.execute("analyze");
    }

    /** The id a copy gives a row (or a reference to one): the same for the same id and copy, 32 characters as the engine's ids fit in 64. */
    private static String copiedId(String column, String copy) {
        return "md5(" + column + " || '-' || " + copy + ")";
    }

    /**
     * Inserts n copies of the rows of {@code table} matching {@code where} (alias t), with the given expressions in place of
     * some columns (the copy's number is {@code g}, 1 to n) and every timestamp and date moved back by {@code shift}.
     */
    private void copy(String table, String where, Map<String, String> replaced, String shift, int n, Object... parameters) {
        List<Map<String, Object>> columns = jdbc.queryForList("select column_name, data_type, is_generated from information_schema.columns "
                + "where table_schema = current_schema() and table_name = ? order by ordinal_position", table);
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Map<String, Object> c : columns) {
            String column = (String) c.get("column_name");
            if ("ALWAYS".equals(c.get("is_generated")) || "default".equals(replaced.get(column))) {
                continue;
            }
            String type = (String) c.get("data_type");
            names.add(column);
            values.add(replaced.containsKey(column) ? replaced.get(column)
                    : type.startsWith("timestamp") || type.equals("date") ? "t." + column + " - " + shift : "t." + column);
        }
        jdbc.update("insert into " + table + " (" + String.join(", ", names) + ") select " + String.join(", ", values) + " from " + table
                + " t cross join generate_series(1, " + n + ") g where " + where, parameters);
    }

    /** Rows of the standing load, for the report and the test's checks. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("children in care (seeded)", count("select count(*) from child where id >= ?", BASE));
        counts.put("placements (seeded)", count("select count(*) from placement where id >= ?", BASE));
        counts.put("iroReview running", count("select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_ "
                + "where e.parent_id_ is null and d.key_ = ?", IroReviewProcess.KEY));
        counts.put("contractMonitoring running", count("select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_ "
                + "where e.parent_id_ is null and d.key_ = ?", ContractMonitoringProcess.KEY));
        counts.put("placementReferral ended (history)", count("select count(*) from act_hi_procinst where proc_def_key_ = 'placementReferral' "
                + "and end_time_ is not null"));
        for (String table : List.of("act_ru_execution", "act_ru_job", "act_ru_variable", "act_ru_event_subscr", "act_hi_procinst", "act_hi_actinst",
                "act_hi_taskinst", "act_hi_varinst", "act_hi_detail", "act_hi_job_log", "act_ge_bytearray", "iro_review", "monitoring_round",
                "referral", "decision_record")) {
            counts.put(table, count("select count(*) from " + table));
        }
        return counts;
    }

    private long count(String sql, Object... parameters) {
        return jdbc.queryForObject(sql, Long.class, parameters);
    }
}
