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

    public JourneyBenchmark(Journeys journeys, TaskService taskService, RuntimeService runtimeService, ManagementService managementService,
                            RepositoryService repositoryService, PlacementOptionRepository options, PlacementRepository placements) {
        this.journeys = journeys;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.repositoryService = repositoryService;
        this.options = options;
        this.placements = placements;
    }

    public record Figures(int journeys, long journeyMillis, int placed, long floorMillis) {
        public double journeysPerSecond() {
            return journeys * 1000.0 / Math.max(1, journeyMillis);
        }

        public double ratio() {
            return (double) journeyMillis / Math.max(1, floorMillis);
        }
    }

    public Figures run(int n) {
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
        long start = System.nanoTime();
        int placed = 0;
        for (int i = 0; i < n; i++) {
            placed += journey(council) ? 1 : 0;
        }
        long journeyMillis = (System.nanoTime() - start) / 1_000_000;
        deployFloor();
        long floorStart = System.nanoTime();
        for (int i = 0; i < n; i++) {
            floor();
        }
        long floorMillis = (System.nanoTime() - floorStart) / 1_000_000;
        return new Figures(n, journeyMillis, placed, floorMillis);
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
                .userTask("floorReview").serviceTask().camundaExpression("${true}")
                .serviceTask().camundaAsyncBefore().camundaExpression("${true}")
                .userTask("floorOffer").multiInstance().cardinality("5").multiInstanceDone()
                .serviceTask().camundaAsyncBefore().camundaExpression("${true}").endEvent().done();
        BpmnModelInstance main = Bpmn.createExecutableProcess("floorMain").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask().camundaExpression("${true}").userTask("floorTriage")
                .callActivity().calledElement("floorSearch").userTask("floorSelect")
                .serviceTask().camundaExpression("${true}").serviceTask().camundaExpression("${true}").userTask("floorApprove")
                .serviceTask().camundaAsyncBefore().camundaExpression("${true}").serviceTask().camundaAsyncBefore().camundaExpression("${true}")
                .serviceTask().camundaAsyncBefore().camundaExpression("${true}").userTask("floorPlan").endEvent().done();
        BpmnModelInstance reviews = Bpmn.createExecutableProcess("floorReviews").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask().camundaAsyncBefore().camundaExpression("${true}")
                .intermediateCatchEvent().timerWithDuration("P30D")
                .userTask("floorConsult").multiInstance().cardinality("3").parallel().multiInstanceDone()
                .userTask("floorHold").endEvent().done();
        BpmnModelInstance rounds = Bpmn.createExecutableProcess("floorRounds").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask().camundaExpression("${true}").serviceTask().camundaAsyncBefore().camundaExpression("${true}")
                .intermediateCatchEvent().timerWithDuration("P42D")
                .userTask("floorFeedback").userTask("floorFormD").serviceTask().camundaAsyncBefore().camundaExpression("${true}")
                .userTask("floorRate").endEvent().done();
        repositoryService.createDeployment().name("benchmark floor").addModelInstance("floorSearch.bpmn", search)
                .addModelInstance("floorMain.bpmn", main).addModelInstance("floorReviews.bpmn", reviews)
                .addModelInstance("floorRounds.bpmn", rounds).deploy();
        floorDeployed = true;
    }

    void floor() {
        ProcessInstance main = runtimeService.startProcessInstanceByKey("floorMain");
        drain(main.getId());
        ProcessInstance reviews = runtimeService.startProcessInstanceByKey("floorReviews");
        drain(reviews.getId());
        ProcessInstance rounds = runtimeService.startProcessInstanceByKey("floorRounds");
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
