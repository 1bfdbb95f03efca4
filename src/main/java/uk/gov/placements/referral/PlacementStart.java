package uk.gov.placements.referral;

import static uk.gov.placements.referral.PlacementReferralProcess.APPROVE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.audit.DecisionRecord;
import uk.gov.placements.audit.Decisions;
import uk.gov.placements.common.NeedCode;
import uk.gov.placements.common.NotFoundException;
import uk.gov.placements.common.PlacementType;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.provider.CareService;
import uk.gov.placements.referral.search.PlacementOption;
import uk.gov.placements.referral.search.SearchService;

/**
 * From the referral's chosen option to its placement: what the approval decision reads, and, once approved, the
 * placement recorded as the referral agreed it. The referral's own records (its option, its approval) are read here,
 * in the module that wrote them; the placement module records what it is given.
 */
@Service
public class PlacementStart {
    private final ReferralRepository referrals;
    private final SearchService search;
    private final PlacementService placements;
    private final Decisions decisions;

    PlacementStart(ReferralRepository referrals, SearchService search, PlacementService placements, Decisions decisions) {
        this.referrals = referrals;
        this.search = search;
        this.placements = placements;
        this.decisions = decisions;
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
        BigDecimal commitment = SearchService.commitment(o, r.getPlannedWeeks());
        CareService s = o.getService();
        String providerName = s.getProvider().getName();
        if (o.isInHouse() && s.getPlacementType() == PlacementType.FOSTER) {
            return new ApprovalInputs(commitment, false, false, o.getWeeklyFee(), providerName);
        }
        PlacementService.Area area = placements.area(r.getCouncil(), s);
        return new ApprovalInputs(commitment, area.outOfArea(), area.atDistance(), o.getWeeklyFee(), providerName);
    }

    /**
     * Records the placement from the referral's selected option and its approval, on the agreed start date: the
     * provider's offered date, or for an in-house option the placements team's proposal (else the required-by date),
     * never before today. Idempotent: a retried step finds the placement already recorded.
     */
    @Transactional
    public Placement start(Long referralId, LocalDate today) {
        Referral r = referral(referralId);
        if (r.getPlacementId() != null) {
            return placements.get(r.getPlacementId());
        }
        PlacementOption o = selectedOption(r);
        CareService s = o.getService();
        DecisionRecord approval = decisions.ofReferral(referralId).stream()
                .filter(d -> ReferralService.APPROVAL_KIND.equals(d.getKind()) && APPROVE.equals(d.getOutcome()))
                .reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("Referral " + referralId + " has no approval"));
        List<String> secondBest = new ArrayList<>();
        if (s.getPlacementType() != r.getPlacementType()) {
            secondBest.add(UkFormat.label(s.getPlacementType()) + " instead of " + UkFormat.label(r.getPlacementType()).toLowerCase(Locale.UK));
        }
        if (o.getDistanceMiles() > r.getMaxDistanceMiles()) {
            secondBest.add(UkFormat.miles(o.getDistanceMiles()) + " miles from home, beyond the " + r.getMaxDistanceMiles() + " asked");
        }
        if (!o.needsUnmet().isEmpty()) {
            secondBest.add("needs not met: " + o.needsUnmet().stream().map(NeedCode::label).collect(Collectors.joining(", ")));
        }
        Placement p = placements.record(new PlacementService.NewPlacement(referralId, r.getChild().getId(), r.getCouncil(), s.getId(),
                o.getWeeklyFee(), o.getDistanceMiles(), r.getChild().getPostcode(), agreedStart(r, o, today),
                secondBest.isEmpty() ? null : String.join("; ", secondBest), r.getSiblings() > 0 && r.isSiblingsTogether(),
                r.isMoving() ? (r.getReasonPlaceChange() == null ? "CARPL" : r.getReasonPlaceChange()) : null,
                approval.getDecidedBy(), r.getApprovedAs(), approval.getDecidedAt(), approval.getReason(),
                r.getUrgency(), r.placesNeeded(), r.getCurrentPlacementId()), today);
        r.placed(p.getId());
        return p;
    }

    /** The day a placement of the option would start if approved today: also what the approver is shown. */
    public static LocalDate agreedStart(Referral r, PlacementOption o, LocalDate today) {
        LocalDate agreed = o.getStartDate() != null ? o.getStartDate()
                : r.getProposedStartDate() != null ? r.getProposedStartDate() : r.getRequiredBy();
        return agreed.isBefore(today) ? today : agreed;
    }

    private PlacementOption selectedOption(Referral r) {
        if (r.getSelectedOptionId() == null) {
            throw new IllegalStateException("Referral " + r.getId() + " has no selected option");
        }
        return search.option(r.getSelectedOptionId());
    }

    private Referral referral(Long id) {
        return NotFoundException.findOrThrow(referrals, "Referral", id);
    }
}
