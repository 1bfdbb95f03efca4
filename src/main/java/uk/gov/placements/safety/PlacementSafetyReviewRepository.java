package uk.gov.placements.safety;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlacementSafetyReviewRepository extends JpaRepository<PlacementSafetyReview, Long> {
    List<PlacementSafetyReview> findByPlacementIdOrderByIdAsc(Long placementId);

    List<PlacementSafetyReview> findByChildIdOrderByIdAsc(Long childId);
}
