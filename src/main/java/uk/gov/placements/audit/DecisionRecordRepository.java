package uk.gov.placements.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DecisionRecordRepository extends JpaRepository<DecisionRecord, Long> {
    List<DecisionRecord> findByReferralIdOrderByDecidedAtAscIdAsc(Long referralId);

    List<DecisionRecord> findByChildIdOrderByDecidedAtAscIdAsc(Long childId);
}
