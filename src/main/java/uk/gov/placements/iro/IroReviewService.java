package uk.gov.placements.iro;


import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.child.Child;
import uk.gov.placements.child.ChildLeftCare;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.common.ConflictException;
import uk.gov.placements.common.InvalidInputException;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.common.Ssda903;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.common.UkTime;
import uk.gov.placements.calendar.WorkingDays;
import uk.gov.placements.calendar.WorkingDays;
import uk.gov.placements.notification.NotificationSender;
import uk.gov.placements.notification.Recipient;
import uk.gov.placements.security.Roles;

/**
 * The statutory timetable of a looked-after child's reviews (Care Planning Regulations 2010, reg. 33):
 * the first within 20 working days of becoming looked after, the second within 3 months of the first,
 * then at most every 6 months. A change of placement brings the next review forward to within 20
 * working days of the change. Working days skip weekends and the bank holidays table.
 */
@Service
public class IroReviewService {
    public static final int FIRST_REVIEW_WORKING_DAYS = 20;
    public static final int AFTER_PLACEMENT_CHANGE_WORKING_DAYS = 20;
    public static final int CONSULTATION_WINDOW_WORKING_DAYS = 10;
    public static final int REMINDER_WORKING_DAYS = 5;
    /** A review's tasks in the queues: below a dispute's and every urgent referral's, above a planned one's. */
    public static final int REVIEW_TASK_PRIORITY = 60;
    public static final int CONSULTATION_DUE_WORKING_DAYS = 2;

    private final IroReviewRepository reviews;
    private final ChildService children;
    private final WorkingDays workingDays;
    private final Decisions decisions;
    private final RuntimeService runtimeService;
    private final IroDisputes disputes;
    private final ManagementService managementService;
    private final NotificationSender sender;
    private final Clock clock;

    public IroReviewService(IroReviewRepository reviews, ChildService children, WorkingDays workingDays, Decisions decisions,
                            RuntimeService runtimeService, ManagementService managementService, IroDisputes disputes,
                            NotificationSender sender, Clock clock) {
        this.sender = sender;
        this.managementService = managementService;
        this.disputes = disputes;
        this.reviews = reviews;
        this.children = children;
        this.workingDays = workingDays;
        this.decisions = decisions;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /** The next review of the child: the one already scheduled (perhaps brought forward), or a new one on the timetable. */
    @Transactional
    public IroReview scheduleNext(Long childId, String processInstanceId) {
        return reviews.findFirstByChildIdAndStatusOrderBySequenceNumberDesc(childId, IroReview.Status.SCHEDULED)
                .orElseGet(() -> reviews.save(new IroReview(childId, child(childId).getCouncil(), nextSequence(childId),
                        timetabledDue(childId), processInstanceId)));
    }

    /** The next review scheduled, as the review cycle's variables: the review's id and the dates its timers carry. */
    @Transactional
    public Map<String, Object> scheduleNextVariables(Long childId, String processInstanceId) {
        IroReview next = scheduleNext(childId, processInstanceId);
        Map<String, Object> variables = new HashMap<>(timerVariables(next));
        variables.put(IroReviewProcess.REVIEW_ID, next.getId());
        return variables;
    }

    /** The council's IROs reminded that the review falls due; {@code childReference} is the instance's business key, never a name. */
    public void remind(Long reviewId, String childReference) {
        IroReview r = review(reviewId);
        sender.send(Recipient.group(Roles.IROS, r.getCouncil()), "Review " + r.getSequenceNumber() + " of " + childReference + " due "
                + UkFormat.date(r.getDueDate()), "The statutory review is due on " + UkFormat.date(r.getDueDate()) + ".");
    }

    LocalDate timetabledDue(Long childId) {
        Child child = child(childId);
        // reviews of this period in care only: a child who comes back into care has a first review again
        LocalDate periodStart = child.getLookedAfterSince();
        List<IroReview> held = reviews.findByChildIdOrderBySequenceNumberAsc(childId).stream()
                .filter(r -> r.getStatus() == IroReview.Status.HELD)
                .filter(r -> periodStart == null || !r.getHeldOn().isBefore(periodStart)).toList();
        if (held.isEmpty()) {
            LocalDate since = child.getLookedAfterSince() != null ? child.getLookedAfterSince() : UkTime.today(clock);
            return workingDays.plus(since, FIRST_REVIEW_WORKING_DAYS);
        }
        LocalDate last = held.get(held.size() - 1).getHeldOn();
        return held.size() == 1 ? last.plusMonths(3) : last.plusMonths(6);
    }

    private int nextSequence(Long childId) {
        return reviews.findByChildIdOrderBySequenceNumberAsc(childId).stream().filter(r -> r.getStatus() != IroReview.Status.CANCELLED)
                .mapToInt(IroReview::getSequenceNumber).max().orElse(0) + 1;
    }

    /** When consultation opens (10 working days before) and when the IRO is reminded (5 working days before), at 09:00. */
    public LocalDateTime consultationOpens(IroReview r) {
        return notBeforeNow(workingDays.minus(r.getDueDate(), CONSULTATION_WINDOW_WORKING_DAYS).atTime(9, 0));
    }

    public LocalDateTime reminderAt(IroReview r) {
        return notBeforeNow(workingDays.minus(r.getDueDate(), REMINDER_WORKING_DAYS).atTime(9, 0));
    }

    public LocalDate consultationDue(IroReview r) {
        return workingDays.minus(r.getDueDate(), CONSULTATION_DUE_WORKING_DAYS);
    }

    private LocalDateTime notBeforeNow(LocalDateTime at) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), UkTime.LONDON);
        return at.isBefore(now) ? now : at;
    }

    /**
     * A placement changed, whenever in the review process: the next review comes forward to within 20 working days,
     * never later than already due. The review cycle waiting for its consultation window waits for the new dates
     * (once the window is open the review is due within 10 working days, sooner than any change brings it). A change
     * that comes before the next review is scheduled (the engine between reviews) schedules it here, brought forward.
     */
    @Transactional
    public IroReview bringForward(Long childId, String processInstanceId) {
        return bringForward(childId, processInstanceId, "Placement changed on " + UkFormat.date(UkTime.today(clock)));
    }

    /**
     * Something other than a move that puts the placement in question (the home judged inadequate): the next review
     * comes forward by the same rule as a change, to within 20 working days and never later than already due, so the IRO
     * sees the care plan while the social worker's review of the placement's safety is fresh. A child with no running
     * reviews here has none to bring forward (false).
     */
    @Transactional
    public boolean bringForwardBecause(Long childId, String why) {
        // asked of the executions, as reviewsRunning does (a process instance query reads every running instance on H2)
        var execution = runtimeService.createExecutionQuery().processDefinitionKey(IroReviewProcess.KEY)
                .processInstanceBusinessKey(IroReviewProcess.businessKey(childId)).listPage(0, 1);
        if (execution.isEmpty()) {
            return false;
        }
        bringForward(childId, execution.get(0).getProcessInstanceId(), why);
        return true;
    }

    private IroReview bringForward(Long childId, String processInstanceId, String changed) {
        IroReview next = scheduleNext(childId, processInstanceId);
        LocalDate by = workingDays.plus(UkTime.today(clock), AFTER_PLACEMENT_CHANGE_WORKING_DAYS);
        boolean moved = next.bringForward(by, changed);
        if (moved) {
            reschedule(processInstanceId, next);
        }
        decisions.recordForChild(childId, "REVIEW_BROUGHT_FORWARD", "DUE " + next.getDueDate(),
                moved ? changed : changed + ": the next review is already due sooner, by " + UkFormat.date(next.getDueDate()), null);
        return next;
    }

    /** The review cycle of the instance waits on the review's new dates. */
    private void reschedule(String processInstanceId, IroReview review) {
        runtimeService.setVariables(processInstanceId, timerVariables(review));
        Map<String, LocalDateTime> timers = Map.of(IroReviewProcess.TIMER_CONSULTATION_OPENS, consultationOpens(review).withNano(0),
                IroReviewProcess.TIMER_REVIEW_REMINDER, reminderAt(review).withNano(0));
        timers.forEach((activity, at) -> managementService.createJobQuery().processInstanceId(processInstanceId).timers()
                .activityId(activity).list()
                .forEach(timer -> managementService.setJobDuedate(timer.getId(), Date.from(at.atZone(UkTime.LONDON).toInstant()))));
    }

    /** The dates the review cycle's timers read: when consultation opens, and when the IRO is reminded. */
    public Map<String, Object> timerVariables(IroReview review) {
        return Map.of(IroReviewProcess.CONSULTATION_OPENS, UkTime.timerDate(consultationOpens(review).withNano(0)),
                IroReviewProcess.REMINDER_AT, UkTime.timerDate(reminderAt(review).withNano(0)));
    }

    /** A review's tasks: held by the review's due date, each consultation by its own due date. */
    public Date taskDue(String taskKey, IroReview review) {
        return UkTime.endOfWorkingDay(IroReviewProcess.TASK_HOLD_REVIEW.equals(taskKey) ? review.getDueDate() : consultationDue(review));
    }

    @Transactional
    public void consult(Long reviewId, String who, LocalDate on, String views, String taskId) {
        if (on == null) {
            throw InvalidInputException.of("consultedOn", "is required: the date of the consultation");
        }
        if (on.isAfter(UkTime.today(clock))) {
            throw InvalidInputException.of("consultedOn", "must not be in the future");
        }
        if (views == null || views.isBlank()) {
            throw InvalidInputException.of("views", "is required: the " + who + "'s wishes and feelings, or why they could not be consulted");
        }
        IroReview r = review(reviewId);
        r.consulted(who, on, views.trim());
        decisions.recordForChild(r.getChildId(), "CONSULTATION", who.toUpperCase(), views.trim(), taskId);
    }

    @Transactional
    public void hold(Long reviewId, String decisionsText, String recommendations, String outcome, String concerns, String participation,
                     String taskId) {
        if (decisionsText == null || decisionsText.isBlank()) {
            throw InvalidInputException.of("reviewDecisions", "is required: a review records its decisions");
        }
        if (!"ENDORSED".equals(outcome) && !"CONCERNS".equals(outcome)) {
            throw InvalidInputException.of(IroReviewProcess.REVIEW_OUTCOME, "must be ENDORSED or CONCERNS");
        }
        // the form asks for it; a client of the first release's contract may leave it out, and the 903 then shows it missing
        if (participation != null && !participation.isBlank() && !Ssda903.PARTICIPATION.contains(participation)) {
            throw InvalidInputException.of(IroReviewProcess.PARTICIPATION, "must be an SSDA903 participation code, PN0 to PN7");
        }
        boolean disputed = "CONCERNS".equals(outcome);
        if (disputed && (concerns == null || concerns.isBlank())) {
            throw InvalidInputException.of(IroReviewProcess.CONCERNS, "is required: what the council is to answer in dispute resolution");
        }
        IroReview r = review(reviewId);
        r.held(UkTime.today(clock), decisions.actor(), decisionsText.trim(), recommendations == null ? null : recommendations.trim(), outcome,
                disputed ? concerns.trim() : null, participation == null || participation.isBlank() ? null : participation);
        decisions.recordForChild(r.getChildId(), "IRO_REVIEW", outcome, decisionsText.trim(), taskId);
    }

    @Transactional
    public void childLeftCare(Long childId) {
        reviews.findByChildIdOrderBySequenceNumberAsc(childId).stream().filter(r -> r.getStatus() == IroReview.Status.SCHEDULED)
                .forEach(IroReview::cancel);
        disputes.childLeftCare(childId);
        decisions.recordForChild(childId, "LEFT_CARE", "REVIEWS_CLOSED", null, null);
    }

    /** A first placement starts the child's reviews; any later one brings the next review forward. */
    public void placementStarted(Long childId, String council) {
        String key = IroReviewProcess.businessKey(childId);
        if (reviewsRunning(key)) {
            runtimeService.createMessageCorrelation(IroReviewProcess.MESSAGE_PLACEMENT_CHANGED).processInstanceBusinessKey(key).correlateAll();
        } else {
            runtimeService.startProcessInstanceByKey(IroReviewProcess.KEY, key, Map.of(IroReviewProcess.CHILD_ID, childId,
                    IroReviewProcess.COUNCIL, council));
        }
    }

    /** A placement ended with the child leaving care: their reviews end (none may be running, e.g. a child never reviewed here). */
    public void endReviewsIfRunning(Long childId) {
        if (reviewsRunning(IroReviewProcess.businessKey(childId))) {
            leftCare(childId);
        }
    }

    /** Message ChildLeftCare; a child with no running review is a clear error and nothing changes. */
    public void leftCare(Long childId) {
        String key = IroReviewProcess.businessKey(childId);
        if (!reviewsRunning(key)) {
            throw new ConflictException("Child " + childId + " has no running review: they are not looked after in this system");
        }
        runtimeService.createMessageCorrelation(IroReviewProcess.MESSAGE_CHILD_LEFT_CARE).processInstanceBusinessKey(key).correlate();
    }

    /**
     * Whether the child's reviews run, asked of the executions joined on the business key's index: a process
     * instance query also asks {@code PARENT_ID_ is null}, and H2 answers that from the parent index, reading
     * every running instance (two per child in care: benchmark-results.md).
     */
    private boolean reviewsRunning(String businessKey) {
        return runtimeService.createExecutionQuery().processDefinitionKey(IroReviewProcess.KEY).processInstanceBusinessKey(businessKey).count() > 0;
    }

    public long overdue(String council) {
        LocalDate today = UkTime.today(clock);
        return reviews.countByCouncilAndStatusAndDueDateBefore(council, IroReview.Status.SCHEDULED, today);
    }

    public IroReview review(Long id) {
        return NotFoundException.findOrThrow(reviews, "Review", id);
    }

    private Child child(Long id) {
        return children.get(id);
    }

    /** The child's reviews, in order. */
    @Transactional(readOnly = true)
    public List<IroReview> reviewsOf(Long childId) {
        return reviews.findByChildIdOrderBySequenceNumberAsc(childId);
    }

    /** A review recorded as held without a process or a person's form (the demo's history). */
    @Transactional
    public IroReview recordHeld(IroReview review, LocalDate heldOn, String by, String decisionsText, String outcome, String participation) {
        review.held(heldOn, by, decisionsText, null, outcome, null, participation);
        return reviews.save(review);
    }
}
