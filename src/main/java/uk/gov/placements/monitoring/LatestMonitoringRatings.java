package uk.gov.placements.monitoring;

import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.gov.placements.provider.MonitoringRatings;

/** The provider's latest rated monitoring round, as the IRO and the ranking see it. */
@Component
class LatestMonitoringRatings implements MonitoringRatings {
    private final ProviderLatestRatingRepository latest;
    private final ExitInterviewRepository exitInterviews;

    LatestMonitoringRatings(ProviderLatestRatingRepository latest, ExitInterviewRepository exitInterviews) {
        this.latest = latest;
        this.exitInterviews = exitInterviews;
    }

    @Override
    public java.util.Map<Long, String> latestRatings(java.util.Collection<Long> providerIds) {
        java.util.Map<Long, String> ratings = new java.util.HashMap<>();
        if (!providerIds.isEmpty()) {
            latest.latestRounds(providerIds).forEach(r -> ratings.put(r.getProviderId(), r.getRating().name()));
        }
        return ratings;
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
        return latest.latestRounds(java.util.List.of(providerId)).stream().findFirst()
                .map(r -> uk.gov.placements.common.UkFormat.label(r.getRating()) + " (round " + r.getRoundNumber() + ", "
                        + uk.gov.placements.common.UkFormat.date(uk.gov.placements.common.UkTime.day(r.getRatedAt())) + ")");
    }
}
