package uk.gov.placements.benchmark;


import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.SubProcessBuilder;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.gov.placements.Fixtures;
import uk.gov.placements.child.Child;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.iro.IroReviewProcess;
import uk.gov.placements.monitoring.ContractMonitoringProcess;
import uk.gov.placements.notification.Notification;
import uk.gov.placements.notification.Notifications;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.referral.PlacementReferralProcess;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.search.PlacementOption;
import uk.gov.placements.referral.search.PlacementSearchProcess;
import uk.gov.placements.referral.search.SearchService;

/**
 * Complete referral journeys through the product's services and real delegates (triage, in-house
 * search, external search to 5 providers and their offers, selection, approval, the placement
 * record, the plan, the first IRO review and the first monitoring round), against two floors: the
 * same engine driving the same count of user tasks, asynchronous service tasks, timers and a call
 * activity, with no product logic and no business data; and the data-faithful floor, the same shape with the journey's
 * gateways that also writes, at the journey's steps, the variables a journey writes ({@link JourneyVariables}). Its councils, register, referrals and offers, and the jobs it
 * runs, come from the {@link Fixtures} it shares with the tests; the journeys, the floor and their timing are its own.
 */
@Component
public class JourneyBenchmark extends Fixtures {
    static final int USER_TASKS_AFTER_SEARCH = 2;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final RepositoryService repositoryService;
    private final SearchService searchService;
    private final PlacementService placements;
    private final JdbcTemplate jdbc;
    private final Notifications notifications;

    public JourneyBenchmark(TaskService taskService, RuntimeService runtimeService, ManagementService managementService,
                            RepositoryService repositoryService, SearchService searchService, PlacementService placements,
                            JdbcTemplate jdbc, Notifications notifications) {
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.repositoryService = repositoryService;
        this.searchService = searchService;
        this.placements = placements;
    }

    /** Rows a journey, or a floor set, wrote: the runtime variables it created, updated and deleted, and its history rows. */
    public record Rows(long variablesCreated, long variablesUpdated, long variablesDeleted, long historyVariables, long historyDetails,
                       long activityInstances, long tasks, long jobs) {
        @Override
        public String toString() {
            return String.format("runtime variables %d created, %d updated, %d deleted; history: %d variables, %d details, "
                    + "%d activity instances, %d tasks, %d jobs", variablesCreated, variablesUpdated, variablesDeleted, historyVariables,
                    historyDetails, activityInstances, tasks, jobs);
        }
    }

    /**
     * {@code homesMiscounted}: homes whose vacancies do not show one place fewer for each child placed there.
     * {@code floorMillis}: the shape-only floor's time; {@code dataFloorMillis}: the data-faithful floor's, which also
     * writes the journey's variables ({@code journeyRows} and {@code floorRows} show it does, {@code unplaced} what it
     * found no place for).
     */
    public record Figures(int journeys, int threads, long journeyMillis, int placed, int homesMiscounted, long floorMillis,
                          long dataFloorMillis, Rows journeyRows, Rows floorRows, long unplaced) {
        public double journeysPerSecond() {
            return journeys * 1000.0 / Math.max(1, journeyMillis);
        }

        public double ratio() {
            return (double) journeyMillis / Math.max(1, floorMillis);
        }

        public double dataFaithfulRatio() {
            return (double) journeyMillis / Math.max(1, dataFloorMillis);
        }
    }

    /**
     * {@code n} journeys, {@code n} shape-only floor sets and {@code n} data-faithful floor sets, in alternating rounds of
     * {@code benchmark.round} (100), on {@code threads} threads, as a region's social workers, managers and IROs work at
     * the same time; the floors run on as many threads. First, untimed, one journey records the variables the
     * data-faithful floor writes, and one set of each counts its rows.
     */
    public Figures run(int n, int threads) {
        Council council = councilWithRegister(Math.max(10, n * 2) + 1);
        deployFloor(SHAPE_FLOOR, false);
        deployFloor(DATA_FLOOR, true);
        Referral probe = refer(child(council, 11), "PLANNED", PlacementType.FOSTER, 4, null, NeedCode.AUTISM);
        JourneyVariables.Recording recording = JourneyVariables.record(() -> {
            JourneyVariables.step(REFER);
            journey(probe);
        });
        Rows journeyRows = rows(journeyRoots(probe), recording.counts);
        List<String> floorRoots = new ArrayList<>();
        JourneyVariables.Recording floorWrites = new JourneyVariables.Recording();
        JourneyVariables.Counts floorCounts = JourneyVariables.replay(recording, () -> floorRoots.addAll(floor(DATA_FLOOR, council)), floorWrites);
        Rows floorRows = rows(floorRoots, floorCounts);
        System.out.printf("journey: %s%nfloor:   %s%n", journeyRows, floorRows);
        printDifferences(recording.shape(), floorWrites.shape());
        printDifferences(activityTypes(journeyRoots(probe)), activityTypes(floorRoots));
        // journeys and floors take turns, a round of each, so all meet a database of the same size: run one after
        // the other, a year's floor met the year's history the journeys had left and took longer than the journeys.
        // With -Dbenchmark.sqlStatistics, the first and the last round print their statements (what grows with the year)
        int round = Math.max(1, Integer.getInteger("benchmark.round", 100));
        int rounds = (n + round - 1) / round;
        long journeyNanos = 0;
        long floorNanos = 0;
        long dataFloorNanos = 0;
        int placed = 0;
        AtomicLong unplaced = new AtomicLong();
        for (int k = 1, done = 0; done < n; k++, done += round) {
            int batch = Math.min(round, n - done);
            boolean statistics = Boolean.getBoolean("benchmark.sqlStatistics") && (k == 1 || k == rounds);
            sqlStatistics(statistics, true);
            long start = System.nanoTime();
            placed += inParallel(threads, batch, () -> journey(council));
            long journeyRound = System.nanoTime() - start;
            sqlStatistics(statistics, false);
            sqlStatistics(statistics, true);
            start = System.nanoTime();
            inParallel(threads, batch, () -> {
                floor(SHAPE_FLOOR, council);
                return true;
            });
            long floorRound = System.nanoTime() - start;
            sqlStatistics(statistics, false);
            sqlStatistics(statistics, true);
            start = System.nanoTime();
            inParallel(threads, batch, () -> {
                unplaced.addAndGet(JourneyVariables.replay(recording, () -> floor(DATA_FLOOR, council)).unplaced());
                return true;
            });
            long dataFloorRound = System.nanoTime() - start;
            sqlStatistics(statistics, false);
            journeyNanos += journeyRound;
            floorNanos += floorRound;
            dataFloorNanos += dataFloorRound;
            System.out.printf("round %d of %d: %d journeys in %.1f s, floor %.1f s, data-faithful floor %.1f s%n", k, rounds, batch,
                    journeyRound / 1e9, floorRound / 1e9, dataFloorRound / 1e9);
        }
        // every home started with all its places vacant: each must now show one place fewer for each child placed there
        // (never fewer than none: journeys running together may place more children than a small home has room for)
        int miscounted = jdbc.queryForObject("select count(*) from care_service s where s.local_authority = ? and s.vacancies <> "
                + "greatest(0, s.places - (select count(*) from placement p where p.service_id = s.id))", Integer.class, council.id());
        return new Figures(n, threads, journeyNanos / 1_000_000, placed, miscounted, floorNanos / 1_000_000, dataFloorNanos / 1_000_000,
                journeyRows, floorRows, unplaced.get() / Math.max(1, n));
    }

    /** Where the data-faithful floor's variable writes differ from the journey's, step by step (none when it is faithful). */
    private static void printDifferences(Map<String, Long> journey, Map<String, Long> floor) {
        SortedSet<String> keys = new TreeSet<>(journey.keySet());
        keys.addAll(floor.keySet());
        keys.stream().filter(k -> !journey.getOrDefault(k, 0L).equals(floor.getOrDefault(k, 0L)))
                .forEach(k -> System.out.printf("  differ: %s: journey %d, floor %d%n", k, journey.getOrDefault(k, 0L),
                        floor.getOrDefault(k, 0L)));
    }

    /** The activity instances in the trees of those roots, by process (the journey's name for the floor's) and activity type. */
    private Map<String, Long> activityTypes(List<String> roots) {
        String in = String.join(",", Collections.nCopies(roots.size(), "?"));
        Map<String, Long> types = new TreeMap<>();
        jdbc.query("select PROC_DEF_KEY_, ACT_TYPE_, count(*) from ACT_HI_ACTINST where ROOT_PROC_INST_ID_ in (" + in + ") "
                + "group by PROC_DEF_KEY_, ACT_TYPE_", rs -> {
                    types.put("activities " + JourneyVariables.JOURNEY_PROCESS.getOrDefault(rs.getString(1), rs.getString(1)) + " "
                            + rs.getString(2), rs.getLong(3));
                }, roots.toArray());
        return types;
    }

    /** The instances a journey left: the referral's (root of the search it called), the child's reviews and the placement's monitoring. */
    private List<String> journeyRoots(Referral r) {
        Long placementId = placements.placementsOf(r.getChild().getId()).get(0).getId();
        return List.of(r.getProcessInstanceId(), instanceOf(IroReviewProcess.KEY_PREFIX + r.getChild().getId()),
                instanceOf(ContractMonitoringProcess.KEY_PREFIX + placementId));
    }

    /** The rows written in the trees of those root instances, with the runtime variable writes counted as they were made. */
    private Rows rows(List<String> roots, JourneyVariables.Counts variables) {
        String in = String.join(",", Collections.nCopies(roots.size(), "?"));
        ToLongFunction<String> count = table -> jdbc.queryForObject(
                "select count(*) from " + table + " where ROOT_PROC_INST_ID_ in (" + in + ")", Long.class, roots.toArray());
        return new Rows(variables.created(), variables.updated(), variables.deleted(), count.applyAsLong("ACT_HI_VARINST"),
                count.applyAsLong("ACT_HI_DETAIL"), count.applyAsLong("ACT_HI_ACTINST"), count.applyAsLong("ACT_HI_TASKINST"),
                jdbc.queryForObject("select count(*) from ACT_HI_JOB_LOG where JOB_STATE_ = 0 and ROOT_PROC_INST_ID_ in (" + in + ")",
                        Long.class, roots.toArray()));
    }

    /**
     * A council of its own with the journey's register: 3 in-house foster carers and 5 independent providers' carers, each
     * matching the journey's child, near the child's home, with two services of {@code places} places each.
     */
    public Council councilWithRegister(int places) {
        Council council = newCouncil();
        for (int i = 0; i < 3; i++) {
            CareService s = inHouse(council, council.id(), PlacementType.FOSTER, 450 + i, NeedCode.AUTISM);
            service(s.getProvider(), council.id(), PlacementType.FOSTER, 450 + i, places, council.lat() + 0.01, council.lon(), NeedCode.AUTISM);
        }
        for (int i = 0; i < 5; i++) {
            CareService s = independent(council, council.id(), PlacementType.FOSTER, 900 + i, OfstedRating.GOOD, NeedCode.AUTISM);
            service(s.getProvider(), council.id(), PlacementType.FOSTER, 900 + i, places, council.lat() - 0.02, council.lon(), NeedCode.AUTISM);
        }
        return council;
    }

    /** Runs {@code n} units of work on {@code threads} threads and counts those that returned true; any failure fails the run. */
    private static int inParallel(int threads, int n, Callable<Boolean> work) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(work));
            }
            int done = 0;
            for (Future<Boolean> r : results) {
                done += r.get() ? 1 : 0;
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a journey failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * With -Dbenchmark.sqlStatistics=true on H2: the statements of the phase just run, by total time,
     * with their counts (H2's QUERY_STATISTICS), to find what costs most.
     */
    private void sqlStatistics(boolean enabled, boolean on) {
        if (!enabled) {
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

    /**
     * One child from referral to the first IRO review and the first monitoring round; true when placed.
     * The harness finds tasks and jobs by the ids and business keys it knows (the referral's instance is the
     * root of the search it calls), never by a process-instance query: on H2 those read every running
     * instance (benchmark-results.md), which would put the harness's cost, not the product's, into the year.
     */
    boolean journey(Council council) {
        JourneyVariables.step(REFER);
        return journey(refer(child(council, 11), "PLANNED", PlacementType.FOSTER, 4, null, NeedCode.AUTISM));
    }

    /** The rest of the journey of a referral just made, of a child of 11 needing foster carers experienced with autism. */
    public boolean journey(Referral r) {
        Child child = r.getChild();
        String root = r.getProcessInstanceId();
        String referral = r.getReference();   // the referral's business key, which the search it calls shares
        complete(referral, root, PlacementReferralProcess.TASK_TRIAGE, Map.of(PlacementReferralProcess.TRIAGE_OUTCOME, "ACCEPT"));
        String search = task(referral, PlacementSearchProcess.TASK_REVIEW_IN_HOUSE_OPTIONS).getProcessInstanceId();
        complete(referral, root, PlacementSearchProcess.TASK_REVIEW_IN_HOUSE_OPTIONS, Map.of(PlacementSearchProcess.RESTRICT_TO_IN_HOUSE, false));
        JourneyVariables.step(PlacementSearchProcess.TASK_RESPOND_TO_REFERRAL);
        offerAll(search, root);
        PlacementOption independent = searchService.optionsOf(r.getId()).stream()
                .filter(o -> !o.isInHouse() && o.getRankPosition() != null).min(Comparator.comparing(PlacementOption::getRankPosition))
                .orElseThrow();
        complete(referral, root, PlacementReferralProcess.TASK_SELECT_PLACEMENT, Map.of(PlacementReferralProcess.SELECTED_OPTION_ID, independent.getId(),
                PlacementReferralProcess.SELECTION_REASON, "Independent carers experienced with autism"));
        complete(referral, root, PlacementReferralProcess.TASK_APPROVE_PLACEMENT, Map.of(PlacementReferralProcess.APPROVAL_DECISION, "APPROVE"));
        complete(referral, root, PlacementReferralProcess.TASK_WRITE_PLACEMENT_PLAN, Map.of(PlacementReferralProcess.PLACEMENT_PLAN_SUMMARY, "Settle; school; contact"));
        Long placementId = placements.placementsOf(child.getId()).get(0).getId();
        complete(referral, root, PlacementReferralProcess.TASK_SEND_NOTIFICATIONS, Map.of(PlacementReferralProcess.LETTERS_SENT, notifications.of(placementId).stream()
                .filter(n -> n.getChannel() == Notification.Channel.LETTER).map(n -> n.getId().toString()).toList()));

        String reviewsKey = "CHILD-" + child.getId();
        String reviews = instanceOf(reviewsKey);
        JourneyVariables.step(TIMER + IroReviewProcess.KEY);
        fireTimer(reviews);
        JourneyVariables.step(CONSULT);
        for (Task t : taskService.createTaskQuery().processInstanceId(reviews).list()) {
            taskService.complete(t.getId(), Map.of("consultedOn", LocalDate.now().toString(), "views", "Settled"));
        }
        complete(reviewsKey, reviews, IroReviewProcess.TASK_HOLD_REVIEW, Map.of("reviewDecisions", "Plan endorsed", "recommendations", "Keep school", IroReviewProcess.REVIEW_OUTCOME, "ENDORSED"));

        String roundsKey = "PLACEMENT-" + placementId;
        String monitoring = instanceOf(roundsKey);
        JourneyVariables.step(TIMER + ContractMonitoringProcess.KEY);
        fireTimer(monitoring);
        complete(roundsKey, monitoring, ContractMonitoringProcess.TASK_GIVE_FEEDBACK, Map.of("needsMet", true, "feedback", "Going well"));
        Map<String, Object> formD = new HashMap<>(Map.of("schoolAttendance", 95.0, "healthAppointmentsKept", 100.0, "sdqScore", 12,
                "missingEpisodes", 0, "goalProgress", "On track"));
        complete(roundsKey, monitoring, ContractMonitoringProcess.TASK_SUBMIT_OUTCOME_REPORT, formD);
        complete(roundsKey, monitoring, ContractMonitoringProcess.TASK_REVIEW_MONITORING, Map.of(ContractMonitoringProcess.RATING, "GREEN"));
        return runtimeService.createExecutionQuery().processInstanceId(root).count() == 0
                && placements.find(placementId).isPresent();
    }

    /** The task of that key in the instances of that business key (a process and the one it called share theirs). */
    private Task task(String businessKey, String taskKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult();
    }

    /** Completes the task and runs the jobs that became due in the instance's tree, as the job executor would. */
    private void complete(String businessKey, String root, String taskKey, Map<String, Object> variables) {
        JourneyVariables.step(taskKey);
        taskService.complete(task(businessKey, taskKey).getId(), variables);
        runDueJobsOfTree(root);
    }

    /** The running instance of a business key, through an execution query (joined on the key's index). */
    private String instanceOf(String businessKey) {
        return runtimeService.createExecutionQuery().processInstanceBusinessKey(businessKey).list().get(0).getProcessInstanceId();
    }

    private void fireTimer(String processInstanceId) {
        runDueJobsOf(processInstanceId);   // its scheduling step first
        fireEarliest(managementService.createJobQuery().processInstanceId(processInstanceId));
        runDueJobsOf(processInstanceId);
    }

    /** Fires the timer of those jobs that is due first, as if its time had come (journey and floor alike). */
    private void fireEarliest(JobQuery jobs) {
        managementService.executeJob(jobs.timers().list().stream().min(Comparator.comparing(Job::getDuedate)).orElseThrow().getId());
    }

    // ---- the floors

    static final String REFER = "refer";
    static final String TIMER = "timer:";
    static final String CONSULT = "consult";
    static final String SHAPE_FLOOR = "floor";
    static final String DATA_FLOOR = "dataFloor";
    /** The floor's tasks and the journey's steps they stand for, where the data-faithful floor writes the journey's variables. */
    private static final Map<String, String> FLOOR_STEP = Map.ofEntries(Map.entry("floorTriage", PlacementReferralProcess.TASK_TRIAGE),
            Map.entry("floorReview", PlacementSearchProcess.TASK_REVIEW_IN_HOUSE_OPTIONS),
            Map.entry("floorOffer", PlacementSearchProcess.TASK_RESPOND_TO_REFERRAL),
            Map.entry("floorSelect", PlacementReferralProcess.TASK_SELECT_PLACEMENT),
            Map.entry("floorApprove", PlacementReferralProcess.TASK_APPROVE_PLACEMENT),
            Map.entry("floorPlan", PlacementReferralProcess.TASK_WRITE_PLACEMENT_PLAN),
            Map.entry("floorLetters", PlacementReferralProcess.TASK_SEND_NOTIFICATIONS), Map.entry("floorConsult", CONSULT), Map.entry("floorConsult2", CONSULT), Map.entry("floorConsult3", CONSULT),
            Map.entry("floorHold", IroReviewProcess.TASK_HOLD_REVIEW), Map.entry("floorFeedback", ContractMonitoringProcess.TASK_GIVE_FEEDBACK),
            Map.entry("floorFormD", ContractMonitoringProcess.TASK_SUBMIT_OUTCOME_REPORT),
            Map.entry("floorRate", ContractMonitoringProcess.TASK_REVIEW_MONITORING));

    private final Set<String> floorsDeployed = ConcurrentHashMap.newKeySet();

    /**
     * The journey's shape with no product logic: 17 user tasks with candidate groups, 17 service task runs (11 asynchronous), 13
     * timers (the journey's: a provider's deadline on each of the 5 offers, the approval's escalation and the required-by
     * date, and in the reviews and rounds a timer and a reminder per cycle) of which 2 fire, a call activity, and the
     * reviews and rounds looping into their next cycle, where they wait as a child's do. Boundary timers sit where the
     * journey's do (each offer in a scope of its own, the required-by date on the part from triage to approval) so the
     * engine creates and removes the same timer jobs and scopes; each answer continues asynchronously, as the journey's do.
     * The data-faithful floor ({@code writesVariables}) is the same shape under its own keys with one listener on every
     * activity and task, {@link JourneyVariables}, which writes the journey's variables at the journey's steps.
     */
    void deployFloor(String prefix, boolean writesVariables) {
        if (!floorsDeployed.add(prefix)) {
            return;
        }
        BpmnModelInstance search = Bpmn.createExecutableProcess(prefix + "Search").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask().camundaAsyncBefore().camundaExpression("${true}")
                .userTask("floorReview").camundaCandidateGroups("placements-team").serviceTask().camundaExpression("${true}")
                .serviceTask().camundaAsyncBefore().camundaExpression("${true}")
                .subProcess("floorOffers").multiInstance().cardinality("5").<SubProcessBuilder>multiInstanceDone().embeddedSubProcess()
                .startEvent().userTask("floorOffer").camundaCandidateGroups("provider-0").camundaAsyncAfter().endEvent("floorOffered")
                .moveToActivity("floorOffer").boundaryEvent("floorOfferDeadline").timerWithDuration("P5D").endEvent("floorNoOffer")
                .moveToActivity("floorOffers").serviceTask().camundaAsyncBefore().camundaExpression("${true}").endEvent().done();
        BpmnModelInstance main = Bpmn.createExecutableProcess(prefix + "Main").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask().camundaExpression("${true}")
                .subProcess("floorFind").embeddedSubProcess().startEvent().userTask("floorTriage").camundaCandidateGroups("placements-team")
                .callActivity().calledElement(prefix + "Search").camundaInBusinessKey("#{execution.processBusinessKey}")
                .userTask("floorSelect").camundaCandidateGroups("social-workers")
                .serviceTask().camundaExpression("${true}").serviceTask().camundaExpression("${true}")
                .userTask("floorApprove").camundaCandidateGroups("team-managers").endEvent("floorApproved")
                .moveToActivity("floorApprove").boundaryEvent("floorApprovalOverdue").cancelActivity(false).timerWithDuration("P7D").endEvent("floorEscalated")
                .moveToActivity("floorFind").boundaryEvent("floorRequiredByPassed").cancelActivity(false).timerWithDuration("P14D").endEvent("floorAlerted")
                .moveToActivity("floorFind")
                .serviceTask().camundaAsyncBefore().camundaExpression("${true}").serviceTask().camundaAsyncBefore().camundaExpression("${true}")
                .serviceTask().camundaAsyncBefore().camundaExpression("${true}").userTask("floorPlan").camundaCandidateGroups("social-workers")
                .userTask("floorLetters").camundaCandidateGroups("social-workers").endEvent().done();
        BpmnModelInstance reviews = Bpmn.createExecutableProcess(prefix + "Reviews").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("floorScheduleReview").camundaAsyncBefore().camundaExpression("${true}")
                .subProcess("floorReviewCycle").embeddedSubProcess().startEvent().intermediateCatchEvent().timerWithDuration("P30D")
                .parallelGateway("floorConsultations").userTask("floorConsult").camundaCandidateGroups("iros").parallelGateway("floorConsulted")
                .moveToNode("floorConsultations").userTask("floorConsult2").camundaCandidateGroups("iros").connectTo("floorConsulted")
                .moveToNode("floorConsultations").userTask("floorConsult3").camundaCandidateGroups("iros").connectTo("floorConsulted")
                .moveToNode("floorConsulted").userTask("floorHold").camundaCandidateGroups("iros").endEvent("floorReviewHeld")
                .moveToActivity("floorReviewCycle").boundaryEvent("floorReminder").cancelActivity(false).timerWithDuration("P60D").endEvent("floorReminded")
                .moveToActivity("floorReviewCycle").connectTo("floorScheduleReview").done();
        BpmnModelInstance rounds = Bpmn.createExecutableProcess(prefix + "Rounds").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("floorDecideInterval").camundaExpression("${true}").serviceTask().camundaAsyncBefore().camundaExpression("${true}")
                .intermediateCatchEvent().timerWithDuration("P42D")
                .userTask("floorFeedback").camundaCandidateGroups("social-workers").userTask("floorFormD").camundaCandidateGroups("provider-0").serviceTask().camundaAsyncBefore().camundaExpression("${true}")
                .userTask("floorRate").camundaCandidateGroups("contracts-officers").connectTo("floorDecideInterval").done();
        List<BpmnModelInstance> models = List.of(search, main, reviews, rounds);
        if (writesVariables) {
            // the journey's gateways, as many in each process as a journey passes (the data-faithful floor's shape only)
            gateways(search, "floorReview", 7, false);
            gateways(search, "floorOffers", 7, false);
            gateways(main, "floorTriage", 2, false);
            gateways(main, "floorSelect", 4, false);
            gateways(main, "floorPlan", 2, false);
            gateways(main, "floorApprove", 3, true);
            gateways(reviews, "floorHold", 3, false);
            gateways(rounds, "floorDecideInterval", 1, false);
            gateways(rounds, "floorFeedback", 2, false);
            gateways(rounds, "floorRate", 2, false);
            gateways(rounds, "floorFormD", 3, true);
            models.forEach(JourneyBenchmark::listenEverywhere);
        }
        var deployment = repositoryService.createDeployment().name("benchmark " + prefix);
        models.forEach(m -> deployment.addModelInstance(m.getModelElementsByType(Process.class).iterator().next().getId() + ".bpmn", m));
        deployment.deploy();
    }

    /**
     * {@code n} gateways after the node, in a row, each a decision the engine takes (an exclusive gateway's condition
     * evaluated, or a parallel gateway's join): what the journey's gateways cost the engine, with none of their rules.
     */
    private static void gateways(BpmnModelInstance model, String after, int n, boolean parallel) {
        FlowNode node = model.getModelElementById(after);
        SequenceFlow flow = node.getOutgoing().iterator().next();
        FlowNode target = flow.getTarget();
        var parent = flow.getParentElement();
        for (int i = 0; i < n; i++) {
            Gateway gateway = parallel ? model.newInstance(ParallelGateway.class) : model.newInstance(ExclusiveGateway.class);
            gateway.setId(after + "Gateway" + i);
            parent.addChildElement(gateway);
            target.getIncoming().remove(flow);
            flow.setTarget(gateway);
            gateway.getIncoming().add(flow);
            SequenceFlow next = connect(model, parent, after + "Flow" + i, gateway, target);
            if (!parallel) {
                // a condition the engine evaluates and finds false, then the default path: as the journey's decisions go
                ConditionExpression never = model.newInstance(ConditionExpression.class);
                never.setTextContent("${false}");
                connect(model, parent, after + "Otherwise" + i, gateway, target).setConditionExpression(never);
                ((ExclusiveGateway) gateway).setDefault(next);
            }
            flow = next;
        }
    }

    private static SequenceFlow connect(BpmnModelInstance model, ModelElementInstance parent, String id, FlowNode source, FlowNode target) {
        SequenceFlow flow = model.newInstance(SequenceFlow.class);
        flow.setId(id);
        parent.addChildElement(flow);
        flow.setSource(source);
        source.getOutgoing().add(flow);
        flow.setTarget(target);
        target.getIncoming().add(flow);
        return flow;
    }

    /** {@link JourneyVariables} as the listener of every activity's start and every task's creation and completion. */
    private static void listenEverywhere(BpmnModelInstance model) {
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            node.builder().camundaExecutionListenerDelegateExpression(ExecutionListener.EVENTNAME_START, "${journeyVariables}");
            if (node instanceof UserTask task) {
                task.builder().camundaTaskListenerDelegateExpression(TaskListener.EVENTNAME_CREATE, "${journeyVariables}")
                        .camundaTaskListenerDelegateExpression(TaskListener.EVENTNAME_COMPLETE, "${journeyVariables}");
            }
        }
    }

    private final AtomicLong floorSets = new AtomicLong();

    /**
     * One floor set of that kind: its three processes started and driven as the journey's harness drives the journey,
     * step by step (its tasks named by the journey's steps they stand for); returns the three instances. The journey's
     * tasks have candidate groups and belong to a council (tenant): so do the floor's; each instance has a business key
     * as the journey's do, and the harness finds their tasks and jobs alike. As in the journey, the reviews and rounds
     * fire their first cycle's timer, then wait in their second cycle. The shape-only floor starts each instance with
     * the council; the data-faithful floor writes what the journey wrote instead, and starts the reviews and the rounds
     * in the step in which the journey started them.
     */
    List<String> floor(String prefix, Council council) {
        boolean data = prefix.equals(DATA_FLOOR);
        Map<String, Object> start = data ? Map.of() : Map.of("council", council.id());
        long set = floorSets.incrementAndGet();
        List<String> roots = new ArrayList<>();
        JourneyVariables.step(REFER);
        roots.add(drain(prefix + "Main", set, start, null));
        JourneyVariables.resumeFirstStepOf(IroReviewProcess.KEY);
        roots.add(drain(prefix + "Reviews", set, start, TIMER + IroReviewProcess.KEY));
        JourneyVariables.resumeFirstStepOf(ContractMonitoringProcess.KEY);
        roots.add(drain(prefix + "Rounds", set, start, TIMER + ContractMonitoringProcess.KEY));
        return roots;
    }

    /**
     * Starts an instance and runs its due jobs and completes its tasks and those of the instance it called until none is
     * left, firing the earliest timer (the step {@code timerStep}) once when nothing else is left to do, if it has one.
     */
    private String drain(String key, long set, Map<String, Object> variables, String timerStep) {
        String businessKey = key + "-" + set;
        String root = runtimeService.startProcessInstanceByKey(key, businessKey, variables).getId();
        for (int step = 0; step < 100; step++) {
            runDueJobsOfTree(root);
            List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).list().stream()
                    .sorted(Comparator.comparing(Task::getTaskDefinitionKey)).toList();
            if (!tasks.isEmpty()) {
                String current = null;
                for (Task t : tasks) {
                    String journeyStep = FLOOR_STEP.get(t.getTaskDefinitionKey());
                    if (!journeyStep.equals(current)) {
                        JourneyVariables.step(journeyStep);
                        current = journeyStep;
                    }
                    taskService.complete(t.getId());
                }
                continue;
            }
            if (timerStep == null) {
                return root;
            }
            JourneyVariables.step(timerStep);
            timerStep = null;
            fireEarliest(managementService.createJobQuery().rootProcessInstanceId(root));
        }
        throw new IllegalStateException("floor instance did not come to rest");
    }
}
