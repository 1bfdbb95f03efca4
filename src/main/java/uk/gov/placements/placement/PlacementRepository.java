package uk.gov.placements.placement;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlacementRepository extends JpaRepository<Placement, Long> {
    List<Placement> findByChildIdOrderByStartDateAscIdAsc(Long childId);

    List<Placement> findByStatusAndStartDateLessThanEqual(PlacementStatus status, java.time.LocalDate day);

    List<Placement> findByStatusAndEndDateLessThanEqual(PlacementStatus status, java.time.LocalDate day);

    /** Moves a placement from one status to the next only if it is still in the first: 1 if it moved, 0 if someone else moved it. */
    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("update Placement p set p.status = :to where p.id = :id and p.status = :from")
    int transition(@org.springframework.data.repository.query.Param("id") Long id,
                   @org.springframework.data.repository.query.Param("from") PlacementStatus from,
                   @org.springframework.data.repository.query.Param("to") PlacementStatus to);

    List<Placement> findByServiceIdAndStatusIn(Long serviceId, java.util.Collection<PlacementStatus> statuses);

    /** The children living with a provider now, to be told when it is suspended. */
    List<Placement> findByProviderIdAndStatus(Long providerId, PlacementStatus status);

    List<Placement> findByChildIdAndStatus(Long childId, PlacementStatus status);

    /** Disruptions: placements of the council that ended unplanned in the period. */
    int countByCouncilAndUnplannedEndTrueAndEndDateBetween(String council, java.time.LocalDate from, java.time.LocalDate to);

    List<Placement> findByCouncilInOrderByStartDateDescIdDesc(java.util.Collection<String> councils);

    boolean existsByReferralId(Long referralId);

    List<Placement> findByCouncilAndStartDateBetweenOrderByStartDateAscIdAsc(String council, java.time.LocalDate from, java.time.LocalDate to);
}
