package uk.gov.placements.benchmark;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.stereotype.Component;
import uk.gov.placements.Journeys;
import uk.gov.placements.child.Child;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.placement.PlacementRepository;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.search.PlacementOption;
import uk.gov.placements.search.PlacementOptionRepository;

/**
 * Complete referral journeys through the product's services and real delegates (triage, in-house
 * search, external search to 5 providers and their offers, selection, approval, the placement
 * record, the plan, the first IRO review and the first monitoring round), against the floor: the
 * same engine driving the same count of user tasks, asynchronous service tasks, timers and a call
 * activity, with no product logic and no business data.
 */
@Component
public class JourneyBenchmark {
    static final int USER_TASKS_AFTER_SEARCH = 2;
    private final Journeys journeys;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final RepositoryService repositoryService;
    private final PlacementOptionRepository options;
    private final PlacementRepository placements;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    public JourneyBenchmark(Journeys journeys, TaskService taskService, RuntimeService runtimeService, ManagementService managementService,
                            RepositoryService repositoryService, PlacementOptionRepository options, PlacementRepository placements,
                            org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.journeys = journeys;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.repositoryService = repositoryService;
        this.options = options;
        this.placements = placements;
    }

    /** {@code homesMiscounted}: homes whose vacancies do not show one place fewer for each child placed there. */
    public record Figures(int journeys, int threads, long journeyMillis, int placed, int homesMiscounted, long floorMillis) {
        public double journeysPerSecond() {
            return journeys * 1000.0 / Math.max(1, journeyMillis);
        }

        public double ratio() {
            return (double) journeyMillis / Math.max(1, floorMillis);
        }
    }

    /**
     * {@code n} journeys and {@code n} floor instance sets, in alternating rounds of {@code benchmark.round}
     * (100), on {@code threads} threads, as a region's social workers, managers and IROs work at the same
     * time; the floor runs on as many threads.
     */
    public Figures run(int n, int threads) {
        Journeys.Council council = journeys.newCouncil();
        int places = Math.max(10, n * 2);
        for (int i = 0; i < 3; i++) {
            CareService s = journeys.inHouse(council, council.id(), PlacementType.FOSTER, 450 + i, NeedCode.AUTISM);
            journeys.service(s.getProvider(), council.id(), PlacementType.FOSTER, 450 + i, places, council.lat() + 0.01, council.lon(), NeedCode.AUTISM);
        }
        for (int i = 0; i < 5; i++) {
            CareService s = journeys.independent(council, council.id(), PlacementType.FOSTER, 900 + i, OfstedRating.GOOD, NeedCode.AUTISM);
            journeys.service(s.getProvider(), council.id(), PlacementType.FOSTER, 900 + i, places, council.lat() - 0.02, council.lon(), NeedCode.AUTISM);
        }
        deployFloor();
        // journeys and floor take turns, a round of each, so both meet a database of the same size: run one after
        // the other, a year's floor met the year's history the journeys had left and took longer than the journeys
        // (with -Dbenchmark.sqlStatistics, one round each, so each phase's statements are its own)
        int round = Boolean.getBoolean("benchmark.sqlStatistics") ? n : Math.max(1, Integer.getInteger("benchmark.round", 100));
        long journeyNanos = 0;
        long floorNanos = 0;
        int placed = 0;
        for (int done = 0; done < n; done += round) {
            int batch = Math.min(round, n - done);
            sqlStatistics(true);
            long start = System.nanoTime();
            placed += inParallel(threads, batch, () -> journey(council));
            journeyNanos += System.nanoTime() - start;
            sqlStatistics(false);
            sqlStatistics(true);
            start = System.nanoTime();
            inParallel(threads, batch, () -> {
                floor(council);
                return true;
            });
            floorNanos += System.nanoTime() - start;
            sqlStatistics(false);
        }
        // every home started with all its places vacant: each must now show one place fewer for each child placed there
        // (never fewer than none: journeys running together may place more children than a small home has room for)
        int miscounted = jdbc.queryForObject("select count(*) from care_service s where s.local_authority = ? and s.vacancies <> "
                + "greatest(0, s.places - (select count(*) from placement p where p.service_id = s.id))", Integer.class, council.id());
        long journeyMillis = journeyNanos / 1_000_000;
        long floorMillis = floorNanos / 1_000_000;
        return new Figures(n, threads, journeyMillis, placed, miscounted, floorMillis);
    }

    /** Runs {@code n} units of work on {@code threads} threads and counts those that returned true; any failure fails the run. */
    private static int inParallel(int threads, int n, java.util.concurrent.Callable<Boolean> work) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(work));
            }
            int done = 0;
            for (java.util.concurrent.Future<Boolean> r : results) {
                done += r.get() ? 1 : 0;
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a journey failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * With -Dbenchmark.sqlStatistics=true on H2: the statements of the phase just run, by total time,
     * with their counts (H2's QUERY_STATISTICS), to find what costs most.
     */
    private void sqlStatistics(boolean on) {
        if (!Boolean.getBoolean("benchmark.sqlStatistics")) {
            return;
        }
        if (on) {
            jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 2000");
            jdbc.execute("SET QUERY_STATISTICS TRUE");
            return;
        }
        var rows = jdbc.queryForList("select SQL_STATEMENT, EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME from INFORMATION_SCHEMA.QUERY_STATISTICS "
                + "order by CUMULATIVE_EXECUTION_TIME desc");
        long count = rows.stream().mapToLong(r -> ((Number) r.get("EXECUTION_COUNT")).longValue()).sum();
        double millis = rows.stream().mapToDouble(r -> ((Number) r.get("CUMULATIVE_EXECUTION_TIME")).doubleValue()).sum();
        System.out.printf("%nSQL: %d statements, %.0f ms in the database%n", count, millis);
        rows.stream().limit(Integer.getInteger("benchmark.sqlStatisticsTop", 40)).forEach(r -> {
            String sql = String.valueOf(r.get("SQL_STATEMENT")).replaceAll("\\s+", " ");
            System.out.printf("%8d %9.1f ms  %s%n", ((Number) r.get("EXECUTION_COUNT")).longValue(),
                    ((Number) r.get("CUMULATIVE_EXECUTION_TIME")).doubleValue(), sql.substring(0, Math.min(220, sql.length())));
        });
        jdbc.execute("SET QUERY_STATISTICS FALSE");
    }

    /** One child from referral to the first IRO review and the first monitoring round; true when placed. */
    boolean journey(Journeys.Council council) {
        Child child = journeys.child(council, 11);
        Referral r = journeys.refer(child, "PLANNED", PlacementType.FOSTER, 4, null, NeedCode.AUTISM);
        complete(r.getProcessInstanceId(), null, Map.of("triageOutcome", "ACCEPT"));
        ProcessInstance search = runtimeService.createProcessInstanceQuery().superProcessInstanceId(r.getProcessInstanceId()).singleResult();
        complete(search.getId(), "Task_ReviewInHouseOptions", Map.of("restrictToInHouse", false));
        journeys.offerAll(search);
        PlacementOption independent = options.findByReferralIdOrderByRankPositionAscIdAsc(r.getId()).stream()
                .filter(o -> !o.isInHouse() && o.getRankPosition() != null).min(java.util.Comparator.comparing(PlacementOption::getRankPosition))
                .orElseThrow();
        complete(r.getProcessInstanceId(), "Task_SelectPlacement", Map.of("selectedOptionId", independent.getId(),
                "selectionReason", "Independent carers experienced with autism"));
        complete(r.getProcessInstanceId(), "Task_ApprovePlacement", Map.of("approvalDecision", "APPROVE"));
        complete(r.getProcessInstanceId(), "Task_WritePlacementPlan", Map.of("placementPlanSummary", "Settle; school; contact"));
        Long placementId = placements.findByChildIdOrderByStartDateAscIdAsc(child.getId()).get(0).getId();

        ProcessInstance reviews = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("CHILD-" + child.getId()).singleResult();
        fireTimer(reviews.getId());
        for (Task t : taskService.createTaskQuery().processInstanceId(reviews.getId()).list()) {
            taskService.complete(t.getId(), Map.of("consultedOn", LocalDate.now().toString(), "views", "Settled"));
        }
        complete(reviews.getId(), "Task_HoldReview", Map.of("reviewDecisions", "Plan endorsed", "recommendations", "Keep school", "reviewOutcome", "ENDORSED"));

        ProcessInstance monitoring = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("PLACEMENT-" + placementId).singleResult();
        fireTimer(monitoring.getId());
        complete(monitoring.getId(), "Task_GiveFeedback", Map.of("needsMet", true, "feedback", "Going well"));
        Map<String, Object> formD = new HashMap<>(Map.of("schoolAttendance", 95.0, "healthAppointmentsKept", 100.0, "sdqScore", 12,
                "missingEpisodes", 0, "goalProgress", "On track"));
        complete(monitoring.getId(), "Task_SubmitOutcomeReport", formD);
        complete(monitoring.getId(), "Task_ReviewMonitoring", Map.of("rating", "GREEN"));
        return runtimeService.createProcessInstanceQuery().processInstanceId(r.getProcessInstanceId()).count() == 0
                && placements.findById(placementId).isPresent();
    }

    private void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
        var query = taskService.createTaskQuery().processInstanceId(processInstanceId);
        Task task = taskKey == null ? query.singleResult() : query.taskDefinitionKey(taskKey).singleResult();
        taskService.complete(task.getId(), variables);
        journeys.runDueJobsOf(processInstanceId, superOrSelf(processInstanceId));
    }

    private String superOrSelf(String processInstanceId) {
        ProcessInstance sub = runtimeService.createProcessInstanceQuery().superProcessInstanceId(processInstanceId).singleResult();
        return sub == null ? processInstanceId : sub.getId();
    }

    private void fireTimer(String processInstanceId) {
        journeys.runDueJobsOf(processInstanceId);   // its scheduling step first
        Job timer = managementService.createJobQuery().processInstanceId(processInstanceId).timers().list().stream()
                .min(java.util.Comparator.comparing(Job::getDuedate)).orElseThrow();
        managementService.executeJob(timer.getId());
        journeys.runDueJobsOf(processInstanceId);
    }

    // ---- the floor

    private boolean floorDeployed;

    /** The journey's shape with no product logic: 17 user tasks, 9 async and 5 sync service tasks, 2 timers, a call activity. */
    void deployFloor() {
        if (floorDeployed) {
            return;
        }
        BpmnModelInstance search = Bpmn.createExecutableProcess("floorSearch").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask().camundaAsyncBefore().camundaExpression("${true}")
                .userTask("floorReview").camundaCandidateGroups("placements-team").serviceTask().camundaExpression("${true}")
                .serviceTask().camundaAsyncBefore().camundaExpression("${true}")
                .userTask("floorOffer").camundaCandidateGroups("provider-0").multiInstance().cardinality("5").multiInstanceDone()
                .serviceTask().camundaAsyncBefore().camundaExpression("${true}").endEvent().done();
        BpmnModelInstance main = Bpmn.createExecutableProcess("floorMain").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask().camundaExpression("${true}").userTask("floorTriage").camundaCandidateGroups("placements-team")
                .callActivity().calledElement("floorSearch").userTask("floorSelect").camundaCandidateGroups("social-workers")
                .serviceTask().camundaExpression("${true}").serviceTask().camundaExpression("${true}").userTask("floorApprove").camundaCandidateGroups("team-managers")
                .serviceTask().camundaAsyncBefore().camundaExpression("${true}").serviceTask().camundaAsyncBefore().camundaExpression("${true}")
                .serviceTask().camundaAsyncBefore().camundaExpression("${true}").userTask("floorPlan").camundaCandidateGroups("social-workers").endEvent().done();
        BpmnModelInstance reviews = Bpmn.createExecutableProcess("floorReviews").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask().camundaAsyncBefore().camundaExpression("${true}")
                .intermediateCatchEvent().timerWithDuration("P30D")
                .userTask("floorConsult").camundaCandidateGroups("iros").multiInstance().cardinality("3").parallel().multiInstanceDone()
                .userTask("floorHold").camundaCandidateGroups("iros").endEvent().done();
        BpmnModelInstance rounds = Bpmn.createExecutableProcess("floorRounds").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask().camundaExpression("${true}").serviceTask().camundaAsyncBefore().camundaExpression("${true}")
                .intermediateCatchEvent().timerWithDuration("P42D")
                .userTask("floorFeedback").camundaCandidateGroups("social-workers").userTask("floorFormD").camundaCandidateGroups("provider-0").serviceTask().camundaAsyncBefore().camundaExpression("${true}")
                .userTask("floorRate").camundaCandidateGroups("contracts-officers").endEvent().done();
        repositoryService.createDeployment().name("benchmark floor").addModelInstance("floorSearch.bpmn", search)
                .addModelInstance("floorMain.bpmn", main).addModelInstance("floorReviews.bpmn", reviews)
                .addModelInstance("floorRounds.bpmn", rounds).deploy();
        floorDeployed = true;
    }

    void floor(Journeys.Council council) {
        // the journey's tasks have candidate groups and belong to a council (tenant): so do the floor's
        Map<String, Object> inCouncil = Map.of("council", council.id());
        ProcessInstance main = runtimeService.startProcessInstanceByKey("floorMain", inCouncil);
        drain(main.getId());
        ProcessInstance reviews = runtimeService.startProcessInstanceByKey("floorReviews", inCouncil);
        drain(reviews.getId());
        ProcessInstance rounds = runtimeService.startProcessInstanceByKey("floorRounds", inCouncil);
        drain(rounds.getId());
    }

    /** Completes every task and runs every job (timers included) of an instance and its called instance until it ends. */
    private void drain(String processInstanceId) {
        for (int step = 0; step < 100; step++) {
            String sub = superOrSelf(processInstanceId);
            List<Job> jobs = managementService.createJobQuery().processInstanceId(sub).list();
            if (jobs.isEmpty() && !sub.equals(processInstanceId)) {
                jobs = managementService.createJobQuery().processInstanceId(processInstanceId).list();
            }
            if (!jobs.isEmpty()) {
                jobs.forEach(j -> managementService.executeJob(j.getId()));
                continue;
            }
            List<Task> tasks = taskService.createTaskQuery().processInstanceId(sub).list();
            if (tasks.isEmpty()) {
                tasks = taskService.createTaskQuery().processInstanceId(processInstanceId).list();
            }
            if (tasks.isEmpty()) {
                return;
            }
            tasks.forEach(t -> taskService.complete(t.getId()));
        }
        throw new IllegalStateException("floor instance did not end");
    }
}
