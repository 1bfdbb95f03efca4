package uk.gov.placements.accreditation;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.placements.monitoring.AccreditationHistory;

/** Answers monitoring's {@link AccreditationHistory}: each accreditation, oldest first; Forms B and C's lowest score once both visits are done. */
@Component
class AccreditationHistoryEntries implements AccreditationHistory {
    private final AccreditationRepository accreditations;

    AccreditationHistoryEntries(AccreditationRepository accreditations) {
        this.accreditations = accreditations;
    }

    @Override
    @Transactional(readOnly = true)
    public List<AccreditationRow> of(Long providerId) {
        return accreditations.findByProviderIdOrderByIdAsc(providerId).stream()
                .map(a -> new AccreditationRow(a.getStatus().name(), a.getOutcome(), a.getConfirmed(), a.getExpiresOn(),
                        a.visitsDone() ? a.lowestScore() : null, a.getDiscrepancies()))
                .toList();
    }
}
