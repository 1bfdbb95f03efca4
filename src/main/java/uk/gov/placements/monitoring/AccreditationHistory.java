package uk.gov.placements.monitoring;

import java.time.LocalDate;
import java.util.List;

/**
 * A provider's accreditations as its history page lists them beside its monitoring. Accreditation builds on monitoring
 * (its conditions are followed as action plans), so monitoring asks through this port and the accreditation module
 * answers it.
 */
public interface AccreditationHistory {
    record AccreditationRow(String status, String outcome, Boolean confirmed, LocalDate expiresOn, Integer lowestFormBCScore, String discrepancies) {
    }

    List<AccreditationRow> of(Long providerId);
}
