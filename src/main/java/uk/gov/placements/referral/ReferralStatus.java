package uk.gov.placements.referral;

import uk.gov.placements.common.Labelled;

public enum ReferralStatus implements Labelled {
    CARER_REVIEW("With the current carer"),
    TRIAGE("Awaiting triage"),
    MORE_INFORMATION("More information asked for"),
    SEARCHING("Searching"),
    SELECTING("Choosing a placement"),
    AWAITING_APPROVAL("Awaiting approval"),
    PLACED("Placed");

    private final String label;

    ReferralStatus(String label) { this.label = label; }

    @Override
    public String label() { return label; }

    /** Whether the referral's search has finished: its options are there to choose from, or were chosen from. */
    public boolean searched() {
        return this == SELECTING || this == AWAITING_APPROVAL || this == PLACED;
    }
}
