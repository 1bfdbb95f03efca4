package uk.gov.placements.iro;

import java.util.Optional;

/** What contract monitoring knows of a provider: its latest rating and its exit interviews. */
public interface MonitoringRatings {
    Optional<String> latestFor(Long providerId);

    /** GREEN, AMBER or RED, when the provider has a rated round. */
    Optional<String> latestRating(Long providerId);

    /** How many children have given an exit interview about the provider's placements. */
    long exitInterviews(Long providerId);

    /** The latest rating of each of the providers that has one, in one query (the register lists hundreds). */
    java.util.Map<Long, String> latestRatings(java.util.Collection<Long> providerIds);

    /** The exit interviews of each of the providers that has any, in one query. */
    java.util.Map<Long, Long> exitInterviewCounts(java.util.Collection<Long> providerIds);
}
