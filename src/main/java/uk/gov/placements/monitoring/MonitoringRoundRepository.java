package uk.gov.placements.monitoring;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MonitoringRoundRepository extends JpaRepository<MonitoringRound, Long> {
    List<MonitoringRound> findByPlacementIdOrderByRoundNumberAsc(Long placementId);

    List<MonitoringRound> findByProviderIdOrderByIdAsc(Long providerId);
}
