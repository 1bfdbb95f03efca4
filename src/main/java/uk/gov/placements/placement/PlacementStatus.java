package uk.gov.placements.placement;

/** PLANNED from approval (the place is held) until the agreed start date, ACTIVE from that day, ENDED on its end date. */
public enum PlacementStatus { PLANNED, ACTIVE, ENDED }
