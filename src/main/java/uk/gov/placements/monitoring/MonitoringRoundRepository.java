package uk.gov.placements.monitoring;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MonitoringRoundRepository extends JpaRepository<MonitoringRound, Long> {
    // JPQL, not derived: Hibernate caches a JPQL query's SQL and builds a derived query's again at each call (benchmark-results.md)
    @Query("select r from MonitoringRound r where r.placementId = :placementId order by r.roundNumber asc")
    List<MonitoringRound> findByPlacementIdOrderByRoundNumberAsc(@Param("placementId") Long placementId);

    List<MonitoringRound> findByProviderIdOrderByIdAsc(Long providerId);
}
