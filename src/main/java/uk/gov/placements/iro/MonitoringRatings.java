package uk.gov.placements.iro;

import java.util.Optional;

/** The latest contract-monitoring rating of a provider, where contract monitoring has rated it. */
public interface MonitoringRatings {
    Optional<String> latestFor(Long providerId);

    /** GREEN, AMBER or RED, when the provider has a rated round. */
    Optional<String> latestRating(Long providerId);
}
