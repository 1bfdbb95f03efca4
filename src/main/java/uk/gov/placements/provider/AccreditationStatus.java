package uk.gov.placements.provider;

import uk.gov.placements.common.Labelled;

/** A provider's standing in the consortium register. Only the two accredited states receive referrals. */
public enum AccreditationStatus implements Labelled {
    NOT_ACCREDITED("Not accredited"),
    ACCREDITED("Accredited"),
    ACCREDITED_WITH_CONDITIONS("Accredited with conditions"),
    REFUSED("Accreditation refused"),
    EXPIRED("Accreditation expired");

    private final String label;

    AccreditationStatus(String label) { this.label = label; }

    @Override
    public String label() { return label; }

    public boolean receivesReferrals() {
        return this == ACCREDITED || this == ACCREDITED_WITH_CONDITIONS;
    }
}
