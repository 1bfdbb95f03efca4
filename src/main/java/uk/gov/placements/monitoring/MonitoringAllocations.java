package uk.gov.placements.monitoring;

import uk.gov.placements.common.ModuleListener;

import org.springframework.stereotype.Component;
import uk.gov.placements.child.ChildAllocated;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.security.Roles;
import uk.gov.placements.tasks.TaskAssignments;

/** The social worker's monitoring feedback and exit interviews follow the child's allocated social worker. */
@Component
class MonitoringAllocations {
    private final PlacementService placements;
    private final TaskAssignments assignments;

    MonitoringAllocations(PlacementService placements, TaskAssignments assignments) {
        this.placements = placements;
        this.assignments = assignments;
    }

    @ModuleListener
    void on(ChildAllocated allocated) {
        assignments.move(placements.placementsOf(allocated.childId()).stream()
                        .map(p -> ContractMonitoringProcess.businessKey(p.getId())).toList(),
                Roles.SOCIAL_WORKERS, allocated.previousSocialWorker(), allocated.socialWorker());
    }
}
