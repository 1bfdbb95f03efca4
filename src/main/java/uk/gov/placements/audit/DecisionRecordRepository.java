package uk.gov.placements.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DecisionRecordRepository extends JpaRepository<DecisionRecord, Long> {
    // JPQL, not derived: Hibernate caches a JPQL query's SQL and builds a derived query's again at each call (benchmark-results.md)
    @Query("select d from DecisionRecord d where d.referralId = :referralId order by d.decidedAt asc, d.id asc")
    List<DecisionRecord> findByReferralIdOrderByDecidedAtAscIdAsc(@Param("referralId") Long referralId);

    List<DecisionRecord> findByChildIdOrderByDecidedAtAscIdAsc(Long childId);
}
