package uk.gov.placements.monitoring;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A provider's latest rated monitoring round, kept as rounds are rated, so the ranking and the register read
 * one row a provider instead of every round it ever had. The rounds themselves stay the record.
 */
@Entity
@Table(name = "provider_latest_rating")
public class ProviderLatestRating {
    @Id
    private Long providerId;
    private Long roundId;
    private int roundNumber;
    @Enumerated(EnumType.STRING)
    private MonitoringRound.Rating rating;
    private Instant ratedAt;

    protected ProviderLatestRating() {
    }

    ProviderLatestRating(MonitoringRound round) {
        this.providerId = round.getProviderId();
        this.roundId = round.getId();
        this.roundNumber = round.getRoundNumber();
        this.rating = round.getRating();
        this.ratedAt = round.getRatedAt();
    }

    public Long getProviderId() { return providerId; }
    public Long getRoundId() { return roundId; }
    public int getRoundNumber() { return roundNumber; }
    public MonitoringRound.Rating getRating() { return rating; }
    public Instant getRatedAt() { return ratedAt; }
}
