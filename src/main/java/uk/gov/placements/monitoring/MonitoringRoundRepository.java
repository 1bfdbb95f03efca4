package uk.gov.placements.monitoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MonitoringRoundRepository extends JpaRepository<MonitoringRound, Long> {
    Optional<MonitoringRound> findFirstByProviderIdAndRatingIsNotNullOrderByRatedAtDescIdDesc(Long providerId);

    List<MonitoringRound> findByPlacementIdOrderByRoundNumberAsc(Long placementId);

    List<MonitoringRound> findByProviderIdOrderByIdAsc(Long providerId);
}
