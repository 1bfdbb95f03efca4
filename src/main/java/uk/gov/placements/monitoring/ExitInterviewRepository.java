package uk.gov.placements.monitoring;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExitInterviewRepository extends JpaRepository<ExitInterview, Long> {
    List<ExitInterview> findByProviderIdOrderByInterviewedOnDesc(Long providerId);

    @org.springframework.data.jpa.repository.Query("select e.providerId, count(e) from ExitInterview e where e.providerId in :providerIds group by e.providerId")
    List<Object[]> countByProviderIdIn(@org.springframework.data.repository.query.Param("providerIds") java.util.Collection<Long> providerIds);
}
