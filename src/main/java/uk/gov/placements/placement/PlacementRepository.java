package uk.gov.placements.placement;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PlacementRepository extends JpaRepository<Placement, Long> {
    // JPQL, not derived: Hibernate caches a JPQL query's SQL and builds a derived query's again at each call (benchmark-results.md)
    @Query("select p from Placement p where p.childId = :childId order by p.startDate asc, p.id asc")
    List<Placement> findByChildIdOrderByStartDateAscIdAsc(@Param("childId") Long childId);

    List<Placement> findByStatusAndStartDateLessThanEqual(PlacementStatus status, LocalDate day);

    List<Placement> findByStatusAndEndDateLessThanEqual(PlacementStatus status, LocalDate day);

    /** Moves a placement from one status to the next only if it is still in the first: 1 if it moved, 0 if someone else moved it. */
    @Modifying
    @Query("update Placement p set p.status = :to where p.id = :id and p.status = :from")
    int transition(@Param("id") Long id,
                   @Param("from") PlacementStatus from,
                   @Param("to") PlacementStatus to);

    List<Placement> findByServiceIdAndStatusIn(Long serviceId, Collection<PlacementStatus> statuses);

    /** The children living with a provider now, to be told when it is suspended. */
    List<Placement> findByProviderIdAndStatus(Long providerId, PlacementStatus status);

    List<Placement> findByChildIdAndStatus(Long childId, PlacementStatus status);

    /** Disruptions: placements of the council that ended unplanned in the period. */
    int countByCouncilAndUnplannedEndTrueAndEndDateBetween(String council, LocalDate from, LocalDate to);

    List<Placement> findByCouncilInOrderByStartDateDescIdDesc(Collection<String> councils);

    boolean existsByReferralId(Long referralId);

    List<Placement> findByCouncilAndStartDateBetweenOrderByStartDateAscIdAsc(String council, LocalDate from, LocalDate to);
}
