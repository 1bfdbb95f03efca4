package uk.gov.placements.provider;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** What contract monitoring knows of a provider: its latest rating and its exit interviews. */
public interface MonitoringRatings {
    /** The provider's latest rating as people read it: "Amber (round 2, 13/10/2027)". */
    Optional<String> latestFor(Long providerId);

    /** GREEN, AMBER or RED for each of the providers that has a rated round, in one query (the register lists hundreds). */
    Map<Long, String> latestRatings(Collection<Long> providerIds);

    /** How many children have given an exit interview about each provider's placements (those with any), in one query. */
    Map<Long, Long> exitInterviewCounts(Collection<Long> providerIds);
}
