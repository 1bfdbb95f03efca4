package uk.gov.placements.referral;

import uk.gov.placements.common.ModuleListener;

import org.springframework.stereotype.Component;
import uk.gov.placements.child.ChildAllocated;
import uk.gov.placements.security.Roles;
import uk.gov.placements.tasks.TaskAssignments;

/** A child's referral tasks (information, choice, the approver's questions, the plan) follow the allocated social worker. */
@Component
class ReferralAllocations {
    private final ReferralRepository referrals;
    private final TaskAssignments assignments;

    ReferralAllocations(ReferralRepository referrals, TaskAssignments assignments) {
        this.referrals = referrals;
        this.assignments = assignments;
    }

    @ModuleListener
    void on(ChildAllocated allocated) {
        assignments.move(referrals.findByChildId(allocated.childId()).stream().map(Referral::getReference).toList(),
                Roles.SOCIAL_WORKERS, allocated.previousSocialWorker(), allocated.socialWorker());
    }
}
