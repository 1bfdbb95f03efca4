package uk.gov.placements.referral.search;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ProviderReferralRepository extends JpaRepository<ProviderReferral, Long> {
    // JPQL, where a derived query would do: Hibernate translates a JPQL string to SQL once, a derived query's criteria on
    // every call (these run at most steps of a referral: benchmark-results.md, "The product's own cost")
    @Query("select p from ProviderReferral p where p.referralId = :referralId order by p.id asc")
    List<ProviderReferral> findByReferralIdOrderByIdAsc(@Param("referralId") Long referralId);

    List<ProviderReferral> findByService_IdAndStatusOrderByIdAsc(Long serviceId, ProviderReferral.Status status);

    @Query("select p from ProviderReferral p where p.referralId = :referralId and p.status = :status order by p.id asc")
    List<ProviderReferral> findByReferralIdAndStatusOrderByIdAsc(@Param("referralId") Long referralId, @Param("status") ProviderReferral.Status status);
}
