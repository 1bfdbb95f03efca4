package uk.gov.placements.iro;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface IroReviewRepository extends JpaRepository<IroReview, Long> {
    // JPQL, not derived: Hibernate caches a JPQL query's SQL and builds a derived query's again at each call (benchmark-results.md)
    @Query("select r from IroReview r where r.childId = :childId and r.status = :status order by r.sequenceNumber desc limit 1")
    Optional<IroReview> findFirstByChildIdAndStatusOrderBySequenceNumberDesc(@Param("childId") Long childId,
                                                                         @Param("status") IroReview.Status status);

    @Query("select r from IroReview r where r.childId = :childId order by r.sequenceNumber asc")
    List<IroReview> findByChildIdOrderBySequenceNumberAsc(@Param("childId") Long childId);

    /** Overdue: still scheduled with its due date passed (due before today). */
    long countByCouncilAndStatusAndDueDateBefore(String council, IroReview.Status status, LocalDate today);
}
