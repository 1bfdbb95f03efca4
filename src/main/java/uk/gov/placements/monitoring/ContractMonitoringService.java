package uk.gov.placements.monitoring;

import uk.gov.placements.placement.PlacementApproved;
import uk.gov.placements.provider.ProviderSuspended;

import uk.gov.placements.common.UkTime;

import uk.gov.placements.notification.Recipient;

import uk.gov.placements.provider.MonitoringRating;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.InvalidInputException;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.iro.IroReview;
import uk.gov.placements.iro.IroReviewService;
import uk.gov.placements.notification.NotificationSender;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.child.Child;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.calendar.WorkingDays;
import uk.gov.placements.calendar.WorkingDays;
import uk.gov.placements.placement.PlacementApproved;
import uk.gov.placements.provider.Provider;
import uk.gov.placements.provider.ProviderReachability;
import uk.gov.placements.provider.ProviderService;
import uk.gov.placements.security.Roles;

/**
 * Contract monitoring of independent placements: rounds on the monitoringInterval timetable, the
 * social worker's feedback, the provider's outcomes (Form D), the IRO's recommendations and the
 * contracts officer's rating; action plans for AMBER and RED; suspension of a provider whose RED
 * plan is not resolved; exit interviews when the placement ends.
 */
@Service
public class ContractMonitoringService {
    /** Feedback and Form D are due this many working days after the round opens, and escalated this many after that. */
    static final int EVIDENCE_WORKING_DAYS = 10;
    static final int ESCALATION_WORKING_DAYS = 5;
    private final MonitoringRoundRepository rounds;
    private final ProviderLatestRatingRepository latestRatings;
    private final ExitInterviewRepository exitInterviews;
    private final PlacementService placements;
    private final ProviderService providerService;
    private final IroReviewService iroReviews;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final NotificationSender sender;
    private final Decisions decisions;
    private final ActionPlanService actionPlans;
    private final ChildService children;
    private final WorkingDays workingDays;
    private final ProviderReachability reachability;
    private final Clock clock;

    public ContractMonitoringService(MonitoringRoundRepository rounds, ProviderLatestRatingRepository latestRatings, ExitInterviewRepository exitInterviews,
                                     PlacementService placements, ProviderService providerService, IroReviewService iroReviews,
                                     RuntimeService runtimeService, IdentityService identityService, NotificationSender sender,
                                     Decisions decisions, ActionPlanService actionPlans, ChildService children, WorkingDays workingDays,
                                     ProviderReachability reachability, Clock clock) {
        this.reachability = reachability;
        this.actionPlans = actionPlans;
        this.children = children;
        this.workingDays = workingDays;
        this.rounds = rounds;
        this.latestRatings = latestRatings;
        this.exitInterviews = exitInterviews;
        this.placements = placements;
        this.providerService = providerService;
        this.iroReviews = iroReviews;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.sender = sender;
        this.decisions = decisions;
        this.clock = clock;
    }

    /**
     * An independent placement approved: its monitoring starts (the council's own provision is not contract-monitored).
     * One monitoring process per placement: an event handed over again finds it running and starts nothing.
     */
    public void placementApproved(PlacementApproved approved) {
        String key = ContractMonitoringProcess.businessKey(approved.placementId());
        if (!approved.inHouse() && runtimeService.createProcessInstanceQuery().processDefinitionKey(ContractMonitoringProcess.KEY)
                .processInstanceBusinessKey(key).count() == 0) {
            start(placement(approved.placementId()));
        }
    }

    public void start(Placement p) {
        runtimeService.startProcessInstanceByKey(ContractMonitoringProcess.KEY, ContractMonitoringProcess.businessKey(p.getId()), variables(p));
    }

    /** What a placement's monitoring starts with: ids and the interval decision's inputs. */
    static Map<String, Object> variables(Placement p) {
        return Map.of(ContractMonitoringProcess.PLACEMENT_ID, p.getId(), ContractMonitoringProcess.PROVIDER_ID, p.getProviderId(),
                ContractMonitoringProcess.COUNCIL, p.getCouncil(), ContractMonitoringProcess.PLACEMENT_TYPE, p.getPlacementType().name(),
                ContractMonitoringProcess.WEEKLY_COST, p.getWeeklyCost().doubleValue(), ContractMonitoringProcess.FIRST_ROUND, true);
    }

    /** The placement ended: its monitoring, if any, records an exit interview and ends. */
    public void placementEnded(Long placementId) {
        runtimeService.createMessageCorrelation(ContractMonitoringProcess.MESSAGE_PLACEMENT_ENDED)
                .processInstanceBusinessKey(ContractMonitoringProcess.businessKey(placementId)).correlateAll();
    }

    /** The next round: the first the interval after the start, each later one the interval after the previous round. */
    @Transactional
    public MonitoringRound scheduleRound(Long placementId, String interval) {
        Placement p = placement(placementId);
        var existing = rounds.findByPlacementIdOrderByRoundNumberAsc(placementId);
        LocalDate from = existing.isEmpty() ? p.getStartDate() : existing.get(existing.size() - 1).getDueDate();
        LocalDate due = from.plus(Period.parse(interval));
        MonitoringRound round = new MonitoringRound(placementId, p.getProviderId(), p.getChildId(), p.getCouncil(), existing.size() + 1, due);
        LocalDate evidenceDue = evidenceDue(due);
        round.evidenceDue(evidenceDue, workingDays.plus(evidenceDue, ESCALATION_WORKING_DAYS));
        return rounds.save(round);
    }

    /** A round's evidence is due 10 working days after the round. */
    private LocalDate evidenceDue(LocalDate roundDue) {
        return workingDays.plus(roundDue, EVIDENCE_WORKING_DAYS);
    }

    /**
     * When a monitoring task is due, at the end of that working day: the evidence by the round's evidence date (a round
     * scheduled before those dates were stored works it out now), the officer's rating in 5 working days, else 10.
     */
    public Date taskDue(String taskKey, MonitoringRound round) {
        LocalDate today = UkTime.today(clock);
        LocalDate due = round == null ? workingDays.plus(today, 10) : switch (taskKey) {
            case ContractMonitoringProcess.TASK_GIVE_FEEDBACK, ContractMonitoringProcess.TASK_SUBMIT_OUTCOME_REPORT ->
                    round.getEvidenceDue() != null ? round.getEvidenceDue() : evidenceDue(round.getDueDate());
            case ContractMonitoringProcess.TASK_REVIEW_MONITORING -> workingDays.plus(today, 5);
            default -> workingDays.plus(today, 10);
        };
        return UkTime.endOfWorkingDay(due);
    }

    /**
     * The next round as the monitoring process's variables: its id, its due date (9am) and, at the end of the working
     * day each falls on, when its evidence is due and when silence escalates, so that feedback given that day is in time.
     */
    @Transactional
    public Map<String, Object> scheduleRoundVariables(Long placementId, String interval) {
        MonitoringRound round = scheduleRound(placementId, interval);
        return Map.of(ContractMonitoringProcess.ROUND_ID, round.getId(),
                ContractMonitoringProcess.ROUND_DUE, UkTime.timerDate(round.getDueDate().atTime(9, 0)),
                ContractMonitoringProcess.EVIDENCE_DUE, UkTime.endOfWorkingDayTimer(round.getEvidenceDue()),
                ContractMonitoringProcess.EVIDENCE_ESCALATION, UkTime.endOfWorkingDayTimer(round.getEvidenceEscalation()));
    }

    /** Who owes a round its evidence: the social worker's feedback or the provider's Form D. */
    public enum Evidence { FEEDBACK, FORM_D }

    /**
     * The round's evidence is due and this part of it is not in: the social worker (the child's allocated one, else the
     * council's social workers) is reminded of the feedback, the provider's staff of Form D.
     */
    public void remindEvidence(Long roundId, Evidence owed) {
        MonitoringRound r = round(roundId);
        String subject = "monitoring round " + r.getRoundNumber() + " of placement " + r.getPlacementId() + ", due " + UkFormat.date(r.getEvidenceDue());
        String after = " was due " + UkFormat.date(r.getEvidenceDue()) + ". If it is not in by " + UkFormat.date(r.getEvidenceEscalation())
                + ", the round goes to the contracts officer without it, recorded as not returned.";
        if (owed == Evidence.FEEDBACK) {
            String worker = children.find(r.getChildId()).map(Child::getAllocatedSocialWorker).orElse(null);
            sender.send(worker == null ? Recipient.group(Roles.SOCIAL_WORKERS, r.getCouncil()) : Recipient.person(worker),
                    "Reminder: your feedback for " + subject, "Your monitoring feedback on placement " + r.getPlacementId() + after);
        } else {
            sender.send(Recipient.group(Provider.groupOf(r.getProviderId())), "Reminder: Form D for " + subject,
                    "Your outcome report (Form D) for placement " + r.getPlacementId() + after);
        }
    }

    /** Five working days after the due date: the silence is recorded on the round, and the round goes on without it. */
    @Transactional
    public void evidenceNotReturned(Long roundId, Evidence owed) {
        MonitoringRound r = round(roundId);
        String what = owed == Evidence.FEEDBACK ? "Social worker's feedback" : "Form D";
        if (owed == Evidence.FEEDBACK) {
            r.feedbackNotReturned();
        } else {
            r.outcomeReportNotReturned(reachability.hasStaff(r.getProviderId()));
        }
        decisions.record(null, r.getPlacementId(), "MONITORING_EVIDENCE", owed.name() + "_NOT_RETURNED round " + r.getRoundNumber(),
                what + " not returned by " + UkFormat.date(r.getEvidenceDue())
                        + (owed == Evidence.FORM_D && r.isProviderUnreachable() ? ": " + ActionPlanService.UNREACHABLE : ""), null);
    }

    @Transactional
    public void feedback(Long roundId, Boolean needsMet, String feedback, String childViews) {
        FieldErrors errors = new FieldErrors();
        if (needsMet == null) {
            errors.reject("needsMet", "is required: is the placement meeting the needs in the plan?");
        }
        if (feedback == null || feedback.isBlank()) {
            errors.reject("feedback", "is required");
        }
        errors.throwIfAny();
        round(roundId).feedback(needsMet, feedback.trim(), childViews);
    }

    /** Form D, the provider's outcome report. */
    @Transactional
    public void outcomeReport(Long roundId, Double attendance, Double healthKept, Integer sdq, Integer missing, String familyContact,
                              String goalProgress, String incidents) {
        FieldErrors errors = new FieldErrors();
        percent(errors, "schoolAttendance", attendance);
        percent(errors, "healthAppointmentsKept", healthKept);
        if (sdq == null) {
            errors.reject("sdqScore", "is required");
        } else if (sdq < 0 || sdq > 40) {
            errors.reject("sdqScore", "must be between 0 and 40 (SDQ total difficulties)");
        }
        if (missing == null) {
            errors.reject("missingEpisodes", "is required");
        } else if (missing < 0) {
            errors.reject("missingEpisodes", "must not be negative");
        }
        if (goalProgress == null || goalProgress.isBlank()) {
            errors.reject("goalProgress", "is required: progress on each placement-plan goal");
        }
        errors.throwIfAny();
        round(roundId).outcomes(BigDecimal.valueOf(attendance), BigDecimal.valueOf(healthKept), sdq, missing, familyContact,
                goalProgress.trim(), incidents);
    }

    private static void percent(FieldErrors errors, String field, Double value) {
        if (value == null) {
            errors.reject(field, "is required");
        } else if (value < 0 || value > 100) {
            errors.reject(field, "must be a percentage between 0 and 100");
        }
    }

    /** The IRO's latest recommendations for the child, copied into the round for the contract meeting. */
    @Transactional
    public void gatherIroRecommendations(Long roundId) {
        MonitoringRound r = round(roundId);
        String recommendations = iroReviews.reviewsOf(r.getChildId()).stream()
                .filter(v -> v.getStatus() == IroReview.Status.HELD && v.getRecommendations() != null)
                .reduce((a, b) -> b).map(v -> "Review " + v.getSequenceNumber() + " (" + v.getHeldOn() + "): " + v.getRecommendations())
                .orElse("No IRO recommendations recorded yet.");
        r.iroRecommendations(recommendations);
    }

    /**
     * The contracts officer's rating; AMBER and RED open an action plan for the provider with the officer's deadline
     * (at most 3 months), all checked before anything is written. On a round of the model from before this release
     * ({@code officerSetsDeadline} false) the rating form has no deadline: the plan opens without one, and the
     * provider gives it with its answer, as that model's timers expect.
     */
    @Transactional
    public ActionPlan rate(Long roundId, String rating, String reason, String costAgainstOutcomes, LocalDate actionPlanDeadline,
                           boolean officerSetsDeadline, String taskId) {
        FieldErrors errors = new FieldErrors();
        MonitoringRating r = Arrays.stream(MonitoringRating.values()).filter(v -> v.name().equals(rating)).findFirst().orElse(null);
        if (r == null) {
            errors.reject("rating", "must be GREEN, AMBER or RED");
        }
        if (r != null && r != MonitoringRating.GREEN) {
            if (reason == null || reason.isBlank()) {
                errors.reject("ratingReason", "is required for an AMBER or RED rating: what must change");
            }
            if (officerSetsDeadline) {
                ActionPlanService.checkDeadline(errors, ContractMonitoringProcess.ACTION_PLAN_DEADLINE, actionPlanDeadline, UkTime.today(clock));
            }
        }
        errors.throwIfAny();
        MonitoringRound round = round(roundId);
        round.rate(r, reason, costAgainstOutcomes, decisions.actor(), clock.instant());
        keepLatest(round);
        decisions.record(null, round.getPlacementId(), "MONITORING_RATING", r.name(), reason, taskId);
        if (r == MonitoringRating.GREEN) {
            return null;
        }
        return actionPlans.open(new ActionPlan(round.getProviderId(), roundId, ActionPlan.Source.CONTRACT_MONITORING, reason.trim(), clock.instant()),
                officerSetsDeadline ? actionPlanDeadline : null);
    }

    /**
     * The provider's latest rating becomes this round's unless a later one is held. Most ratings update the
     * provider's row in place; the first of a provider inserts it, under a lock on the provider's row so that
     * two first ratings of one provider committing together take turns instead of both inserting its key.
     */
    private void keepLatest(MonitoringRound round) {
        if (takeIfLater(round) > 0) {
            return;
        }
        providerService.lock(round.getProviderId());
        if (takeIfLater(round) == 0 && !latestRatings.existsById(round.getProviderId())) {
            latestRatings.save(new ProviderLatestRating(round));
        }
    }

    private int takeIfLater(MonitoringRound round) {
        return latestRatings.takeIfLater(round.getProviderId(), round.getId(), round.getRatedAt());
    }

    /**
     * A suspension: no new referrals from any council; every council of the consortium is told, and so are the
     * allocated social worker and IRO of each child living there now, who must judge whether the child is safe.
     * Their notice names the placement by its number only, never the child.
     */
    @Transactional
    public void suspend(Long providerId, String reason) {
        suspend(providerId, reason, reason);
    }

    /**
     * The commissioning managers suspend a provider whose action plan (a monitoring plan or accreditation conditions) was
     * not resolved: the provider is the plan's, and everyone else is told only what happened and when.
     */
    @Transactional
    public void suspendUnresolved(Long actionPlanId) {
        ActionPlan plan = actionPlans.plan(actionPlanId);
        String what = plan.getSource() == ActionPlan.Source.ACCREDITATION ? "Accreditation conditions" : "Monitoring action plan";
        String notice = what + " not resolved by " + UkFormat.date(plan.getDeadline())
                + (plan.getDecidedBy() == null ? "" : "; suspended by " + plan.getDecidedBy() + " on " + UkFormat.date(UkTime.day(plan.getDecidedAt())));
        suspend(plan.getProviderId(), notice, notice + ": " + plan.getConcern()
                + (plan.getDecisionReason() == null ? "" : ". The decision's reason: " + plan.getDecisionReason()));
    }

    /**
     * A suspension whose full reason stays in its decision record while everyone else reads {@code notice}: an action
     * plan's concern and a manager's reasons are one council's words about its own child's placement, and the
     * register, every council's managers and other councils' workers are told only what happened and when.
     */
    @Transactional
    public void suspend(Long providerId, String notice, String reason) {
        providerService.suspend(providerId, true, notice);
        decisions.record(null, null, "SUSPENSION", "SUSPENDED provider " + providerId, reason, null);
    }

    /**
     * Every council of the consortium is told of a suspension, and so are the allocated social worker and IRO of each
     * child living there now, who must judge whether the child is safe. Their notice names the placement by its number
     * only, never the child.
     */
    public void providerSuspended(ProviderSuspended suspended) {
        for (Tenant council : identityService.createTenantQuery().list()) {
            sender.send(Recipient.group(Roles.COMMISSIONING_MANAGERS, council.getId()), suspended.providerName() + " suspended from the regional register",
                    suspended.providerName() + " receives no new referrals: " + suspended.notice());
        }
        for (Placement placed : placements.activeWithProvider(suspended.providerId())) {
            Child child = children.find(placed.getChildId()).orElseThrow();
            String subject = "Placement " + placed.getId() + ": " + suspended.providerName() + " suspended from the regional register";
            String body = "A child allocated to you lives with " + suspended.providerName() + " (placement " + placed.getId() + ", from "
                    + UkFormat.date(placed.getStartDate()) + "), which is suspended: " + suspended.notice()
                    + "\n\nPlease review whether the placement still meets the child's needs. The placement's record is in the placements system.";
            Stream.of(child.getAllocatedSocialWorker(), child.getIro()).filter(Objects::nonNull).distinct()
                    .forEach(worker -> sender.send(Recipient.person(worker), subject, body));
        }
    }

    /** Lifting a suspension is a recorded decision of a commissioning manager. */
    @Transactional
    public void liftSuspension(Long providerId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "is required to lift a suspension");
        }
        providerService.suspend(providerId, false, null);
        decisions.record(null, null, "SUSPENSION", "LIFTED provider " + providerId, reason.trim(), null);
    }

    @Transactional
    public ExitInterview exitInterview(Long placementId, LocalDate on, String views, Boolean feltSafe) {
        FieldErrors errors = new FieldErrors();
        if (on == null) {
            errors.reject("interviewedOn", "is required");
        } else if (on.isAfter(UkTime.today(clock))) {
            errors.reject("interviewedOn", "must not be in the future");
        }
        if (views == null || views.isBlank()) {
            errors.reject("exitViews", "is required: the child's own account of the placement");
        }
        errors.throwIfAny();
        Placement p = placement(placementId);
        rounds.findByPlacementIdOrderByRoundNumberAsc(placementId).forEach(MonitoringRound::close);
        return exitInterviews.save(new ExitInterview(placementId, p.getProviderId(), p.getChildId(), on, views.trim(), feltSafe,
                decisions.actor(), clock.instant()));
    }

    public MonitoringRound round(Long id) {
        return NotFoundException.findOrThrow(rounds, "Monitoring round", id);
    }


    private Placement placement(Long id) {
        return placements.get(id);
    }
}
