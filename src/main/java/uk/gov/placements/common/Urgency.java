package uk.gov.placements.common;

public enum Urgency { EMERGENCY, URGENT, PLANNED }
