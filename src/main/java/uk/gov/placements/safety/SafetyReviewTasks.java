package uk.gov.placements.safety;

import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.gov.placements.child.AllocatedWorker;
import uk.gov.placements.child.Child;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.placement.PlacementStatus;
import uk.gov.placements.provider.ProviderService;
import uk.gov.placements.tasks.TaskDisplay;
import uk.gov.placements.tasks.TaskView;

/**
 * Task_ReviewPlacementSafety as a person sees it: to the child's allocated social worker, due the next working day,
 * above the ordinary queue, with the placement and Ofsted's finding shown.
 */
@Component
class SafetyReviewTasks {
    private final PlacementSafetyReviews reviews;
    private final PlacementService placements;
    private final ChildService children;
    private final ProviderService services;
    private final TaskDisplay display;

    SafetyReviewTasks(PlacementSafetyReviews reviews, PlacementService placements, ChildService children, ProviderService services,
                      TaskDisplay display) {
        this.reviews = reviews;
        this.placements = placements;
        this.children = children;
        this.services = services;
        this.display = display;
    }

    TaskView created(Long reviewId, String taskId, Set<String> candidateGroups) {
        PlacementSafetyReview review = reviews.get(reviewId);
        Placement p = placements.get(review.getPlacementId());
        Child child = children.find(review.getChildId()).orElseThrow();
        String home = services.findHome(review.getServiceId()).map(s -> s.getName()).orElse("the home");
        display.show(taskId, "safetySummary", "**Placement** " + p.getId() + ": " + child.initials() + ", " + UkFormat.label(p.getPlacementType())
                + " at " + home + ", " + (p.getStatus() == PlacementStatus.PLANNED ? "starting " : "since ")
                + UkFormat.date(p.getStartDate()) + "\n\n**Ofsted rated the home " + UkFormat.label(review.getRating()).toLowerCase(Locale.UK)
                + "**, recorded " + UkFormat.date(review.getDowngradedOn()) + ". The home takes no new referrals, and the child's next IRO review"
                + " has been brought forward.\n\nSee the child, read Ofsted's report, and decide whether the placement is safe to continue."
                + " If the child must move, the team managers are told, to plan the move.");
        return TaskView.named("Review placement safety — " + child.initials() + ", " + home + " rated inadequate")
                .due(reviews.reviewDue()).priority(PlacementSafetyReviews.TASK_PRIORITY)
                .assignedTo(AllocatedWorker.workerFor(candidateGroups, child));
    }
}
