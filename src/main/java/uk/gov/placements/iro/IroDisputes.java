package uk.gov.placements.iro;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.common.ConflictException;
import uk.gov.placements.common.ForbiddenException;
import uk.gov.placements.common.InvalidInputException;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.common.ProcessVariables;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.common.UkTime;
import uk.gov.placements.calendar.WorkingDays;
import uk.gov.placements.security.Roles;

/**
 * Dispute resolution the IRO controls (IRO Handbook, ch. 7). The council answers at each tier in turn; the IRO
 * alone decides on each answer. Which tier answers is read from the dispute's record, never from a variable, and
 * the answer and the decision are each checked against the group of the person giving them.
 */
@Service("iroDisputes")
public class IroDisputes {
    /** Each tier has 10 working days to answer (the informal step by the IRO Handbook; the formal ones alike). */
    public static final int ANSWER_WORKING_DAYS = 10;
    /** The IRO decides on an answer within 5 working days, so a dispute does not stall with the IRO either. */
    public static final int DECISION_WORKING_DAYS = 5;
    /** A dispute's tasks in the queues: above a review's, as the IRO is waiting on the council. */
    public static final int TASK_PRIORITY = 70;

    private final IroDisputeRepository disputes;
    private final IroReviewRepository reviews;
    private final WorkingDays workingDays;
    private final Decisions decisions;
    private final Clock clock;

    public IroDisputes(IroDisputeRepository disputes, IroReviewRepository reviews, WorkingDays workingDays, Decisions decisions, Clock clock) {
        this.disputes = disputes;
        this.reviews = reviews;
        this.workingDays = workingDays;
        this.decisions = decisions;
        this.clock = clock;
    }

    /**
     * Task_OpenDispute: the dispute about the child's latest review held with concerns that has none yet, with the
     * concerns the IRO wrote on it. The review is found in the product's records, not named by a variable.
     */
    @Transactional
    public IroDispute open(Long childId, String processInstanceId) {
        Set<Long> disputed = disputes.findByChildIdOrderByIdAsc(childId).stream().map(IroDispute::getReviewId)
                .collect(Collectors.toSet());
        IroReview review = reviews.findByChildIdOrderBySequenceNumberAsc(childId).stream()
                .filter(r -> r.getStatus() == IroReview.Status.HELD && "CONCERNS".equals(r.getOutcome()))
                .filter(r -> !disputed.contains(r.getId()))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new ConflictException("Child " + childId + " has no review held with concerns awaiting a dispute"));
        IroDispute dispute = disputes.save(new IroDispute(childId, review.getCouncil(), review.getId(), review.getConcerns(),
                review.getHeldBy(), clock.instant(), answerDue(), processInstanceId));
        decisions.recordForChild(childId, "IRO_DISPUTE_OPENED", IroDispute.Stage.TEAM_MANAGER.name(), review.getConcerns(), null);
        return dispute;
    }

    /** The candidate group of Task_AnswerIroConcern: the tier the dispute has reached. */
    public String answeringGroup(DelegateExecution execution) {
        return dispute(execution).getStage().group;
    }

    public IroDispute dispute(DelegateExecution execution) {
        return dispute(ProcessVariables.id(execution, IroReviewProcess.DISPUTE_ID));
    }

    public IroDispute dispute(Long id) {
        return NotFoundException.findOrThrow(disputes, "Dispute", id);
    }

    /** Task_AnswerIroConcern completed: the tier's answer, by a member of that tier. */
    @Transactional
    public void answer(Long disputeId, String answer, String taskId) {
        IroDispute d = openDispute(disputeId);
        requireGroup(d.getStage().group, "Only the " + d.getStage().who + " answers the dispute at this stage");
        if (answer == null || answer.isBlank()) {
            throw InvalidInputException.of(IroReviewProcess.DISPUTE_ANSWER, "is required: what you will do about the concern, or why not");
        }
        d.currentStep().answered(answer.trim(), decisions.actor(), clock.instant());
        decisions.recordForChild(d.getChildId(), "IRO_DISPUTE_ANSWER", d.getStage().name(), answer.trim(), taskId);
    }

    /** The decisions open to the IRO at the dispute's tier: the director is the last tier to escalate to. */
    public List<IroDispute.Decision> choices(IroDispute d) {
        List<IroDispute.Decision> choices = new ArrayList<>(List.of(IroDispute.Decision.values()));
        if (d.getStage().next() == null) {
            choices.remove(IroDispute.Decision.ESCALATE);
        }
        return choices;
    }

    public List<Map<String, String>> choiceLabels(IroDispute d) {
        return choices(d).stream().map(c -> Map.of("value", c.name(), "label", switch (c) {
            case RESOLVED -> "The answer resolves my concern";
            case CLOSED -> "Close the dispute: the concern no longer stands";
            case ESCALATE -> "Escalate to the " + d.getStage().next().label;
            case REFER_TO_CAFCASS -> "Refer the case to Cafcass";
        })).toList();
    }

    /** Task_DecideOnAnswer completed: only an IRO decides; an escalation opens the next tier's step. */
    @Transactional
    public IroDispute.Decision decide(Long disputeId, String decision, String reason, String taskId) {
        IroDispute d = openDispute(disputeId);
        requireGroup(Roles.IROS, "Only the IRO decides whether an answer resolves the concern");
        IroDispute.Decision chosen;
        try {
            chosen = decision == null ? null : IroDispute.Decision.valueOf(decision);
        } catch (IllegalArgumentException e) {
            chosen = null;
        }
        if (chosen == null || !choices(d).contains(chosen)) {
            throw InvalidInputException.of(IroReviewProcess.DISPUTE_DECISION, d.getStage().next() == null
                    ? "must be RESOLVED, CLOSED or REFER_TO_CAFCASS: the director is the last tier"
                    : "must be RESOLVED, CLOSED, ESCALATE or REFER_TO_CAFCASS");
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of(IroReviewProcess.DISPUTE_DECISION_REASON, "is required: why you decided so");
        }
        if (d.currentStep().getAnswer() == null) {
            throw new ConflictException("The " + d.getStage().who + " has not answered yet");
        }
        String by = decisions.actor();
        d.currentStep().decided(chosen, reason.trim(), by, clock.instant());
        switch (chosen) {
            case RESOLVED -> d.close(IroDispute.Status.RESOLVED, by, clock.instant(), reason.trim());
            case CLOSED -> d.close(IroDispute.Status.CLOSED, by, clock.instant(), reason.trim());
            case ESCALATE -> d.escalate(clock.instant(), answerDue());
            case REFER_TO_CAFCASS -> {
                // closed when the referral is recorded on Task_ReferToCafcass
            }
        }
        decisions.recordForChild(d.getChildId(), "IRO_DISPUTE_DECISION", chosen.name(), reason.trim(), taskId);
        return chosen;
    }

    /** Task_ReferToCafcass completed: the referral's date and reference, and the dispute closed with it. */
    @Transactional
    public void referredToCafcass(Long disputeId, LocalDate on, String reference, String taskId) {
        IroDispute d = openDispute(disputeId);
        requireGroup(Roles.IROS, "Only the IRO refers a case to Cafcass");
        if (on == null) {
            throw InvalidInputException.of(IroReviewProcess.CAFCASS_REFERRED_ON, "is required: the date of the referral");
        }
        if (on.isAfter(UkTime.today(clock))) {
            throw InvalidInputException.of(IroReviewProcess.CAFCASS_REFERRED_ON, "must not be in the future");
        }
        if (on.isBefore(UkTime.day(d.getRaisedAt()))) {
            throw InvalidInputException.of(IroReviewProcess.CAFCASS_REFERRED_ON, "must not be before the dispute was raised");
        }
        String ref = reference == null || reference.isBlank() ? null : reference.trim();
        d.referredToCafcass(on, ref);
        d.close(IroDispute.Status.REFERRED_TO_CAFCASS, decisions.actor(), clock.instant(), d.currentStep().getDecisionReason());
        decisions.recordForChild(d.getChildId(), "IRO_DISPUTE_CAFCASS", ref == null ? "REFERRED" : ref, "Referred on " + on, taskId);
    }

    /** The child left care: their open disputes end with the reviews. */
    @Transactional
    public void childLeftCare(Long childId) {
        for (IroDispute d : disputes.findByChildIdAndStatus(childId, IroDispute.Status.OPEN)) {
            d.close(IroDispute.Status.ENDED_CHILD_LEFT_CARE, decisions.actor(), clock.instant(), "The child left care");
        }
    }

    public LocalDate answerDue() {
        return workingDays.plus(UkTime.today(clock), ANSWER_WORKING_DAYS);
    }

    public LocalDate decisionDue() {
        return workingDays.plus(UkTime.today(clock), DECISION_WORKING_DAYS);
    }

    public List<IroDispute> ofChild(Long childId) {
        return disputes.findByChildIdOrderByIdAsc(childId);
    }

    /** What every task of a dispute shows: the concern, and each tier's answer and the IRO's decision so far. */
    public String summary(IroDispute d) {
        StringBuilder s = new StringBuilder("**The IRO's concern** (raised " + UkFormat.date(UkTime.day(d.getRaisedAt())) + " by "
                + d.getRaisedBy() + "): " + d.getConcern());
        for (IroDisputeStep step : d.getSteps()) {
            s.append("\n\n**").append(capitalised(step.getStage().label)).append("** — answer due ").append(UkFormat.date(step.getAnswerDue()));
            if (step.getAnswer() != null) {
                s.append("\n\nAnswer (").append(step.getAnsweredBy()).append(", ").append(UkFormat.date(UkTime.day(step.getAnsweredAt())))
                        .append("): ").append(step.getAnswer());
            }
            if (step.getDecision() != null) {
                s.append("\n\nIRO's decision (").append(step.getDecidedBy()).append("): ").append(step.getDecision().name())
                        .append(" — ").append(step.getDecisionReason());
            }
        }
        return s.toString();
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private IroDispute openDispute(Long id) {
        IroDispute d = dispute(id);
        if (!d.isOpen()) {
            throw new ConflictException("This dispute is already " + d.getStatus().name().toLowerCase().replace('_', ' '));
        }
        return d;
    }

    /** A person must be in the group; the application itself (no signed-in user) acts for the process. */
    private void requireGroup(String group, String message) {
        if (!Decisions.SYSTEM.equals(decisions.actor()) && !decisions.actorGroups().contains(group)) {
            throw new ForbiddenException(message);
        }
    }
}
