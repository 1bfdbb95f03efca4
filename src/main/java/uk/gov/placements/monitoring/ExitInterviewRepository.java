package uk.gov.placements.monitoring;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ExitInterviewRepository extends JpaRepository<ExitInterview, Long> {
    List<ExitInterview> findByProviderIdOrderByInterviewedOnDesc(Long providerId);

    @Query("select e.providerId, count(e) from ExitInterview e where e.providerId in :providerIds group by e.providerId")
    List<Object[]> countByProviderIdIn(@Param("providerIds") Collection<Long> providerIds);
}
