package uk.gov.placements.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DecisionRecordRepository extends JpaRepository<DecisionRecord, Long> {
    // JPQL, where a derived query would do: Hibernate translates a JPQL string to SQL once, a derived query's criteria on
    // every call (these run at most steps of a referral: benchmark-results.md, "The product's own cost")
    @Query("select d from DecisionRecord d where d.referralId = :referralId order by d.decidedAt asc, d.id asc")
    List<DecisionRecord> findByReferralIdOrderByDecidedAtAscIdAsc(@Param("referralId") Long referralId);

    List<DecisionRecord> findByChildIdOrderByDecidedAtAscIdAsc(Long childId);
}
