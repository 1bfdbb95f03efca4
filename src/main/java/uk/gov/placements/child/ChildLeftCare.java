package uk.gov.placements.child;

import java.time.LocalDate;

/** A placement ended with the child leaving care (an SSDA903 REC other than X1): their reviews end, and a return starts afresh. */
public record ChildLeftCare(Long childId, LocalDate on, String reasonEpisodeCeased) {
}
