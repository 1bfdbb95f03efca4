package uk.gov.placements.placement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.audit.DecisionRecord;
import uk.gov.placements.audit.DecisionRecordRepository;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.common.Urgency;
import uk.gov.placements.common.WorkingDays;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.provider.CareServiceRepository;
import uk.gov.placements.provider.CouncilNeighbourRepository;
import uk.gov.placements.provider.Provider;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.ReferralRepository;
import uk.gov.placements.search.PlacementOption;
import uk.gov.placements.search.PlacementOptionRepository;

/** Turns an approved option into a started placement, with everything the 903 return and the reports need. */
@Service
public class PlacementService {
    public static final int PLAN_DUE_WORKING_DAYS = 5;
    public static final int EMERGENCY_NOTICE_WORKING_DAYS = 5;

    private final PlacementRepository placements;
    private final ReferralRepository referrals;
    private final PlacementOptionRepository options;
    private final CareServiceRepository services;
    private final CouncilNeighbourRepository neighbours;
    private final NotificationRepository notifications;
    private final NotificationSender sender;
    private final DecisionRecordRepository decisionRecords;
    private final WorkingDays workingDays;

    public PlacementService(PlacementRepository placements, ReferralRepository referrals, PlacementOptionRepository options,
                            CareServiceRepository services, CouncilNeighbourRepository neighbours,
                            NotificationRepository notifications, NotificationSender sender,
                            DecisionRecordRepository decisionRecords, WorkingDays workingDays) {
        this.placements = placements;
        this.referrals = referrals;
        this.options = options;
        this.services = services;
        this.neighbours = neighbours;
        this.notifications = notifications;
        this.sender = sender;
        this.decisionRecords = decisionRecords;
        this.workingDays = workingDays;
    }

    /** Where an option is, seen from the child's council. */
    public record Area(boolean outOfArea, boolean atDistance) {
    }

    public Area area(String childCouncil, CareService service) {
        boolean outOfArea = !service.getLocalAuthority().equalsIgnoreCase(childCouncil);
        boolean atDistance = outOfArea && !neighbours.existsByCouncilAndNeighbour(childCouncil, service.getLocalAuthority().toLowerCase());
        return new Area(outOfArea, atDistance);
    }

    /**
     * The inputs of decision {@code approvalLevel}. The council's own foster carers are exempt from the
     * out-of-area rules (the scheme of delegation), so they enter the decision as in area.
     */
    public record ApprovalInputs(BigDecimal commitment, boolean outOfArea, boolean atDistance, BigDecimal weeklyFee, String providerName) {
    }

    @Transactional(readOnly = true)
    public ApprovalInputs approvalInputs(Long referralId) {
        Referral r = referral(referralId);
        PlacementOption o = selectedOption(r);
        BigDecimal commitment = o.getWeeklyFee().multiply(BigDecimal.valueOf(r.getPlannedWeeks()));
        CareService s = o.getService();
        String providerName = s.getProvider().getName();
        if (o.isInHouse() && s.getPlacementType() == PlacementType.FOSTER) {
            return new ApprovalInputs(commitment, false, false, o.getWeeklyFee(), providerName);
        }
        Area area = area(r.getCouncil(), s);
        return new ApprovalInputs(commitment, area.outOfArea(), area.atDistance(), o.getWeeklyFee(), providerName);
    }

    /** Records the placement from the referral's selected option and its approval; ends the child's previous placement. */
    @Transactional
    public Placement start(Long referralId, LocalDate startDate) {
        Referral r = referral(referralId);
        if (r.getPlacementId() != null) {
            return placements.findById(r.getPlacementId()).orElseThrow();  // idempotent on a retried job
        }
        PlacementOption o = selectedOption(r);
        CareService s = o.getService();
        Provider provider = s.getProvider();
        Area area = area(r.getCouncil(), s);
        DecisionRecord approval = decisionRecords.findByReferralIdOrderByDecidedAtAscIdAsc(referralId).stream()
                .filter(d -> "APPROVAL".equals(d.getKind()) && "APPROVE".equals(d.getOutcome()))
                .reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("Referral " + referralId + " has no approval"));

        List<String> secondBest = new ArrayList<>();
        if (s.getPlacementType() != r.getPlacementType()) {
            secondBest.add("type " + s.getPlacementType() + " instead of " + r.getPlacementType());
        }
        if (o.getDistanceMiles() > r.getMaxDistanceMiles()) {
            secondBest.add(o.getDistanceMiles() + " miles from home, beyond the " + r.getMaxDistanceMiles() + " asked");
        }
        if (!o.needsUnmet().isEmpty()) {
            secondBest.add("needs not met: " + o.needsUnmet());
        }
        boolean siblingsTogether = r.getSiblings() > 0 && r.isSiblingsTogether();
        Placement p = Placement.of(referralId, r.getChild().getId(), r.getCouncil(), s.getPlacementType(), startDate)
                .at(s.getId(), provider.getId(), provider.isInHouse(), o.getWeeklyFee(), o.getDistanceMiles(),
                        r.getChild().getPostcode(), s.getPostcode(), provider.getOfstedUrn())
                .area(area.outOfArea(), area.atDistance())
                .match(!secondBest.isEmpty(), secondBest.isEmpty() ? null : String.join("; ", secondBest), siblingsTogether)
                .codes(s.getPlacementType().ssda903Place(), placeProvider(provider, r.getCouncil()),
                        r.isMoving() ? (r.getReasonPlaceChange() == null ? "CARPL" : r.getReasonPlaceChange()) : null)
                .approval(approval.getDecidedBy(), r.getApprovedAs(), approval.getDecidedAt(), approval.getReason())
                .planDue(workingDays.plus(startDate, PLAN_DUE_WORKING_DAYS));
        placements.save(p);
        services.takePlaces(s.getId(), r.placesNeeded());
        if (r.getCurrentPlacementId() != null) {
            placements.findById(r.getCurrentPlacementId()).ifPresent(previous -> {
                previous.end(startDate);
                services.releasePlace(previous.getServiceId());
            });
        }
        r.getChild().becameLookedAfter(startDate);
        r.placed(p.getId());
        return p;
    }

    /** SSDA903 PLACE_PROVIDER: own provision PR1, another council PR2, private PR4, voluntary PR5. */
    static String placeProvider(Provider provider, String council) {
        if (provider.isInHouse()) {
            return council.equalsIgnoreCase(provider.getCouncil()) ? "PR1" : "PR2";
        }
        return provider.getSector() == Provider.Sector.VOLUNTARY ? "PR5" : "PR4";
    }

    /**
     * The statutory notifications: before a planned placement starts, within 5 working days of an
     * emergency one; the host council too when the child is placed outside the home council.
     */
    @Transactional
    public List<Notification> notifyPlacement(Long placementId) {
        Placement p = get(placementId);
        List<Notification> already = notifications.findByPlacementIdOrderByIdAsc(placementId);
        if (!already.isEmpty()) {
            return already;  // done on an earlier try of this job
        }
        Referral r = referral(p.getReferralId());
        LocalDate due = r.getUrgency() == Urgency.EMERGENCY ? workingDays.plus(p.getStartDate(), EMERGENCY_NOTICE_WORKING_DAYS)
                : p.getStartDate();
        List<String> recipients = new ArrayList<>(List.of("child", "parents", "health", "GP", "school", "IRO"));
        if (r.isMoving()) {
            recipients.add(2, "previous carer");
        }
        if (p.isOutOfArea()) {
            CareService s = services.findById(p.getServiceId()).orElseThrow();
            recipients.add("host council: " + s.getLocalAuthority());
        }
        String subject = "Placement of " + r.getChild().initials() + " (" + r.getReference() + ") from " + p.getStartDate();
        List<Notification> sent = new ArrayList<>();
        for (String recipient : recipients) {
            Notification n = notifications.save(new Notification(placementId, recipient, subject, due));
            sender.send(recipient, subject, "A placement starts on " + p.getStartDate() + ". Notification due by " + due + ".");
            n.sent(Decisions.now());
            sent.add(n);
        }
        return sent;
    }

    @Transactional
    public void planWritten(Long placementId) {
        get(placementId).planWritten(Decisions.now());
    }

    /** Read by contractMonitoring's loop: a placement ended without its message ends its monitoring too. */
    public boolean isActive(Long placementId) {
        return get(placementId).getStatus() == PlacementStatus.ACTIVE;
    }

    public Placement get(Long id) {
        return placements.findById(id).orElseThrow(() -> new NotFoundException("Placement", id));
    }

    public static LocalDate today() {
        return Decisions.now().atZone(ZoneId.of("Europe/London")).toLocalDate();
    }

    private PlacementOption selectedOption(Referral r) {
        if (r.getSelectedOptionId() == null) {
            throw new IllegalStateException("Referral " + r.getId() + " has no selected option");
        }
        return options.findById(r.getSelectedOptionId()).orElseThrow(() -> new NotFoundException("Option", r.getSelectedOptionId()));
    }

    private Referral referral(Long id) {
        return referrals.findById(id).orElseThrow(() -> new NotFoundException("Referral", id));
    }
}
