package uk.gov.placements.placement;

public enum PlacementStatus { ACTIVE, ENDED }
