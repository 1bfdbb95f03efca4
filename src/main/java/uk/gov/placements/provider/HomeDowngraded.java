package uk.gov.placements.provider;

import java.time.LocalDate;
import uk.gov.placements.common.OfstedRating;

/**
 * Ofsted's register now rates a home worse than before ({@code on} the day the register learned it, by import or by
 * hand). Published once per downgrade, in the transaction that records it. A downgrade to inadequate already stops new
 * referrals (the search reads the home's rating); the work that follows for the children living there (a review of
 * each placement's safety, the IRO's next review brought forward) listens for this.
 */
public record HomeDowngraded(Long serviceId, Long providerId, OfstedRating rating, OfstedRating previous, LocalDate on) {
    public boolean toInadequate() {
        return rating == OfstedRating.INADEQUATE;
    }
}
