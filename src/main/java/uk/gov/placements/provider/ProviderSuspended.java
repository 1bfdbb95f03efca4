package uk.gov.placements.provider;

import java.time.LocalDate;

/**
 * A provider suspended from the register: it receives no new referrals from any council. {@code notice} is what every
 * council reads of why (never one council's words about its own child); the decision itself is recorded by whoever
 * suspended it.
 */
public record ProviderSuspended(Long providerId, String providerName, String notice, LocalDate on) {
}
