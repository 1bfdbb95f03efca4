package uk.gov.placements.safety;

import uk.gov.placements.common.ModuleListener;

import uk.gov.placements.notification.Recipient;

import static uk.gov.placements.safety.PlacementSafetyReviewProcess.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.calendar.WorkingDays;
import uk.gov.placements.common.InvalidInputException;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.common.UkTime;
import uk.gov.placements.iro.IroReviewService;
import uk.gov.placements.monitoring.ContractMonitoringProcess;
import uk.gov.placements.notification.NotificationSender;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.provider.ProviderService;
import uk.gov.placements.provider.HomeDowngraded;
import uk.gov.placements.security.Roles;
import uk.gov.placements.security.SystemActions;

/**
 * A home judged inadequate by Ofsted: for every child living there, or about to (an approved placement not yet
 * started), the allocated social worker reviews whether the placement is safe to continue
 * ({@code Task_ReviewPlacementSafety}), and the child's next IRO review comes forward.
 * <p>
 * A process of its own per placement, not an event subprocess of an existing one: the children of an in-house home have
 * no process about their placement that could catch it (contract monitoring runs for independent placements only), and
 * a process keyed on the placement ({@code PLACEMENT-<id>}, as monitoring's) has its own history, follows the child's
 * reallocation with the monitoring tasks, and tells whether a review is already open.
 * <p>
 * Started in the downgrade's own transaction (a listener called as the rating is recorded): the new rating and the
 * reviews it causes are written together or not at all, so a downgrade is never recorded with its children's reviews
 * lost. A second downgrade of the same home (inadequate again, by hand and then the import) starts nothing for a
 * placement whose review is still open.
 */
@Service
public class PlacementSafetyReviews {
    /** The review is due by the end of the next working day. */
    static final int DUE_WORKING_DAYS = 1;
    /** A child who may not be safe where they live comes after an emergency only: before urgent and planned referrals and reviews. */
    static final int TASK_PRIORITY = 80;
    private final PlacementSafetyReviewRepository reviews;
    private final PlacementService placements;
    private final ProviderService services;
    private final RuntimeService runtimeService;
    private final IroReviewService iroReviews;
    private final Decisions decisions;
    private final SystemActions system;
    private final NotificationSender sender;
    private final WorkingDays workingDays;
    private final Clock clock;

    public PlacementSafetyReviews(PlacementSafetyReviewRepository reviews, PlacementService placements, ProviderService services,
                                  RuntimeService runtimeService, IroReviewService iroReviews, Decisions decisions, SystemActions system,
                                  NotificationSender sender, WorkingDays workingDays, Clock clock) {
        this.workingDays = workingDays;
        this.reviews = reviews;
        this.placements = placements;
        this.services = services;
        this.runtimeService = runtimeService;
        this.iroReviews = iroReviews;
        this.decisions = decisions;
        this.system = system;
        this.sender = sender;
        this.clock = clock;
    }

    /** When a review opened today is due. */
    public Date reviewDue() {
        return UkTime.endOfWorkingDay(workingDays.plus(UkTime.today(clock), DUE_WORKING_DAYS));
    }

    @ModuleListener
    public void on(HomeDowngraded downgraded) {
        if (downgraded.toInadequate()) {
            // the register's keeper (or the import) acts for every council whose children live there: the application
            // starts each review in the child's own council, from the placement's record
            system.run(() -> start(downgraded));
        }
    }

    /** Called as the application, within the downgrade's transaction. */
    List<PlacementSafetyReview> start(HomeDowngraded downgraded) {
        CareService home = services.findHome(downgraded.serviceId()).orElseThrow(() -> new NotFoundException("Home", downgraded.serviceId()));
        String why = "Ofsted rated " + home.getName() + " inadequate (was " + UkFormat.label(downgraded.previous()).toLowerCase(Locale.UK)
                + "), recorded " + UkFormat.date(downgraded.on());
        List<PlacementSafetyReview> started = new ArrayList<>();
        for (Placement p : placements.plannedOrActiveAt(home.getId())) {
            if (reviews.findByPlacementIdOrderByIdAsc(p.getId()).stream().anyMatch(PlacementSafetyReview::isOpen)) {
                continue;   // already under review since an earlier downgrade
            }
            PlacementSafetyReview review = reviews.save(new PlacementSafetyReview(p.getId(), p.getChildId(), p.getCouncil(), home.getId(),
                    downgraded.rating(), downgraded.on(), clock.instant()));
            review.started(runtimeService.startProcessInstanceByKey(KEY, ContractMonitoringProcess.businessKey(p.getId()), Map.of(
                    SAFETY_REVIEW_ID, review.getId(), PLACEMENT_ID, p.getId(), CHILD_ID, p.getChildId(), COUNCIL, p.getCouncil())).getId());
            decisions.recordForChild(p.getChildId(), "PLACEMENT_SAFETY_REVIEW", "STARTED placement " + p.getId(), why, null);
            iroReviews.bringForwardBecause(p.getChildId(), why);
            started.add(review);
        }
        return started;
    }

    /** The social worker's decision: the placement continues, or the child moves; with the reasons, who and when. */
    @Transactional
    public PlacementSafetyReview decide(Long reviewId, String decision, String reasons, String taskId) {
        if (!CONTINUE.equals(decision) && !MOVE.equals(decision)) {
            throw InvalidInputException.of(SAFETY_DECISION, "is required: the placement continues, or the child moves");
        }
        if (reasons == null || reasons.isBlank()) {
            throw InvalidInputException.of(SAFETY_REASONS, "is required: why the placement is safe to continue, or why the child must move");
        }
        PlacementSafetyReview review = get(reviewId);
        review.decided(decision, reasons.trim(), decisions.actor(), clock.instant());
        decisions.recordForChild(review.getChildId(), "PLACEMENT_SAFETY_REVIEW", decision + " placement " + review.getPlacementId(),
                reasons.trim(), taskId);
        return review;
    }

    /** A child to move: the council's team managers are told, so that the move is planned (a referral for a child moving on). */
    @Transactional
    public void tellTeamManagers(Long reviewId) {
        PlacementSafetyReview review = get(reviewId);
        Placement p = placements.find(review.getPlacementId()).orElseThrow();
        String home = services.findHome(review.getServiceId()).map(CareService::getName).orElse("the home");
        sender.send(Recipient.group(Roles.TEAM_MANAGERS, review.getCouncil()), "A child must move from " + home + ", rated inadequate",
                "The social worker " + review.getDecidedBy() + " reviewed placement " + p.getId() + " on " + UkFormat.dateTime(review.getDecidedAt())
                        + " and decided the child must move. Please plan the move: a referral for a child moving on, from the child's page.");
        decisions.recordForChild(review.getChildId(), "PLACEMENT_SAFETY_REVIEW", "TEAM_MANAGERS_TOLD placement " + p.getId(), null, null);
    }

    public PlacementSafetyReview get(Long id) {
        return NotFoundException.findOrThrow(reviews, "Placement safety review", id);
    }
}
