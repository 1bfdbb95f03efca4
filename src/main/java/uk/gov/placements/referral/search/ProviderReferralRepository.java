package uk.gov.placements.referral.search;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ProviderReferralRepository extends JpaRepository<ProviderReferral, Long> {
    // JPQL, not derived: Hibernate caches a JPQL query's SQL and builds a derived query's again at each call (benchmark-results.md)
    @Query("select p from ProviderReferral p where p.referralId = :referralId order by p.id asc")
    List<ProviderReferral> findByReferralIdOrderByIdAsc(@Param("referralId") Long referralId);

    List<ProviderReferral> findByService_IdAndStatusOrderByIdAsc(Long serviceId, ProviderReferral.Status status);

    @Query("select p from ProviderReferral p where p.referralId = :referralId and p.status = :status order by p.id asc")
    List<ProviderReferral> findByReferralIdAndStatusOrderByIdAsc(@Param("referralId") Long referralId,
                                                                 @Param("status") ProviderReferral.Status status);
}
