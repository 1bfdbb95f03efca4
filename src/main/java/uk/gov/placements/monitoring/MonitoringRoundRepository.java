package uk.gov.placements.monitoring;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MonitoringRoundRepository extends JpaRepository<MonitoringRound, Long> {
    // JPQL, where a derived query would do: Hibernate translates a JPQL string to SQL once, a derived query's criteria on
    // every call (these run at most steps of a referral: benchmark-results.md, "The product's own cost")
    @Query("select r from MonitoringRound r where r.placementId = :placementId order by r.roundNumber asc")
    List<MonitoringRound> findByPlacementIdOrderByRoundNumberAsc(@Param("placementId") Long placementId);

    List<MonitoringRound> findByProviderIdOrderByIdAsc(Long providerId);
}
