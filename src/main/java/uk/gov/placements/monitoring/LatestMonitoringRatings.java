package uk.gov.placements.monitoring;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.gov.placements.provider.MonitoringRatings;
import uk.gov.placements.common.UkFormat;
import uk.gov.placements.common.UkTime;
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
    public Map<Long, String> latestRatings(Collection<Long> providerIds) {
        Map<Long, String> ratings = new HashMap<>();
        if (!providerIds.isEmpty()) {
            latest.latestRounds(providerIds).forEach(r -> ratings.put(r.getProviderId(), r.getRating().name()));
        }
        return ratings;
    }

    @Override
    public Map<Long, Long> exitInterviewCounts(Collection<Long> providerIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (!providerIds.isEmpty()) {
            exitInterviews.countByProviderIdIn(providerIds).forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        }
        return counts;
    }

    @Override
    public Optional<String> latestFor(Long providerId) {
        return latest.latestRounds(List.of(providerId)).stream().findFirst()
                .map(r -> UkFormat.label(r.getRating()) + " (round " + r.getRoundNumber() + ", "
                        + UkFormat.date(UkTime.day(r.getRatedAt())) + ")");
    }
}
