package uk.gov.placements.placement;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlacementRepository extends JpaRepository<Placement, Long> {
    List<Placement> findByChildIdOrderByStartDateAscIdAsc(Long childId);

    List<Placement> findByStatusAndStartDateLessThanEqual(PlacementStatus status, java.time.LocalDate day);

    List<Placement> findByStatusAndEndDateLessThanEqual(PlacementStatus status, java.time.LocalDate day);

    List<Placement> findByCouncilInOrderByStartDateDescIdDesc(java.util.Collection<String> councils);

    boolean existsByReferralId(Long referralId);

    List<Placement> findByCouncilAndStartDateBetweenOrderByStartDateAscIdAsc(String council, java.time.LocalDate from, java.time.LocalDate to);
}
