package uk.gov.placements.monitoring;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Which of a provider's monitoring rounds holds its latest rating, kept as rounds are rated, so the ranking
 * and the register read one round a provider instead of every round it ever had. The rating stays on the round.
 */
@Entity
@Table(name = "provider_latest_rating")
public class ProviderLatestRating {
    @Id
    private Long providerId;
    private Long roundId;

    protected ProviderLatestRating() {
    }

    ProviderLatestRating(MonitoringRound round) {
        this.providerId = round.getProviderId();
        this.roundId = round.getId();
    }

    public Long getProviderId() { return providerId; }
    public Long getRoundId() { return roundId; }
}
