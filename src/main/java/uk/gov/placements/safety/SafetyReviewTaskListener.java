package uk.gov.placements.safety;

import static uk.gov.placements.safety.PlacementSafetyReviewProcess.*;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.gov.placements.child.AllocatedWorker;
import uk.gov.placements.child.Child;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.FormValues;
import uk.gov.placements.common.ProcessVariables;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.placement.PlacementStatus;
import uk.gov.placements.provider.ProviderService;
import uk.gov.placements.tasks.TaskDisplay;

/**
 * Task_ReviewPlacementSafety: to the child's allocated social worker (the social workers of the child's council keep it
 * in their queue, for cover), due the next working day, as a home judged inadequate is one where Ofsted found children
 * not safe enough; on completion the decision and its reasons are checked and recorded, or refused with the field named.
 */
@Component
public class SafetyReviewTaskListener implements TaskListener {
    private final PlacementSafetyReviews reviews;
    private final PlacementService placements;
    private final ChildService children;
    private final ProviderService services;
    private final TaskDisplay display;

    public SafetyReviewTaskListener(PlacementSafetyReviews reviews, PlacementService placements, ChildService children,
                                    ProviderService services, TaskDisplay display) {
        this.reviews = reviews;
        this.placements = placements;
        this.children = children;
        this.services = services;
        this.display = display;
    }

    @Override
    public void notify(DelegateTask task) {
        PlacementSafetyReview review = reviews.get(ProcessVariables.id(task, SAFETY_REVIEW_ID));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            onCreate(task, review);
            return;
        }
        FieldErrors errors = new FieldErrors();
        FormValues f = new FormValues(task, errors);
        String decision = f.text(SAFETY_DECISION);
        String reasons = f.text(SAFETY_REASONS, 4000);
        errors.throwIfAny();
        reviews.decide(review.getId(), decision, reasons, task.getId());
        // the gateway reads the decision as recorded, not as typed (" MOVE" is recorded MOVE, and must route as MOVE)
        task.setVariable(SAFETY_DECISION, decision);
    }

    private void onCreate(DelegateTask task, PlacementSafetyReview review) {
        Placement p = placements.get(review.getPlacementId());
        Child child = children.find(review.getChildId()).orElseThrow();
        AllocatedWorker.assign(task, child);
        String home = services.findHome(review.getServiceId()).map(s -> s.getName()).orElse("the home");
        task.setName("Review placement safety — " + child.initials() + ", " + home + " rated inadequate");
        task.setDueDate(reviews.reviewDue());
        task.setPriority(PlacementSafetyReviews.TASK_PRIORITY);
        display.show(task, "safetySummary", "**Placement** " + p.getId() + ": " + child.initials() + ", " + UkFormat.label(p.getPlacementType())
                + " at " + home + ", " + (p.getStatus() == PlacementStatus.PLANNED ? "starting " : "since ")
                + UkFormat.date(p.getStartDate()) + "\n\n**Ofsted rated the home " + UkFormat.label(review.getRating()).toLowerCase(Locale.UK)
                + "**, recorded " + UkFormat.date(review.getDowngradedOn()) + ". The home takes no new referrals, and the child's next IRO review"
                + " has been brought forward.\n\nSee the child, read Ofsted's report, and decide whether the placement is safe to continue."
                + " If the child must move, the team managers are told, to plan the move.");
    }
}
