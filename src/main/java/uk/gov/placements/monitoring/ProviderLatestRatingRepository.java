package uk.gov.placements.monitoring;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ProviderLatestRatingRepository extends JpaRepository<ProviderLatestRating, Long> {
    /**
     * Makes the round the provider's latest if it was rated after the one held (by time, then by round id),
     * in one UPDATE: two ratings of one provider committing together wait for each other's row and the later
     * rating stays. Returns 0 when the provider has no row yet, or holds a later rating.
     */
    @org.springframework.transaction.annotation.Transactional
    @Modifying
    @Query("update ProviderLatestRating l set l.roundId = :roundId, l.roundNumber = :roundNumber, l.rating = :rating, l.ratedAt = :ratedAt "
            + "where l.providerId = :providerId and (l.ratedAt < :ratedAt or (l.ratedAt = :ratedAt and l.roundId <= :roundId))")
    int takeIfLater(@Param("providerId") Long providerId, @Param("roundId") Long roundId, @Param("roundNumber") int roundNumber,
                    @Param("rating") MonitoringRound.Rating rating, @Param("ratedAt") Instant ratedAt);
}
