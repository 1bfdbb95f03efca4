package uk.gov.placements;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.stereotype.Component;
import uk.gov.placements.provider.CouncilNeighbour;
import uk.gov.placements.provider.CouncilNeighbourRepository;
import uk.gov.placements.referral.PlacementReferralProcess;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.search.PlacementSearchProcess;

/**
 * The process tests' helper: the data and job running they share with the benchmark harness ({@link Fixtures}), and
 * the steps and checks only tests take (a journey to the external search, waivers, the one open task, acting as a user).
 */
@Component
public class Journeys extends Fixtures {
    final CouncilNeighbourRepository neighbours;
    final ManagementService managementService;
    final IdentityService identityService;
    final org.camunda.bpm.engine.TaskService taskService;
    final org.camunda.bpm.engine.RuntimeService runtimeService;

    Journeys(CouncilNeighbourRepository neighbours, ManagementService managementService, IdentityService identityService,
             org.camunda.bpm.engine.TaskService taskService, org.camunda.bpm.engine.RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.neighbours = neighbours;
        this.managementService = managementService;
        this.identityService = identityService;
    }

    public void neighbours(String a, String b) {
        neighbours.save(new CouncilNeighbour(a, b));
    }

    /**
     * Triage accepted and the in-house options reviewed without restricting the search: the search's instance, at the
     * step that sends the referral out to providers (its job not yet run).
     */
    public org.camunda.bpm.engine.runtime.ProcessInstance toExternalSearch(Referral r) {
        taskService.complete(only(r.getProcessInstanceId(), PlacementReferralProcess.TASK_TRIAGE).getId(),
                java.util.Map.of(PlacementReferralProcess.TRIAGE_OUTCOME, PlacementReferralProcess.TRIAGE_ACCEPT));
        runDueJobsOfTree(r.getProcessInstanceId());
        var search = runtimeService.createProcessInstanceQuery().superProcessInstanceId(r.getProcessInstanceId()).singleResult();
        taskService.complete(only(search.getId(), PlacementSearchProcess.TASK_REVIEW_IN_HOUSE_OPTIONS).getId(),
                java.util.Map.of(PlacementSearchProcess.RESTRICT_TO_IN_HOUSE, false));
        return search;
    }

    /** Every provider asked offers its service at its standard fee, starting today. */
    public void offerAll(org.camunda.bpm.engine.runtime.ProcessInstance search) {
        offerAll(search.getId(), search.getRootProcessInstanceId());
    }

    /** Heads of service waive the two-offer rule if the search asks them to. */
    public void waiveIfAsked(org.camunda.bpm.engine.runtime.ProcessInstance search) {
        for (org.camunda.bpm.engine.task.Task t : taskService.createTaskQuery().processInstanceId(search.getId())
                .taskDefinitionKey(PlacementSearchProcess.TASK_APPROVE_PROCUREMENT_WAIVER).list()) {
            taskService.complete(t.getId(), java.util.Map.of(PlacementSearchProcess.WAIVER_APPROVED, true,
                    PlacementSearchProcess.WAIVER_REASON, "Only provider able to meet needs"));
        }
        runDueJobsOf(search.getId(), search.getRootProcessInstanceId());
    }

    /** Runs every job that is due now (async continuations), repeatedly, as the job executor would. */
    public int runDueJobs() {
        return runDue(() -> managementService.createJobQuery().executable().list());
    }

    /** The one open task of that key in the process instance (the test fails if there is none). */
    public org.camunda.bpm.engine.task.Task only(String processInstanceId, String taskKey) {
        org.camunda.bpm.engine.task.Task t = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                .singleResult();
        if (t == null) {
            throw new AssertionError("no open " + taskKey + " in " + processInstanceId);
        }
        return t;
    }

    /** Acts as a user of a group and council, as the Tasklist would authenticate them. */
    public <T> T as(String user, String group, String council, Supplier<T> action) {
        identityService.setAuthentication(user, List.of(group), List.of(council));
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    public void as(String user, String group, String council, Runnable action) {
        as(user, group, council, () -> {
            action.run();
            return null;
        });
    }
}
