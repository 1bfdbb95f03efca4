package uk.gov.placements.referral.search;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProviderReferralRepository extends JpaRepository<ProviderReferral, Long> {
    List<ProviderReferral> findByReferralIdOrderByIdAsc(Long referralId);

    List<ProviderReferral> findByService_IdAndStatusOrderByIdAsc(Long serviceId, ProviderReferral.Status status);

    List<ProviderReferral> findByReferralIdAndStatusOrderByIdAsc(Long referralId, ProviderReferral.Status status);
}
