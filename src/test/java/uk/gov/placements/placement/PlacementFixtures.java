package uk.gov.placements.placement;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Placements written and read as tests set them up and check them, where no service of the module would do it. */
@Component
public class PlacementFixtures {
    private final PlacementRepository placements;

    PlacementFixtures(PlacementRepository placements) {
        this.placements = placements;
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
