package uk.gov.placements.provider;

/** A provider's standing in the consortium register. Only the two accredited states receive referrals. */
public enum AccreditationStatus {
    NOT_ACCREDITED, ACCREDITED, ACCREDITED_WITH_CONDITIONS, REFUSED, EXPIRED;

    public boolean receivesReferrals() {
        return this == ACCREDITED || this == ACCREDITED_WITH_CONDITIONS;
    }
}
