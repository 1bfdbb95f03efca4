package uk.gov.placements.monitoring;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

interface ProviderLatestRatingRepository extends JpaRepository<ProviderLatestRating, Long> {
    /**
     * Points the provider at the round if it was rated after the round held (by time, then by round id), in
     * one UPDATE: two ratings of one provider committing together wait for each other's row and the later
     * rating stays. Returns 0 when the provider has no row yet, or holds a later rating.
     */
    @Transactional
    @Modifying
    @Query("update ProviderLatestRating l set l.roundId = :roundId where l.providerId = :providerId and exists ("
            + "select 1 from MonitoringRound held where held.id = l.roundId and (held.ratedAt < :ratedAt or (held.ratedAt = :ratedAt and held.id <= :roundId)))")
    int takeIfLater(@Param("providerId") Long providerId, @Param("roundId") Long roundId, @Param("ratedAt") Instant ratedAt);

    /** The latest rated round of each of these providers that has one. */
    @Query("select r from ProviderLatestRating l join MonitoringRound r on r.id = l.roundId where l.providerId in :providerIds")
    List<MonitoringRound> latestRounds(@Param("providerIds") Collection<Long> providerIds);
}
