package uk.gov.placements.referral.search;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import uk.gov.placements.referral.ReferralStatus;

public interface PlacementOptionRepository extends JpaRepository<PlacementOption, Long> {
    /** The options of the referral's current search round. */
    @Query("select o from PlacementOption o where o.referralId = :referralId"
            + " and o.searchRound = (select r.searchRound from Referral r where r.id = :referralId) order by o.rankPosition asc, o.id asc")
    List<PlacementOption> findByReferralIdOrderByRankPositionAscIdAsc(@Param("referralId") Long referralId);

    @Query("select o from PlacementOption o where o.referralId = :referralId and o.source = :source"
            + " and o.searchRound = (select r.searchRound from Referral r where r.id = :referralId)")
    List<PlacementOption> findByReferralIdAndSource(@Param("referralId") Long referralId, @Param("source") OptionSource source);

    /** The still-suitable options at one home of the current round of every referral not yet placed or closed. */
    @Query("select o from PlacementOption o, Referral r where r.id = o.referralId and o.searchRound = r.searchRound"
            + " and o.service.id = :serviceId and o.suitable = true and r.status in :open")
    List<PlacementOption> openAt(@Param("serviceId") Long serviceId, @Param("open") Collection<ReferralStatus> open);

    /** Every option of every round, for the referral's history. */
    List<PlacementOption> findByReferralIdOrderBySearchRoundAscIdAsc(Long referralId);
}
