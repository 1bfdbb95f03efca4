package uk.gov.placements.common;

/**
 * A code people read, with its plain-English words. A module's own codes carry their words themselves, so the shared
 * formatting ({@link UkFormat#label}) needs to know no module; the codes every module shares keep theirs in UkFormat.
 */
public interface Labelled {
    String label();
}
