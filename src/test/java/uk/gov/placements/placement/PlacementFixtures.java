package uk.gov.placements.placement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.PlacementType;
import org.springframework.transaction.annotation.Transactional;

/** Placements written and read as tests set them up and check them, where no service of the module would do it. */
@Component
public class PlacementFixtures {
    private final PlacementRepository placements;

    PlacementFixtures(PlacementRepository placements) {
        this.placements = placements;
    }

    /** A placement as a test sets it up, field by field: the entity's own steps, which main code reaches through PlacementService. */
    public static Draft of(Long referralId, Long childId, String council, PlacementType type, LocalDate startDate) {
        return new Draft(Placement.of(referralId, childId, council, type, startDate));
    }

    public static final class Draft {
        private final Placement placement;

        private Draft(Placement placement) {
            this.placement = placement;
        }

        public Draft at(Long serviceId, Long providerId, boolean inHouse, BigDecimal weeklyCost, double distanceMiles,
                        String homePostcode, String placementPostcode, String providerUrn) {
            placement.at(serviceId, providerId, inHouse, weeklyCost, distanceMiles, homePostcode, placementPostcode, providerUrn);
            return this;
        }

        public Draft area(boolean outOfArea, boolean atDistance) {
            placement.area(outOfArea, atDistance);
            return this;
        }

        public Draft match(boolean secondBest, String secondBestReason, boolean siblingsPlacedTogether) {
            placement.match(secondBest, secondBestReason, siblingsPlacedTogether);
            return this;
        }

        public Draft codes(String placeCode, String placeProviderCode, String reasonPlaceChange) {
            placement.codes(placeCode, placeProviderCode, reasonPlaceChange);
            return this;
        }

        public Draft approval(String approvedBy, String approverGroup, Instant approvedAt, String approvalReason) {
            placement.approval(approvedBy, approverGroup, approvedAt, approvalReason);
            return this;
        }

        public Draft planDue(LocalDate planDue) {
            placement.planDue(planDue);
            return this;
        }
    }

    /** A placement recorded as a test drafted it, without a referral. */
    @Transactional
    public Placement save(Draft draft) {
        return placements.save(draft.placement);
    }

    /** A placement recorded as it stands, without a referral. */
    @Transactional
    public Placement save(Placement placement) {
        return placements.save(placement);
    }

    /** The placement ended on the day, for the given reasons (planned), as the nightly run and a person record it. */
    @Transactional
    public Placement ended(Placement placement, LocalDate on, String reasonEpisodeCeased, String reasonPlaceChange) {
        placement.end(on);
        placement.endedBecause(reasonEpisodeCeased, reasonPlaceChange, false, null);
        return placements.save(placement);
    }

    @Transactional(readOnly = true)
    public List<Placement> all() {
        return placements.findAll();
    }

    @Transactional(readOnly = true)
    public boolean existsForReferral(Long referralId) {
        return placements.existsByReferralId(referralId);
    }
}
