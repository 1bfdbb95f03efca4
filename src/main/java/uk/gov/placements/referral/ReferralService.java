package uk.gov.placements.referral;

import uk.gov.placements.common.UkTime;

import static uk.gov.placements.referral.PlacementReferralProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.child.Child;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.ForbiddenException;
import uk.gov.placements.common.FormValues;
import uk.gov.placements.common.Geo;
import uk.gov.placements.common.InvalidInputException;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.common.Postcodes;
import uk.gov.placements.common.Ssda903;
import uk.gov.placements.common.Urgency;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.placement.PlacementStatus;
import uk.gov.placements.security.Roles;

@Service
public class ReferralService {
    /** The kind of the approver's decision in the referral's record; the placement's approval is read back from it. */
    static final String APPROVAL_KIND = "APPROVAL";
    public static final int MAX_PLANNED_WEEKS = 520;
    public static final int TEXT_LIMIT = 4000;

    private final ReferralRepository referrals;
    private final ChildService childService;
    private final PlacementService placements;
    private final RuntimeService runtimeService;
    private final Decisions decisions;
    private final Postcodes postcodes;
    private final Clock clock;

    public ReferralService(ReferralRepository referrals, ChildService childService,
                           PlacementService placements, RuntimeService runtimeService, Decisions decisions, Postcodes postcodes, Clock clock) {
        this.postcodes = postcodes;
        this.referrals = referrals;
        this.childService = childService;
        this.placements = placements;
        this.runtimeService = runtimeService;
        this.decisions = decisions;
        this.clock = clock;
    }

    public record Need(String code, Boolean essential) {
    }

    public record NewReferral(Long childId, String urgency, LocalDate requiredBy, String placementType, Integer plannedWeeks,
                              Integer maxDistanceMiles, List<Need> needs, Integer siblings, Boolean siblingsTogether,
                              String education, Boolean ehcp, String health, Boolean camhs, String risksToChild,
                              String risksFromChild, String communicationNeeds, String culturalNeeds, String liveAlongside,
                              String childViews, String completedBy, Boolean knowsChild, Long currentPlacementId,
                              String reasonPlaceChange) {
    }

    /**
     * The API's front door: validates every field, saves the referral and starts
     * {@code placementReferral} in one transaction, so a bad referral writes nothing and starts nothing.
     */
    @Transactional
    public Referral submit(NewReferral n, Predicate<String> councilVisible, String userId) {
        FieldErrors errors = new FieldErrors();
        Child child = null;
        if (n.childId() == null) {
            errors.reject("childId", "is required");
        } else {
            child = childService.find(n.childId()).filter(c -> councilVisible.test(c.getCouncil())).orElse(null);
            if (child == null) {
                errors.reject("childId", "is not a child of your council");
            }
        }
        Referral referral = build(n, child, errors, userId);
        Referral saved = save(referral);
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(KEY, saved.getReference(),
                Map.of(REFERRAL_ID, saved.getId(), COUNCIL, saved.getCouncil()));
        saved.startedAs(pi.getId());
        return saved;
    }

    /**
     * The Tasklist's front door: the start form carries the child and the referral. Called by the
     * process's first service task, in the submitting user's transaction, so a bad form is refused
     * with a message and nothing is written.
     */
    @Transactional
    Referral registerFromForm(Map<String, Object> variables, String council, String userId, String processInstanceId) {
        FieldErrors errors = new FieldErrors();
        FormValues f = new FormValues(variables, errors);
        Child child;
        Long existingChildId = f.longValue(EXISTING_CHILD_ID);
        if (existingChildId != null) {
            child = childService.find(existingChildId).filter(c -> c.getCouncil().equals(council)).orElse(null);
            if (child == null) {
                errors.reject("existingChildId", "is not a child of your council");
            }
        } else {
            // the form asks the home's postcode only; a client of the engine's API may still give its coordinates
            Double latitude = f.decimal(CHILD_LATITUDE);
            Double longitude = f.decimal(CHILD_LONGITUDE);
            if (latitude == null && longitude == null) {
                Postcodes.Centroid at = postcodes.locate(errors, "childPostcode", f.text(CHILD_POSTCODE)).orElse(null);
                if (at != null) {
                    latitude = at.latitude();
                    longitude = at.longitude();
                }
            }
            errors.throwIfAny();
            child = childService.register(new ChildService.NewChild(f.text(CHILD_FIRST_NAME), f.text(CHILD_LAST_NAME),
                    f.date(CHILD_DATE_OF_BIRTH), f.text(CHILD_GENDER), council, f.text(CHILD_POSTCODE),
                    latitude, longitude, f.text(LEGAL_STATUS), f.text(CATEGORY_OF_NEED),
                    f.text(CHILD_ETHNICITY), f.text(CHILD_UPN)), council);
        }
        List<Need> needs = new ArrayList<>();
        f.list(ESSENTIAL_NEEDS).forEach(c -> needs.add(new Need(c, true)));
        f.list(DESIRABLE_NEEDS).forEach(c -> needs.add(new Need(c, false)));
        NewReferral n = new NewReferral(child == null ? null : child.getId(), f.text(URGENCY), f.date(REQUIRED_BY),
                f.text(PLACEMENT_TYPE), f.integer(PLANNED_WEEKS), f.integer(MAX_DISTANCE_MILES), needs, f.integer(SIBLINGS),
                f.bool(SIBLINGS_TOGETHER), f.text(EDUCATION), f.bool(EHCP), f.text(HEALTH), f.bool(CAMHS),
                f.text(RISKS_TO_CHILD), f.text(RISKS_FROM_CHILD), f.text(COMMUNICATION_NEEDS), f.text(CULTURAL_NEEDS),
                f.text(LIVE_ALONGSIDE), f.text(CHILD_VIEWS), f.text(COMPLETED_BY), f.bool(KNOWS_CHILD),
                f.longValue(CURRENT_PLACEMENT_ID), f.text(REASON_PLACE_CHANGE));
        Referral saved = save(build(n, child, errors, userId));
        saved.startedAs(processInstanceId);
        return saved;
    }

    private Referral save(Referral referral) {
        Referral saved = referrals.save(referral);
        saved.assignReference();
        return saved;
    }

    private Referral build(NewReferral n, Child child, FieldErrors errors, String userId) {
        Urgency urgency = FieldErrors.parseEnum(Urgency.class, n.urgency(), "urgency", errors);
        PlacementType type = FieldErrors.parseEnum(PlacementType.class, n.placementType(), "placementType", errors);
        LocalDate today = UkTime.today(clock);
        if (n.requiredBy() == null) {
            errors.reject("requiredBy", "is required");
        } else if (n.requiredBy().isBefore(today)) {
            errors.reject("requiredBy", "must not be in the past");
        } else if (n.requiredBy().isAfter(today.plusYears(1))) {
            errors.reject("requiredBy", "must be within a year");
        }
        errors.requireBetween("plannedWeeks", n.plannedWeeks(), 1, MAX_PLANNED_WEEKS);
        errors.requireBetween("maxDistanceMiles", n.maxDistanceMiles(), 1, Geo.MAX_DISTANCE_MILES);
        if (n.siblings() != null) {
            errors.requireBetween("siblings", n.siblings(), 0, 10);
        }
        List<ReferralNeed> needs = new ArrayList<>();
        Set<NeedCode> seen = EnumSet.noneOf(NeedCode.class);
        List<Need> given = n.needs() == null ? List.of() : n.needs();
        for (int i = 0; i < given.size(); i++) {
            Need need = given.get(i);
            if (need == null) {
                errors.reject("needs[" + i + "]", "is empty");
                continue;
            }
            NeedCode code = FieldErrors.parseEnum(NeedCode.class, need.code(), "needs[" + i + "].code", errors);
            if (code != null && !seen.add(code)) {
                errors.reject("needs[" + i + "].code", "lists " + code + " twice");
            } else if (code != null) {
                needs.add(new ReferralNeed(code, need.essential() == null || need.essential()));
            }
        }
        ChildService.requireText(errors, "completedBy", n.completedBy(), 200);
        if (n.knowsChild() == null) {
            errors.reject("knowsChild", "is required: does the person completing the referral know the child?");
        }
        for (var text : Map.of("education", nz(n.education()), "health", nz(n.health()), "risksToChild", nz(n.risksToChild()),
                "risksFromChild", nz(n.risksFromChild()), "communicationNeeds", nz(n.communicationNeeds()),
                "culturalNeeds", nz(n.culturalNeeds()), "liveAlongside", nz(n.liveAlongside()), "childViews", nz(n.childViews())).entrySet()) {
            ChildService.optionalText(errors, text.getKey(), text.getValue(), text.getKey().equals("childViews") ? TEXT_LIMIT : 2000);
        }
        if (n.currentPlacementId() != null) {
            Placement current = placements.find(n.currentPlacementId()).orElse(null);
            if (current == null || child == null || !current.getChildId().equals(child.getId())
                    || current.getStatus() != PlacementStatus.ACTIVE) {
                errors.reject("currentPlacementId", "is not a current placement of this child");
            }
        }
        if (n.reasonPlaceChange() != null && !n.reasonPlaceChange().isBlank() && !Ssda903.REASONS_PLACE_CHANGE.contains(n.reasonPlaceChange())) {
            errors.reject("reasonPlaceChange", "must be an SSDA903 REASON_PLACE_CHANGE code, one of " + Ssda903.REASONS_PLACE_CHANGE);
        }
        if (child != null && type != null) {
            int age = child.ageOn(today);
            if (age >= 18 && type != PlacementType.SUPPORTED_ACCOMMODATION) {
                errors.reject("placementType", "must be SUPPORTED_ACCOMMODATION for a young person of 18 or over");
            }
        }
        errors.throwIfAny();
        Referral r = new Referral(child, urgency, n.requiredBy(), type, n.plannedWeeks(), n.maxDistanceMiles(), needs, userId, clock.instant());
        r.details(n.siblings() == null ? 0 : n.siblings(), Boolean.TRUE.equals(n.siblingsTogether()), n.education(),
                Boolean.TRUE.equals(n.ehcp()), n.health(), Boolean.TRUE.equals(n.camhs()), n.risksToChild(), n.risksFromChild(),
                n.communicationNeeds(), n.culturalNeeds(), n.liveAlongside(), n.childViews(), n.completedBy().trim(),
                n.knowsChild());
        r.movingFrom(n.currentPlacementId(), blankToNull(n.reasonPlaceChange()));
        return r;
    }

    // ---- decisions taken in the tasklist; each validates, records who/when/why, or throws and leaves the task open

    @Transactional
    public void carerReview(Long referralId, String review, String taskId) {
        if (review == null || review.isBlank()) {
            throw InvalidInputException.of(CARER_REVIEW, "is required: the current carer's view of the referral");
        }
        Referral r = get(referralId);
        r.carerReviewed(review.trim());
        r.status(ReferralStatus.TRIAGE);
        decisions.record(referralId, null, "CARER_REVIEW", "REVIEWED", review.trim(), taskId);
    }

    @Transactional
    public void triage(Long referralId, Object outcome, String notes, String taskId) {
        if (!TRIAGE_ACCEPT.equals(outcome) && !TRIAGE_MORE_INFORMATION.equals(outcome)) {
            throw InvalidInputException.of(TRIAGE_OUTCOME, "must be ACCEPT or MORE_INFORMATION");
        }
        if (TRIAGE_MORE_INFORMATION.equals(outcome) && (notes == null || notes.isBlank())) {
            throw InvalidInputException.of(TRIAGE_NOTES, "must say what information is needed");
        }
        Referral r = get(referralId);
        r.status(TRIAGE_ACCEPT.equals(outcome) ? ReferralStatus.SEARCHING : ReferralStatus.MORE_INFORMATION);
        decisions.record(referralId, null, "TRIAGE", outcome.toString(), notes, taskId);
    }

    @Transactional
    public void moreInformation(Long referralId, String information, String taskId) {
        if (information == null || information.isBlank()) {
            throw InvalidInputException.of(MORE_INFORMATION, "is required");
        }
        Referral r = get(referralId);
        r.addInformation(information.trim());
        r.status(ReferralStatus.TRIAGE);
        decisions.record(referralId, null, "MORE_INFORMATION", "PROVIDED", information.trim(), taskId);
    }

    /**
     * The referral a process step acts on: named by the instance's {@code referralId}, and accepted only if the
     * referral's own record says it was started as that instance (or as the one that called it).
     */
    public Referral ofInstance(DelegateExecution execution) {
        Object id = execution.getVariable(REFERRAL_ID);
        Referral r = id instanceof Number n ? referrals.findById(n.longValue()).orElse(null) : null;
        String root = ((ExecutionEntity) execution).getRootProcessInstanceId();
        if (r == null || r.getProcessInstanceId() == null || !r.getProcessInstanceId().equals(root)) {
            throw new IllegalStateException("Process instance " + execution.getProcessInstanceId() + " is not the instance of referral " + id);
        }
        return r;
    }

    /** A referral as its instance starts: its reference (the instance's business key) and the instance's variables. */
    public record Registered(String reference, Map<String, Object> variables) {
    }

    /**
     * Task_RegisterReferral: the referral saved through the API ({@code referralId}) tied to its instance, or the one made
     * from the Tasklist's start form saved from the form's fields; with what the process reads of it. The required-by
     * alert goes at the end of the working day on the required-by date. Queues show initials and age, never a name.
     */
    @Transactional
    public Registered register(Long referralId, Map<String, Object> form, String council, String userId, String processInstanceId) {
        Referral r = referralId != null ? bind(referralId, processInstanceId) : registerFromForm(form, council, userId, processInstanceId);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(REFERRAL_ID, r.getId());
        variables.put(COUNCIL, r.getCouncil());
        variables.put(URGENCY, r.getUrgency().name());
        variables.put(CHILD_MOVING, r.isMoving());
        variables.put(REQUIRED_BY_DEADLINE, UkTime.endOfWorkingDayTimer(r.getRequiredBy()));
        variables.put(CHILD_INITIALS, r.getChild().initials());
        variables.put(CHILD_AGE, r.childAge(UkTime.today(clock)));
        variables.put(REQUIRED_BY, r.getRequiredBy().toString());
        return new Registered(r.getReference(), variables);
    }

    /**
     * Ties a referral saved through the API to the instance started for it, before its first task: a referral
     * is tied to one instance only, so no start can take over another's referral.
     */
    @Transactional
    Referral bind(Long referralId, String processInstanceId) {
        Referral r = get(referralId);
        if (r.getProcessInstanceId() != null && !r.getProcessInstanceId().equals(processInstanceId)) {
            throw new IllegalStateException("Referral " + referralId + " belongs to another process instance");
        }
        r.startedAs(processInstanceId);
        return r;
    }

    /** Records the tier the scheme of delegation gives this approval round. */
    @Transactional
    public String routeApproval(Long referralId, String approverGroup) {
        get(referralId).approvalRoutedTo(approverGroup);
        return approverGroup;
    }

    /** An overdue approval opened to the next tier: returns the tier that was waited on. */
    @Transactional
    public String escalateApproval(Long referralId) {
        Referral r = get(referralId);
        String next = Roles.nextTier(r.getApproverGroup());
        r.approvalEscalatedTo(next);
        return next;
    }

    /** The approver's decision. Nobody approves their own referral; only the tier the referral records may decide. */
    @Transactional
    public void approval(Long referralId, Object decision, String reason, String taskId) {
        if (!APPROVE.equals(decision) && !REJECT.equals(decision) && !RETURN.equals(decision)) {
            throw InvalidInputException.of(APPROVAL_DECISION, "must be APPROVE, REJECT or RETURN");
        }
        if (!APPROVE.equals(decision) && (reason == null || reason.isBlank())) {
            throw InvalidInputException.of(APPROVAL_REASON, "is required to reject or return a placement");
        }
        Referral r = get(referralId);
        String actor = decisions.actor();
        if (actor.equals(r.getCreatedBy()) && !Decisions.SYSTEM.equals(actor)) {
            throw InvalidInputException.of(APPROVAL_DECISION, "cannot be given by the person who made the referral");
        }
        String approverGroup = approvingTier(r);
        r.status(APPROVE.equals(decision) ? ReferralStatus.AWAITING_APPROVAL : ReferralStatus.SELECTING);
        r.approvedAs(APPROVE.equals(decision) ? approverGroup : null);
        decisions.record(referralId, null, APPROVAL_KIND, decision.toString(), reason == null ? "approved by " + approverGroup
                : reason.trim(), taskId);
    }

    /**
     * The tier in which the person approving decides: one the referral records as its approver (routed, or
     * escalated to once overdue). Anyone else is refused, whatever the task's candidates say. The application
     * itself, and an administrator, decide for the tier routed to.
     */
    private String approvingTier(Referral r) {
        List<String> groups = decisions.actorGroups();
        if (Decisions.SYSTEM.equals(decisions.actor()) || groups.contains(Roles.ADMIN)) {
            return r.getApproverGroup();
        }
        return r.approvers().stream().filter(groups::contains).findFirst().orElseThrow(() ->
                new ForbiddenException("Only " + Roles.names(r.approvers().toArray(String[]::new))
                        + " may decide this approval, under the scheme of delegation"));
    }

    @Transactional
    public void answerApprover(Long referralId, String answer, String taskId) {
        if (answer == null || answer.isBlank()) {
            throw InvalidInputException.of(APPROVER_ANSWER, "is required: the information the approver asked for");
        }
        decisions.record(referralId, null, "APPROVER_ANSWERED", "ANSWERED", answer.trim(), taskId);
    }

    @Transactional
    public void overduePlan(Long referralId, String plan, String taskId) {
        if (plan == null || plan.isBlank()) {
            throw InvalidInputException.of("overduePlan", "is required: who will do what, by when");
        }
        decisions.record(referralId, null, "OVERDUE_PLAN", "RECORDED", plan.trim(), taskId);
    }

    public Referral get(Long id) {
        return NotFoundException.findOrThrow(referrals, "Referral", id);
    }


    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /**
     * A new search round begins: the earlier rounds stay as the referral's history, and nothing decided for them
     * (a procurement waiver) carries into this one.
     */
    @Transactional
    public Referral startSearchRound(Long referralId) {
        Referral r = get(referralId);
        r.newSearchRound();
        r.status(ReferralStatus.SEARCHING);
        return r;
    }

    /** The placements team's review of the in-house options: whether the search stays in-house, and the start proposed. */
    @Transactional
    public void inHouseReviewed(Long referralId, boolean restrict, String restrictionReason, LocalDate proposedStart) {
        Referral r = get(referralId);
        r.restriction(restrict, restrictionReason);
        r.proposeStart(proposedStart);
    }

    /** The options are ranked: the social worker chooses next. */
    @Transactional
    public void optionsRanked(Long referralId) {
        get(referralId).status(ReferralStatus.SELECTING);
    }

    /** The social worker's choice, which goes for approval. */
    @Transactional
    public void optionSelected(Long referralId, Long optionId, String reason) {
        Referral r = get(referralId);
        r.selected(optionId, reason);
        r.status(ReferralStatus.AWAITING_APPROVAL);
    }

    /** Heads of service's decision on a procurement waiver. */
    @Transactional
    public void waiverDecided(Long referralId, boolean approved, String reason) {
        get(referralId).waiver(approved, reason);
    }

    /**
     * The demo profile's seeding: a referral the register could not meet, completed by the name given and left with
     * its options ranked, for the sufficiency reports' gaps.
     */
    @Transactional
    public Referral seedUnmet(Referral referral, String completedBy) {
        referral.details(0, false, null, false, null, false, null, null, null, null, null, null, completedBy, true);
        referral.status(ReferralStatus.SELECTING);
        return save(referral);
    }

    /** Every referral made for the child. */
    @Transactional(readOnly = true)
    public List<Referral> referralsOf(Long childId) {
        return referrals.findByChildId(childId);
    }

    /** The referral started as this process instance, if any. */
    @Transactional(readOnly = true)
    public Optional<Referral> findByProcessInstance(String processInstanceId) {
        return referrals.findByProcessInstanceId(processInstanceId);
    }

    /** The council's referrals made between the two moments. */
    @Transactional(readOnly = true)
    public List<Referral> madeBetween(String council, Instant from, Instant to) {
        return referrals.findByCouncilAndCreatedAtBetween(council, from, to);
    }

    /** The referral, or none. */
    @Transactional(readOnly = true)
    public Optional<Referral> find(Long id) {
        return referrals.findById(id);
    }
}
