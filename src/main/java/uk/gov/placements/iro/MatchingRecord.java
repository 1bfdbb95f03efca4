package uk.gov.placements.iro;

import uk.gov.placements.provider.MonitoringRatings;

import uk.gov.placements.common.UkFormat;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.placement.Placement;
import uk.gov.placements.placement.PlacementService;
import uk.gov.placements.placement.PlacementStatus;
import uk.gov.placements.referral.Referral;
import uk.gov.placements.referral.ReferralService;
import uk.gov.placements.referral.search.PlacementOption;
import uk.gov.placements.referral.search.ProviderReferral;
import uk.gov.placements.referral.search.SearchService;

/**
 * How the child's current placement was found, for the IRO's scrutiny: every option considered
 * with its rank and reasons, any restriction to in-house and why, the choice and its reason,
 * second-best flags, the providers asked and what they answered, and any procurement waiver.
 */
@Component
public class MatchingRecord {
    private final PlacementService placements;
    private final ReferralService referrals;
    private final SearchService search;
    private final MonitoringRatings monitoringRatings;

    public MatchingRecord(PlacementService placements, ReferralService referrals, SearchService search,
                          MonitoringRatings monitoringRatings) {
        this.placements = placements;
        this.referrals = referrals;
        this.search = search;
        this.monitoringRatings = monitoringRatings;
    }

    @Transactional(readOnly = true)
    public String forChild(Long childId) {
        List<Placement> all = placements.placementsOf(childId);
        Placement current = all.stream().filter(p -> p.getStatus() == PlacementStatus.ACTIVE).reduce((a, b) -> b).orElse(null);
        if (current == null || current.getReferralId() == null) {
            return "No current placement was found through a referral in this system.";
        }
        Referral r = referrals.get(current.getReferralId());
        StringBuilder s = new StringBuilder();
        s.append("**Current placement** from ").append(UkFormat.date(current.getStartDate())).append(": ").append(UkFormat.label(current.getPlacementType()))
                .append(current.isInHouse() ? ", in-house" : ", independent").append(", ").append(UkFormat.money(current.getWeeklyCost())).append(" a week, ")
                .append(UkFormat.miles(current.getDistanceMiles())).append(" miles from home").append(current.isOutOfArea() ? ", out of area" : "")
                .append(". Approved by ").append(current.getApprovedBy()).append(" (").append(current.getApproverGroup()).append(").\n\n");
        s.append(current.isSecondBest() ? "**Second-best:** " + current.getSecondBestReason() : "The placement was the kind asked for (not second-best).")
                .append("\n\n");
        s.append("Placements in care so far: ").append(all.size()).append("\n\n");
        if (Boolean.TRUE.equals(r.getRestrictToInHouse())) {
            s.append("**Search restricted to in-house** because: ").append(r.getRestrictionReason()).append("\n\n");
        }
        if (r.getWaiverApproved() != null) {
            s.append("**Procurement waiver** ").append(r.getWaiverApproved() ? "granted" : "refused").append(": ").append(r.getWaiverReason())
                    .append("\n\n");
        }
        s.append("**Options considered** (").append(r.getReference()).append("):\n");
        search.optionsOf(r.getId()).stream()
                .sorted(PlacementOption.RANK_ORDER)
                .forEach(o -> s.append("- ").append(o.getRankPosition() == null ? "Not ranked:" : o.getRankPosition() + ".").append(' ')
                        .append(o.getService().getName()).append(o.getId().equals(r.getSelectedOptionId()) ? " **(chosen)**" : "")
                        .append(": ").append(o.getRankReasons() == null ? "" : o.getRankReasons()).append('\n'));
        if (r.getSelectionReason() != null) {
            s.append("\nReason for the choice: ").append(r.getSelectionReason()).append('\n');
        }
        List<ProviderReferral> asked = search.providerReferralsOf(r.getId());
        s.append("\n**Providers asked:** ").append(asked.isEmpty() ? "none" : "").append('\n');
        asked.forEach(pr -> s.append("- ").append(pr.getService().getProvider().getName()).append(": ").append(UkFormat.label(pr.getStatus()))
                .append(pr.getDeclineReason() == null ? "" : " (" + UkFormat.declineReason(pr.getDeclineReason()) + ")")
                .append(pr.getWeeklyFee() == null ? "" : ", " + UkFormat.money(pr.getWeeklyFee()) + " a week").append('\n'));
        s.append("\n**Latest monitoring rating of the provider:** ").append(current.getProviderId() == null ? "n/a"
                : monitoringRatings.latestFor(current.getProviderId()).orElse("no monitoring round yet"));
        return s.toString();
    }
}
