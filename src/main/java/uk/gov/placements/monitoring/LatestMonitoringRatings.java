package uk.gov.placements.monitoring;

import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.gov.placements.iro.MonitoringRatings;

/** The provider's latest rated monitoring round, as the IRO and the ranking see it. */
@Component
class LatestMonitoringRatings implements MonitoringRatings {
    private final MonitoringRoundRepository rounds;
    private final ExitInterviewRepository exitInterviews;

    LatestMonitoringRatings(MonitoringRoundRepository rounds, ExitInterviewRepository exitInterviews) {
        this.rounds = rounds;
        this.exitInterviews = exitInterviews;
    }

    @Override
    public java.util.Map<Long, String> latestRatings(java.util.Collection<Long> providerIds) {
        java.util.Map<Long, String> latest = new java.util.HashMap<>();
        if (!providerIds.isEmpty()) {
            // newest first: the first rating seen for a provider is its latest
            rounds.findRatedByProviderIdInNewestFirst(providerIds).forEach(r -> latest.putIfAbsent(r.getProviderId(), r.getRating().name()));
        }
        return latest;
    }

    @Override
    public java.util.Map<Long, Long> exitInterviewCounts(java.util.Collection<Long> providerIds) {
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        if (!providerIds.isEmpty()) {
            exitInterviews.countByProviderIdIn(providerIds).forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        }
        return counts;
    }

    @Override
    public Optional<String> latestFor(Long providerId) {
        return rounds.findFirstByProviderIdAndRatingIsNotNullOrderByRatedAtDescIdDesc(providerId)
                .map(r -> r.getRating() + " (round " + r.getRoundNumber() + ", " + r.getRatedAt().toString().substring(0, 10) + ")");
    }
}
