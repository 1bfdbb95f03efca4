package uk.gov.placements.placement;

import java.util.EnumSet;
import java.util.Collection;
import java.util.Optional;
import uk.gov.placements.child.ChildService;
import uk.gov.placements.provider.ProviderService;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.child.ChildLeftCare;
import uk.gov.placements.common.ConflictException;
import uk.gov.placements.common.FieldErrors;
import uk.gov.placements.common.Ssda903;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.common.UkTime;
import uk.gov.placements.common.Urgency;
import uk.gov.placements.security.SystemActions;
import uk.gov.placements.calendar.WorkingDays;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.provider.Provider;

/** Turns an approved option into a started placement, with everything the 903 return and the reports need. */
@Service
public class PlacementService {
    public static final int PLAN_DUE_WORKING_DAYS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(PlacementService.class);

    private final PlacementRepository placements;
    private final ProviderService providers;
    private final ChildService children;
    private final WorkingDays workingDays;
    private final ApplicationEventPublisher events;
    private final Decisions decisions;
    private final TransactionTemplate transactions;
    private final SystemActions system;
    private final MissingEpisodeRepository missingEpisodes;
    private final Clock clock;

    public PlacementService(PlacementRepository placements, ProviderService providers, ChildService children, WorkingDays workingDays,
                            ApplicationEventPublisher events,
                            Decisions decisions, SystemActions system, PlatformTransactionManager transactionManager,
                            MissingEpisodeRepository missingEpisodes, Clock clock) {
        this.missingEpisodes = missingEpisodes;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
        this.decisions = decisions;
        this.system = system;
        this.placements = placements;
        this.providers = providers;
        this.children = children;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /** Where an option is, seen from the child's council. */
    public record Area(boolean outOfArea, boolean atDistance) {
    }

    /**
     * Out of area: the home is in another local authority than the child's council (both codes: a council's tenant id
     * is its local authority's code). At a distance: out of area and not in a neighbouring authority (V23).
     */
    public Area area(String childCouncil, CareService service) {
        boolean outOfArea = !service.getLocalAuthority().equals(childCouncil);
        boolean atDistance = outOfArea && !providers.neighbours(childCouncil, service.getLocalAuthority());
        return new Area(outOfArea, atDistance);
    }

    /**
     * A placement as its referral agreed it: the home, the fee and distance of the chosen option, the start date, how it
     * matches what was asked (second best, with why), the approval's who/as/when/why, and the child's placement it
     * replaces (if any). The referral reads all of it from its own records; this module records it.
     */
    public record NewPlacement(Long referralId, Long childId, String council, Long serviceId, BigDecimal weeklyFee, double distanceMiles,
                               String childPostcode, LocalDate startDate, String secondBest, boolean siblingsTogether,
                               String reasonPlaceChange, String approvedBy, String approvedAs, Instant approvedAt, String approvalReason,
                               Urgency urgency, int places, Long previousPlacementId) {
    }

    /** The modules that follow a placement (the child's reviews, its contract monitoring) are told it was approved. */
    @Transactional
    public void announceApproved(Long placementId) {
        Placement p = get(placementId);
        events.publishEvent(new PlacementApproved(p.getId(), p.getChildId(), p.getCouncil(), p.isInHouse()));
    }

    /**
     * Records the placement on its agreed start date. It is PLANNED until then (the places are held from now) and the
     * child's previous placement ends on that day.
     */
    @Transactional
    public Placement record(NewPlacement n, LocalDate today) {
        CareService s = providers.home(n.serviceId());
        Placement p = placement(n, s, planDue(n.urgency(), n.startDate(), today)).plannedUnless(today);
        placements.save(p);
        providers.takePlaces(s.getId(), n.places());
        if (n.previousPlacementId() != null) {
            placements.findById(n.previousPlacementId()).ifPresent(previous -> {
                previous.endsOn(n.startDate());
                if (!n.startDate().isAfter(today)) {
                    close(previous, n.startDate());
                }
            });
        }
        children.becameLookedAfter(n.childId(), n.startDate());
        return p;
    }

    /**
     * Regulation 9: the placement plan before a planned placement starts (by the working day before), within 5
     * working days of the start of an urgent or emergency one; never due before today.
     */
    LocalDate planDue(Urgency urgency, LocalDate startDate, LocalDate today) {
        LocalDate due = urgency == Urgency.PLANNED ? workingDays.minus(startDate, 1) : workingDays.plus(startDate, PLAN_DUE_WORKING_DAYS);
        return due.isBefore(today) ? today : due;
    }

    public record Ending(LocalDate endDate, String reasonEpisodeCeased, String reasonPlaceChange, Boolean unplanned, String notes) {
    }

    /**
     * Ends a placement: the child moved on (REC X1, with the reason for the place change) or left care (any other
     * REC). The place returns to the home's vacancies; contract monitoring ends with the exit interview; a child
     * leaving care has their reviews ended and would start afresh on coming back. Checked before anything changes.
     */
    /** A time the child was missing (M) or away without authorisation (A): from a day, to a day (none while still away). */
    public record MissingReport(String kind, LocalDate start, LocalDate end) {
    }

    /**
     * Checks a report against the placement: a kind, a start within the placement and not in the future, an end (if any)
     * not before the start nor in the future. Fields are named as the asker names them: the API's {@code kind},
     * {@code start}, {@code end}, or Form D's {@code missing1Kind}, {@code missing1Start}, {@code missing1End}.
     */
    public void checkMissing(Long placementId, String prefix, MissingReport r, FieldErrors errors) {
        Placement p = NotFoundException.findOrThrow(placements, "Placement", placementId);
        UnaryOperator<String> field = name -> prefix.isEmpty() ? name
                : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        FieldErrors.parseEnum(MissingEpisode.Kind.class, r.kind(), field.apply("kind"), errors);
        LocalDate today = UkTime.today(clock);
        if (r.start() == null) {
            errors.reject(field.apply("start"), "is required: the day the child went missing or away");
        } else if (r.start().isAfter(today)) {
            errors.reject(field.apply("start"), "must not be in the future");
        } else if (r.start().isBefore(p.getStartDate()) || p.getEndDate() != null && r.start().isAfter(p.getEndDate())) {
            errors.reject(field.apply("start"), "must be a day of this placement (from " + UkFormat.date(p.getStartDate()) + ")");
        }
        if (r.end() != null && (r.end().isAfter(today) || r.start() != null && r.end().isBefore(r.start()))) {
            errors.reject(field.apply("end"), "must not be before the start nor in the future");
        }
    }

    /** Records a checked report of a time missing or away, with who reported it. */
    @Transactional
    public MissingEpisode reportMissing(Long placementId, MissingReport r) {
        FieldErrors errors = new FieldErrors();
        checkMissing(placementId, "", r, errors);
        errors.throwIfAny();
        Placement p = placements.findById(placementId).orElseThrow();
        MissingEpisode.Kind kind = MissingEpisode.Kind.valueOf(r.kind().trim().toUpperCase());
        MissingEpisode m = missingEpisodes.save(new MissingEpisode(p, kind, r.start(), r.end(), decisions.actor(), clock.instant()));
        decisions.record(p.getReferralId(), p.getId(), "MISSING_EPISODE", kind.name(), "From " + UkFormat.date(r.start())
                + (r.end() == null ? ", not yet back" : " to " + UkFormat.date(r.end())), null);
        return m;
    }

    public List<MissingEpisode> missingEpisodes(Long placementId) {
        return missingEpisodes.findByPlacementIdOrderByStartDateAsc(placementId);
    }

    @Transactional
    public Placement end(Long placementId, Ending e) {
        Placement p = get(placementId);
        FieldErrors errors = new FieldErrors();
        if (p.getStatus() != PlacementStatus.ACTIVE) {
            throw new ConflictException("Placement " + placementId + " is " + UkFormat.label(p.getStatus()).toLowerCase(Locale.UK) + ": only an active placement can end");
        }
        if (!placements.findByChildIdAndStatus(p.getChildId(), PlacementStatus.PLANNED).isEmpty()) {
            // the child's next placement is already approved: it ends this one on its start date
            throw new ConflictException("The child's next placement is planned; this one ends on its start date (" + UkFormat.date(p.getEndDate()) + ")");
        }
        LocalDate today = UkTime.today(clock);
        if (e.endDate() == null) {
            errors.reject("endDate", "is required");
        } else if (e.endDate().isBefore(p.getStartDate()) || e.endDate().isAfter(today)) {
            errors.reject("endDate", "must be between the start date " + UkFormat.date(p.getStartDate()) + " and today");
        }
        String rec = e.reasonEpisodeCeased() == null ? null : e.reasonEpisodeCeased().trim().toUpperCase();
        if (rec == null || !Ssda903.REASONS_EPISODE_CEASED.contains(rec)) {
            errors.reject("reasonEpisodeCeased", "must be an SSDA903 REC code: X1 when the child moves to another placement, else one of E2 to E9, E11 to E17, E4A, E4B");
        }
        String change = e.reasonPlaceChange() == null || e.reasonPlaceChange().isBlank() ? null : e.reasonPlaceChange().trim().toUpperCase();
        if (Ssda903.MOVED_WITHIN_CARE.equals(rec) && (change == null || !Ssda903.REASONS_PLACE_CHANGE.contains(change))) {
            errors.reject("reasonPlaceChange", "is required when the child moves (REC X1): one of " + new TreeSet<>(Ssda903.REASONS_PLACE_CHANGE));
        }
        if (e.unplanned() == null) {
            errors.reject("unplanned", "is required: did the placement end as planned?");
        }
        String notes = e.notes() == null || e.notes().isBlank() ? null : e.notes().trim();
        if (notes != null && notes.length() > 2000) {
            errors.reject("notes", "must be at most 2,000 characters");
        }
        errors.throwIfAny();
        p.endedBecause(rec, Ssda903.MOVED_WITHIN_CARE.equals(rec) ? change : null, e.unplanned(), notes);
        decisions.record(p.getReferralId(), p.getId(), "PLACEMENT_END", rec + (change == null ? "" : " " + change)
                + (Boolean.TRUE.equals(e.unplanned()) ? " UNPLANNED" : " PLANNED"), notes, null);
        // who may end it was checked by the caller; the processes that follow the placement are closed by the application
        system.run(() -> {
            close(p, e.endDate());
            if (!Ssda903.MOVED_WITHIN_CARE.equals(rec)) {
                events.publishEvent(new ChildLeftCare(p.getChildId(), e.endDate(), rec));
            }
        });
        return p;
    }

    /** Ends a placement on its day: the place goes back to the home's vacancies, and the features following it are told. */
    private void close(Placement p, LocalDate endDate) {
        // the status moves only if it is still ACTIVE: two nodes (or a person and the nightly run) cannot end it twice
        if (placements.transition(p.getId(), PlacementStatus.ACTIVE, PlacementStatus.ENDED) == 0) {
            throw new ConflictException("Placement " + p.getId() + " was ended by someone else at the same time");
        }
        p.end(endDate);
        providers.releasePlace(p.getServiceId());
        events.publishEvent(new PlacementEnded(p.getId(), p.getChildId()));
    }

    /**
     * Brings placements up to the day: those whose agreed start has come become ACTIVE, and those whose end was set
     * by the child's next placement end. Run each night and at start-up; safe to run again.
     */
    public int startAndEndDue(LocalDate today) {
        int changed = 0;
        // each placement in a transaction of its own: one that fails (and is tried again the next night) holds up no other
        for (Placement p : placements.findByStatusAndStartDateLessThanEqual(PlacementStatus.PLANNED, today)) {
            changed += ownTransaction(() -> placements.transition(p.getId(), PlacementStatus.PLANNED, PlacementStatus.ACTIVE));
        }
        for (Placement p : placements.findByStatusAndEndDateLessThanEqual(PlacementStatus.ACTIVE, today)) {
            changed += ownTransaction(() -> {
                Placement fresh = get(p.getId());
                if (fresh.getStatus() != PlacementStatus.ACTIVE) {
                    return 0;
                }
                close(fresh, fresh.getEndDate());
                return 1;
            });
        }
        return changed;
    }

    private int ownTransaction(IntSupplier work) {
        try {
            Integer done = transactions.execute(s -> work.getAsInt());
            return done == null ? 0 : done;
        } catch (RuntimeException e) {
            LOG.warn("A placement could not be brought up to the day; it is tried again at the next run", e);
            return 0;
        }
    }

    /** SSDA903 PLACE_PROVIDER: own provision PR1, another council PR2, private PR4, voluntary PR5. */
    static String placeProvider(Provider provider, String council) {
        if (provider.isInHouse()) {
            return council.equalsIgnoreCase(provider.getCouncil()) ? "PR1" : "PR2";
        }
        return provider.getSector() == Provider.Sector.VOLUNTARY ? "PR5" : "PR4";
    }

    @Transactional
    public void planWritten(Long placementId) {
        get(placementId).planWritten(clock.instant());
    }

    /** Read by contractMonitoring's loop: a placement ended without its message ends its monitoring too. */
    public boolean isActive(Long placementId) {
        return get(placementId).getStatus() != PlacementStatus.ENDED;
    }

    public Placement get(Long id) {
        return NotFoundException.findOrThrow(placements, "Placement", id);
    }

    /** The placement with the id, if there is one (the caller decides what a missing or unseen placement means). */
    @Transactional(readOnly = true)
    public Optional<Placement> find(Long id) {
        return placements.findById(id);
    }

    /** The child's placements, first to last. */
    @Transactional(readOnly = true)
    public List<Placement> placementsOf(Long childId) {
        return placements.findByChildIdOrderByStartDateAscIdAsc(childId);
    }

    @Transactional(readOnly = true)
    public List<Placement> placementsOf(Long childId, PlacementStatus status) {
        return placements.findByChildIdAndStatus(childId, status);
    }

    /** The children living with the provider now. */
    @Transactional(readOnly = true)
    public List<Placement> activeWithProvider(Long providerId) {
        return placements.findByProviderIdAndStatus(providerId, PlacementStatus.ACTIVE);
    }

    /** The placements at a home that are running or agreed to start. */
    @Transactional(readOnly = true)
    public List<Placement> plannedOrActiveAt(Long serviceId) {
        return placements.findByServiceIdAndStatusIn(serviceId, EnumSet.of(PlacementStatus.PLANNED, PlacementStatus.ACTIVE));
    }

    /** The councils' placements, newest first. */
    @Transactional(readOnly = true)
    public List<Placement> ofCouncils(Collection<String> councils) {
        return placements.findByCouncilInOrderByStartDateDescIdDesc(councils);
    }

    /** The council's placements that started in the period, first to last. */
    @Transactional(readOnly = true)
    public List<Placement> startedBetween(String council, LocalDate from, LocalDate to) {
        return placements.findByCouncilAndStartDateBetweenOrderByStartDateAscIdAsc(council, from, to);
    }

    /** Disruptions: the council's placements that ended unplanned in the period. */
    @Transactional(readOnly = true)
    public int unplannedEndings(String council, LocalDate from, LocalDate to) {
        return placements.countByCouncilAndUnplannedEndTrueAndEndDateBetween(council, from, to);
    }

    /** The council's times missing or away, child by child and in order. */
    @Transactional(readOnly = true)
    public List<MissingEpisode> missingEpisodesOf(String council) {
        return missingEpisodes.findByCouncilOrderByChildIdAscStartDateAsc(council);
    }

    /** Whether the demo's placement history is there already. */
    @Transactional(readOnly = true)
    public boolean demoHistoryRecorded() {
        return placements.count() > 0;
    }

    /** The demo's history: a placement recorded as it was, without a referral, its plan due as given; the one before it ending on its start. */
    @Transactional
    public Placement saveDemo(NewPlacement n, LocalDate planDue) {
        if (n.previousPlacementId() != null) {
            get(n.previousPlacementId()).end(n.startDate());
        }
        return placements.save(placement(n, providers.home(n.serviceId()), planDue));
    }

    /** The placement as approved, with what the SSDA903 return reports of it: where, how far, why, and by whose approval. */
    private Placement placement(NewPlacement n, CareService s, LocalDate planDue) {
        Provider provider = s.getProvider();
        Area area = area(n.council(), s);
        return Placement.of(n.referralId(), n.childId(), n.council(), s.getPlacementType(), n.startDate())
                .at(s.getId(), provider.getId(), provider.isInHouse(), n.weeklyFee(), n.distanceMiles(),
                        n.childPostcode(), s.getPostcode(), s.registeredUrn())
                .area(area.outOfArea(), area.atDistance())
                .match(n.secondBest() != null, n.secondBest(), n.siblingsTogether())
                .codes(s.getPlacementType().ssda903Place(), placeProvider(provider, n.council()), n.reasonPlaceChange())
                .approval(n.approvedBy(), n.approvedAs(), n.approvedAt(), n.approvalReason())
                .planDue(planDue);
    }
}
