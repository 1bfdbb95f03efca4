package uk.gov.placements.monitoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MonitoringRoundRepository extends JpaRepository<MonitoringRound, Long> {
    Optional<MonitoringRound> findFirstByProviderIdAndRatingIsNotNullOrderByRatedAtDescIdDesc(Long providerId);

    List<MonitoringRound> findByPlacementIdOrderByRoundNumberAsc(Long placementId);

    List<MonitoringRound> findByProviderIdOrderByIdAsc(Long providerId);

    @org.springframework.data.jpa.repository.Query("select r from MonitoringRound r where r.providerId in :providerIds and r.rating is not null "
            + "order by r.ratedAt desc, r.id desc")
    List<MonitoringRound> findRatedByProviderIdInNewestFirst(@org.springframework.data.repository.query.Param("providerIds")
                                                             java.util.Collection<Long> providerIds);
}
