package uk.gov.placements.referral;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReferralRepository extends JpaRepository<Referral, Long> {
    java.util.List<Referral> findByChildId(Long childId);

    java.util.Optional<Referral> findByProcessInstanceId(String processInstanceId);

    java.util.List<Referral> findByCouncilAndCreatedAtBetween(String council, java.time.Instant from, java.time.Instant to);
}
