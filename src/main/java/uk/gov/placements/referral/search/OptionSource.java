package uk.gov.placements.referral.search;

/** How an option came to be considered: the council's own search, or a written offer from an independent provider. */
public enum OptionSource { IN_HOUSE_SEARCH, PROVIDER_OFFER }
