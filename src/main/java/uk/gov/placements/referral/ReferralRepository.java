package uk.gov.placements.referral;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReferralRepository extends JpaRepository<Referral, Long> {
    List<Referral> findByChildId(Long childId);

    Optional<Referral> findByProcessInstanceId(String processInstanceId);

    List<Referral> findByCouncilAndCreatedAtBetween(String council, Instant from, Instant to);
}
