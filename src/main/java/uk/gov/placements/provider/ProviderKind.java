package uk.gov.placements.provider;

import uk.gov.placements.common.Labelled;

public enum ProviderKind implements Labelled {
    IN_HOUSE("In-house"),
    INDEPENDENT("Independent");

    private final String label;

    ProviderKind(String label) { this.label = label; }

    @Override
    public String label() { return label; }
}
