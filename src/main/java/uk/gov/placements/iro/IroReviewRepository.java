package uk.gov.placements.iro;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface IroReviewRepository extends JpaRepository<IroReview, Long> {
    Optional<IroReview> findFirstByChildIdAndStatusOrderBySequenceNumberDesc(Long childId, IroReview.Status status);

    List<IroReview> findByChildIdOrderBySequenceNumberAsc(Long childId);

    /** Overdue: still scheduled with its due date passed (due before today). */
    long countByCouncilAndStatusAndDueDateBefore(String council, IroReview.Status status, LocalDate today);
}
