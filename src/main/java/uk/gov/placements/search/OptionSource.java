package uk.gov.placements.search;

/** How an option came to be considered: the council's own search, or the shared register of independent providers. */
public enum OptionSource { IN_HOUSE_SEARCH, REGISTER_SEARCH }
