package uk.gov.placements.iro;

import uk.gov.placements.common.ModuleListener;

import java.util.List;
import org.springframework.stereotype.Component;
import uk.gov.placements.child.ChildAllocated;
import uk.gov.placements.security.Roles;
import uk.gov.placements.tasks.TaskAssignments;

/** The child's consultations and reviews follow the child's IRO. */
@Component
class IroAllocations {
    private final TaskAssignments assignments;

    IroAllocations(TaskAssignments assignments) {
        this.assignments = assignments;
    }

    @ModuleListener
    void on(ChildAllocated allocated) {
        assignments.move(List.of(IroReviewProcess.businessKey(allocated.childId())), Roles.IROS, allocated.previousIro(), allocated.iro());
    }
}
