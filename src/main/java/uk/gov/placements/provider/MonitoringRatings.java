package uk.gov.placements.provider;

import java.util.Optional;

/** What contract monitoring knows of a provider: its latest rating and its exit interviews. */
public interface MonitoringRatings {
    /** The provider's latest rating as people read it: "Amber (round 2, 13/10/2027)". */
    Optional<String> latestFor(Long providerId);

    /** GREEN, AMBER or RED for each of the providers that has a rated round, in one query (the register lists hundreds). */
    java.util.Map<Long, String> latestRatings(java.util.Collection<Long> providerIds);

    /** How many children have given an exit interview about each provider's placements (those with any), in one query. */
    java.util.Map<Long, Long> exitInterviewCounts(java.util.Collection<Long> providerIds);
}
