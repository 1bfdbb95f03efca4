package uk.gov.placements.search;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlacementOptionRepository extends JpaRepository<PlacementOption, Long> {
    List<PlacementOption> findByReferralIdOrderByRankPositionAscIdAsc(Long referralId);

    List<PlacementOption> findByReferralIdAndSource(Long referralId, OptionSource source);

    void deleteByReferralId(Long referralId);
}
