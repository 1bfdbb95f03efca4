package uk.gov.placements.accreditation;

import uk.gov.placements.common.UkTime;

import uk.gov.placements.notification.Recipient;

import uk.gov.placements.common.UkFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.InvalidInputException;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.common.OfstedRating;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.monitoring.ActionPlan;
import uk.gov.placements.monitoring.ActionPlanService;
import uk.gov.placements.monitoring.ActionPlanSteps;
import uk.gov.placements.notification.NotificationSender;
import uk.gov.placements.provider.AccreditationStatus;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.provider.Provider;
import uk.gov.placements.provider.ProviderService;

/**
 * Accreditation with Forms A, B and C, done once and shared by every council of the consortium:
 * the provider describes itself (A), a contracts officer's visit makes it prove each claim (B), a
 * practitioner's visit looks at atmosphere and children's views (C); decision accreditationOutcome
 * proposes, a commissioning manager confirms, the register is updated for 12 months.
 */
@Service
public class AccreditationService {
    public static final int VALID_MONTHS = 12;
    private final AccreditationRepository accreditations;
    private final ProviderService providers;
    private final ActionPlanService actionPlans;
    private final RuntimeService runtimeService;
    private final NotificationSender sender;
    private final Decisions decisions;
    private final Clock clock;

    public AccreditationService(AccreditationRepository accreditations, ProviderService providers, ActionPlanService actionPlans,
                                RuntimeService runtimeService, NotificationSender sender, Decisions decisions, Clock clock) {
        this.accreditations = accreditations;
        this.providers = providers;
        this.actionPlans = actionPlans;
        this.runtimeService = runtimeService;
        this.sender = sender;
        this.decisions = decisions;
        this.clock = clock;
    }

    /** Starts an accreditation (or re-accreditation): the provider is asked for Form A. */
    @Transactional
    public ProcessInstance start(Long providerId) {
        Provider p = provider(providerId);
        if (p.isInHouse()) {
            throw InvalidInputException.of("providerId", "is the council's own provision, which is not accredited through the register");
        }
        Accreditation a = accreditations.save(new Accreditation(providerId, clock.instant()));
        return runtimeService.startProcessInstanceByKey(ProviderAccreditationProcess.KEY, "PROVIDER-" + providerId + "-A" + a.getId(),
                Map.of(ProviderAccreditationProcess.PROVIDER_ID, providerId, ProviderAccreditationProcess.ACCREDITATION_ID, a.getId()));
    }

    @Transactional
    public void formA(Long accreditationId, Accreditation.FormA a) {
        FieldErrors errors = new FieldErrors();
        if (a.ofstedUrn() == null || a.ofstedUrn().isBlank()) {
            errors.reject("ofstedUrn", "is required: the provider's Ofsted URN");
        } else if (!a.ofstedUrn().trim().matches("^(SC|EY|CF)?[0-9]{6,7}$")) {
            errors.reject("ofstedUrn", "must be an Ofsted URN such as SC123456");
        }
        FieldErrors.parseEnum(OfstedRating.class, a.ofstedRating(), "ofstedRating", errors);
        if (a.ofstedRatingDate() != null && a.ofstedRatingDate().isAfter(UkTime.today(clock))) {
            errors.reject("ofstedRatingDate", "must not be in the future");
        }
        List<String> types = split(a.placementTypes());
        if (types.isEmpty()) {
            errors.reject("placementTypes", "is required");
        }
        for (String t : types) {
            FieldErrors.parseEnum(PlacementType.class, t, "placementTypes", errors);
        }
        for (String n : split(a.specialisms())) {
            FieldErrors.parseEnum(NeedCode.class, n, "specialisms", errors);
        }
        errors.requireBetween("minAge", a.minAge(), 0, 25);
        errors.requireBetween("maxAge", a.maxAge(), 0, 25);
        if (a.minAge() != null && a.maxAge() != null && a.minAge() > a.maxAge()) {
            errors.reject("maxAge", "must not be below minAge");
        }
        errors.requireBetween("places", a.places(), 1, 500);
        if (a.standardWeeklyFee() == null || a.standardWeeklyFee().signum() < 0) {
            errors.reject("standardWeeklyFee", "is required and must not be negative");
        }
        if (a.servicesDescription() == null || a.servicesDescription().isBlank()) {
            errors.reject("servicesDescription", "is required");
        }
        if (a.staffing() == null || a.staffing().isBlank()) {
            errors.reject("staffing", "is required");
        }
        errors.throwIfAny();
        accreditation(accreditationId).formA(new Accreditation.FormA(a.servicesDescription().trim(), a.ofstedUrn().trim(), a.ofstedRating(),
                a.ofstedRatingDate(), String.join(",", types), a.minAge(), a.maxAge(), a.places(), a.locations(),
                String.join(",", split(a.specialisms())), a.staffing().trim(), a.standardWeeklyFee(), Boolean.TRUE.equals(a.safeguardingPolicy()),
                Boolean.TRUE.equals(a.missingPolicy()), Boolean.TRUE.equals(a.complaintsPolicy())), clock.instant());
    }

    @Transactional
    public void reviewFormA(Long accreditationId, Boolean complete, String notes, String taskId) {
        if (complete == null) {
            throw InvalidInputException.of(ProviderAccreditationProcess.FORM_A_COMPLETE, "is required");
        }
        if (!complete && (notes == null || notes.isBlank())) {
            throw InvalidInputException.of("reviewNotes", "is required: what the provider must add to Form A");
        }
        Accreditation a = accreditation(accreditationId);
        a.formAReviewed(complete, decisions.actor());
        decisions.record(null, null, "FORM_A_REVIEW", (complete ? "COMPLETE" : "SENT_BACK") + " provider " + a.getProviderId(), notes, taskId);
    }

    /** The claims of Form A that the Form B visit must verify, one line each. */
    public List<String> claims(Long accreditationId) {
        Accreditation a = accreditation(accreditationId);
        List<String> claims = new ArrayList<>();
        claims.add("Ofsted URN " + a.getOfstedUrn() + ", rated " + rating(a.getOfstedRating())
                + (a.getOfstedRatingDate() == null ? "" : " on " + UkFormat.date(a.getOfstedRatingDate())));
        claims.add("Placement types: " + labels(a.getPlacementTypes(), PlacementType.class));
        claims.add("Ages " + a.getMinAge() + " to " + a.getMaxAge() + ", " + a.getPlaces() + " places");
        claims.add("Locations: " + a.getLocations());
        claims.add("Specialisms: " + (a.getSpecialisms() == null || a.getSpecialisms().isBlank() ? "none"
                : labels(a.getSpecialisms(), NeedCode.class)));
        claims.add("Staffing: " + a.getStaffing());
        claims.add("Standard fee " + UkFormat.money(a.getStandardWeeklyFee()) + " a week");
        claims.add("Safeguarding policy: " + yes(a.getSafeguardingPolicy()));
        claims.add("Missing-from-care policy: " + yes(a.getMissingPolicy()));
        claims.add("Complaints policy: " + yes(a.getComplaintsPolicy()));
        return claims;
    }

    /**
     * The rating the register holds for a provider, on which the outcome is decided: the worst judgement of its own
     * registration and of its homes' (a provider is as safe as its worst home); not yet inspected when Ofsted has judged
     * none of them. Form A's claim plays no part.
     */
    @Transactional(readOnly = true)
    public OfstedRating registerRating(Long providerId) {
        Provider p = provider(providerId);
        List<OfstedRating> judged = new ArrayList<>();
        if (p.getOfstedRating() != null) {
            judged.add(p.getOfstedRating());
        }
        providers.homesOf(providerId).stream().map(CareService::getOfstedRating).filter(Objects::nonNull).forEach(judged::add);
        return judged.stream().filter(r -> r != OfstedRating.NOT_YET_INSPECTED)
                .min(Comparator.comparingInt(OfstedRating::quality)).orElse(OfstedRating.NOT_YET_INSPECTED);
    }

    /**
     * Form A's Ofsted claim checked against the register, each mismatch in words for the contracts officer's Form B
     * visit: a URN the register does not hold for this provider, or a claimed rating better than the register's.
     */
    @Transactional(readOnly = true)
    public List<String> registerDiscrepancies(Long accreditationId) {
        Accreditation a = accreditation(accreditationId);
        List<String> found = new ArrayList<>();
        if (a.getOfstedUrn() == null) {
            return found;
        }
        Provider p = provider(a.getProviderId());
        String urn = a.getOfstedUrn().trim().toUpperCase(Locale.UK);
        OfstedRating registered;
        Optional<CareService> home = providers.homeWithUrn(urn);
        if (home.isPresent() && home.get().getProvider().getId().equals(p.getId())) {
            registered = home.get().registeredRating();
        } else if (urn.equalsIgnoreCase(p.getOfstedUrn())) {
            registered = p.getOfstedRating() == null ? OfstedRating.NOT_YET_INSPECTED : p.getOfstedRating();
        } else {
            found.add("Ofsted URN " + urn + " is not in the register for " + p.getName()
                    + (home.isPresent() ? ": it is another provider's home" : ""));
            registered = null;
        }
        OfstedRating claimed = parseRating(a.getOfstedRating());
        if (registered != null && claimed != null && claimed.quality() > registered.quality()) {
            found.add("Form A claims " + UkFormat.label(claimed) + " for " + urn + "; Ofsted's register says " + UkFormat.label(registered));
        }
        OfstedRating overall = registerRating(p.getId());
        if (claimed != null && claimed.quality() > overall.quality() && (registered == null || registered.quality() > overall.quality())) {
            found.add("Form A claims " + UkFormat.label(claimed) + "; the register's rating for the provider is "
                    + UkFormat.label(overall) + " (its worst registered setting)");
        }
        return found;
    }

    private static OfstedRating parseRating(String code) {
        try {
            return code == null ? null : OfstedRating.valueOf(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The register's rating, recorded as the one the outcome is decided on. */
    @Transactional
    public OfstedRating decideOnRegisterRating(Long accreditationId) {
        Accreditation a = accreditation(accreditationId);
        OfstedRating rating = registerRating(a.getProviderId());
        a.decidedOnRegisterRating(rating.name());
        return rating;
    }

    /** The provider has 28 days for Form A (it expires then); the council's people 10 days for each step. */
    public Date taskDue(String taskKey) {
        long days = ProviderAccreditationProcess.TASK_COMPLETE_FORM_A.equals(taskKey) ? 28 : 10;
        return new Date(clock.instant().toEpochMilli() + days * 86_400_000L);
    }

    /** What decision accreditationOutcome reads: the register's rating, never the one Form A claims, and what the visits found. */
    public record VisitSummary(String ofstedRating, int lowestScore, boolean criticalConcern, Boolean spokeToChildren,
                               boolean hasDiscrepancies) {
    }

    /** The visits summarised for the decision, the register's rating recorded as the one it is decided on. */
    @Transactional
    public VisitSummary summariseVisits(Long accreditationId) {
        OfstedRating rating = decideOnRegisterRating(accreditationId);
        Accreditation a = accreditation(accreditationId);
        return new VisitSummary(rating.name(), a.lowestScore(), a.anyCriticalConcern(), a.getSpokeToChildren(), a.hasDiscrepancies());
    }

    /** A claimed rating in words; a value that is no Ofsted rating is shown as written. */
    private static String rating(String code) {
        OfstedRating known = parseRating(code);
        return known == null ? String.valueOf(code) : UkFormat.label(known);
    }

    /** Comma-separated codes in words. */
    private static <E extends Enum<E>> String labels(String codes, Class<E> type) {
        if (codes == null || codes.isBlank()) {
            return "none";
        }
        return Arrays.stream(codes.split(",")).map(String::trim).map(c -> {
            try {
                return UkFormat.label(Enum.valueOf(type, c));
            } catch (IllegalArgumentException e) {
                return c;
            }
        }).collect(Collectors.joining(", "));
    }

    private static String yes(Boolean b) {
        return Boolean.TRUE.equals(b) ? "yes" : "no";
    }

    /** Form B's scores, each 1 to 4: the provider's registration, staffing, health and safety, safeguarding, education and health. */
    public record FormBScores(Integer registration, Integer staffing, Integer healthSafety, Integer safeguarding, Integer educationHealth) {
    }

    /** Form C's scores, each 1 to 4: the home's atmosphere, staff's interaction with children, children's views, complaints. */
    public record FormCScores(Integer atmosphere, Integer interaction, Integer childrenViews, Integer complaints) {
    }

    /** Form B. Each claim not borne out becomes a recorded discrepancy. */
    @Transactional
    public void formB(Long accreditationId, FormBScores s, Boolean criticalConcern, String discrepancies, List<String> unverifiedClaims) {
        FieldErrors errors = new FieldErrors();
        errors.requireBetween(ProviderAccreditationProcess.REGISTRATION_SCORE, s.registration(), 1, 4);
        errors.requireBetween(ProviderAccreditationProcess.STAFFING_SCORE, s.staffing(), 1, 4);
        errors.requireBetween(ProviderAccreditationProcess.HEALTH_SAFETY_SCORE, s.healthSafety(), 1, 4);
        errors.requireBetween(ProviderAccreditationProcess.SAFEGUARDING_SCORE, s.safeguarding(), 1, 4);
        errors.requireBetween(ProviderAccreditationProcess.EDUCATION_HEALTH_SCORE, s.educationHealth(), 1, 4);
        if (criticalConcern == null) {
            errors.reject("criticalConcern", "is required");
        }
        errors.throwIfAny();
        List<String> notes = new ArrayList<>();
        unverifiedClaims.forEach(c -> notes.add("Not borne out: " + c));
        if (discrepancies != null && !discrepancies.isBlank()) {
            notes.add(discrepancies.trim());
        }
        accreditation(accreditationId).formB(s.registration(), s.staffing(), s.healthSafety(), s.safeguarding(), s.educationHealth(), criticalConcern,
                String.join("\n", notes), decisions.actor());
    }

    @Transactional
    public void formC(Long accreditationId, FormCScores s, Boolean spokeToChildren, Boolean criticalConcern, String notes) {
        FieldErrors errors = new FieldErrors();
        errors.requireBetween(ProviderAccreditationProcess.ATMOSPHERE_SCORE, s.atmosphere(), 1, 4);
        errors.requireBetween(ProviderAccreditationProcess.INTERACTION_SCORE, s.interaction(), 1, 4);
        errors.requireBetween(ProviderAccreditationProcess.CHILDREN_VIEWS_SCORE, s.childrenViews(), 1, 4);
        errors.requireBetween(ProviderAccreditationProcess.COMPLAINTS_SCORE, s.complaints(), 1, 4);
        if (spokeToChildren == null) {
            errors.reject("spokeToChildren", "is required: could you speak to the children?");
        }
        if (criticalConcern == null) {
            errors.reject("criticalConcern", "is required");
        }
        errors.throwIfAny();
        accreditation(accreditationId).formC(s.atmosphere(), s.interaction(), s.childrenViews(), s.complaints(), spokeToChildren, criticalConcern, notes,
                decisions.actor());
    }

    @Transactional
    public void recordOutcome(Long accreditationId, String outcome) {
        accreditation(accreditationId).outcome(outcome);
    }

    /**
     * The commissioning manager's decision, as the process's variables: when the accreditation expires and when its
     * renewal starts (90 days before), blank if none was given, and the action plan of any conditions.
     */
    @Transactional
    public Map<String, Object> confirmVariables(Long accreditationId, Boolean confirmed, String reason, String taskId) {
        ActionPlan conditions = confirm(accreditationId, confirmed, reason, taskId);
        LocalDate expires = accreditation(accreditationId).getExpiresOn();
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProviderAccreditationProcess.EXPIRES_AT, expires == null ? "" : UkTime.timerDate(expires.atStartOfDay()));
        variables.put(ProviderAccreditationProcess.REACCREDITATION_AT, expires == null ? ""
                : UkTime.timerDate(expires.minusDays(ProviderAccreditationProcess.REACCREDITATION_DAYS_BEFORE).atStartOfDay()));
        variables.put(ActionPlanSteps.ACTION_PLAN_ID, conditions == null ? null : conditions.getId());
        return variables;
    }

    /**
     * The commissioning manager's decision; the register changes only on confirmation. A renewal confirmed while the
     * provider is still accredited runs 12 months from the old expiry date, not from today: re-accreditation starts
     * 90 days early so that a provider can be renewed in time, and renewing early must not cost it the days it had left
     * (nor move its anniversary earlier each year). Conditions become an action plan, whose deadline the contracts
     * officer sets next; the plan is returned for the process to follow.
     */
    @Transactional
    public ActionPlan confirm(Long accreditationId, Boolean confirmed, String reason, String taskId) {
        if (confirmed == null) {
            throw InvalidInputException.of(ProviderAccreditationProcess.ACCREDITATION_CONFIRMED, "is required");
        }
        if (!confirmed && (reason == null || reason.isBlank())) {
            throw InvalidInputException.of("confirmationReason", "is required when not confirming the proposed outcome");
        }
        Accreditation a = accreditation(accreditationId);
        Provider p = provider(a.getProviderId());
        LocalDate today = UkTime.today(clock);
        boolean renewing = p.getAccreditationStatus().receivesReferrals() && p.getAccreditationExpiry() != null
                && p.getAccreditationExpiry().isAfter(today);
        LocalDate expires = (renewing ? p.getAccreditationExpiry() : today).plusMonths(VALID_MONTHS);
        a.confirmed(confirmed, reason, decisions.actor(), clock.instant(), confirmed ? expires : null);
        decisions.record(null, null, "ACCREDITATION", (confirmed ? "CONFIRMED " : "NOT_CONFIRMED ") + a.getOutcome() + " provider " + p.getId(),
                reason, taskId);
        if (!confirmed) {
            return null;
        }
        switch (a.getOutcome()) {
            case "ACCREDITED" -> providers.accredit(p.getId(), AccreditationStatus.ACCREDITED, expires);
            case "ACCREDITED_WITH_CONDITIONS" -> {
                providers.accredit(p.getId(), AccreditationStatus.ACCREDITED_WITH_CONDITIONS, expires);
                return actionPlans.openForConditions(p.getId(), accreditationId, conditions(a));
            }
            default -> providers.accredit(p.getId(), AccreditationStatus.REFUSED, null);
        }
        return null;
    }

    private static String conditions(Accreditation a) {
        List<String> why = new ArrayList<>();
        if (a.lowestScore() < 2) {
            why.add("a visit score below 2");
        }
        if (a.hasDiscrepancies()) {
            why.add("discrepancies: " + a.getDiscrepancies());
        }
        if ("REQUIRES_IMPROVEMENT".equals(a.getRegisterOfstedRating())) {
            why.add("Ofsted's register rates it requires improvement");
        }
        return "Accredited with conditions: " + String.join("; ", why);
    }

    @Transactional
    public void formAExpired(Long accreditationId) {
        Accreditation a = accreditation(accreditationId);
        a.expiredUnanswered();
        decisions.record(null, null, "ACCREDITATION", "FORM_A_NOT_RETURNED provider " + a.getProviderId(), "No Form A within 28 days", null);
    }

    public void remindProvider(Long accreditationId) {
        Accreditation a = accreditation(accreditationId);
        sender.send(Recipient.group(Provider.groupOf(a.getProviderId())), "Reminder: Form A for accreditation", "Please complete Form A; it expires after 28 days.");
    }

    /**
     * Ninety days before expiry: the renewal starts while the provider stays accredited and in every search, so that
     * it is not dropped from the register for the weeks a renewal takes.
     */
    @Transactional
    public ProcessInstance reaccredit(Long providerId) {
        return start(providerId);
    }

    /**
     * The renewal started from the process. A model from before Task_LapseUnlessRenewed reaches this step at the expiry
     * date itself and then ends: the lapse that model meant happens here first, rather than migrating its instances.
     */
    @Transactional
    public void startRenewal(Long accreditationId, Long providerId, boolean modelLapsesHere) {
        if (modelLapsesHere) {
            lapseUnlessRenewed(accreditationId);
        }
        reaccredit(providerId);
    }

    /**
     * The expiry date: the provider lapses (no new referrals) unless a renewal was confirmed in time, which moved its
     * expiry on, or its standing changed otherwise (refused, lapsed already). Returns whether it lapsed.
     */
    @Transactional
    public boolean lapseUnlessRenewed(Long accreditationId) {
        Accreditation a = accreditation(accreditationId);
        Provider p = provider(a.getProviderId());
        if (!p.getAccreditationStatus().receivesReferrals() || !a.getExpiresOn().equals(p.getAccreditationExpiry())) {
            return false;
        }
        providers.accredit(p.getId(), AccreditationStatus.EXPIRED, p.getAccreditationExpiry());
        decisions.record(null, null, "ACCREDITATION", "EXPIRED provider " + p.getId(),
                "Not re-accredited by the expiry date " + UkFormat.date(a.getExpiresOn()), null);
        return true;
    }

    public Accreditation accreditation(Long id) {
        return NotFoundException.findOrThrow(accreditations, "Accreditation", id);
    }

    private Provider provider(Long id) {
        return providers.get(id);
    }

    static List<String> split(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.replace("[", "").replace("]", "").replace("\"", "").split(","))
                .map(String::trim).filter(x -> !x.isEmpty()).collect(Collectors.toList());
    }



}
