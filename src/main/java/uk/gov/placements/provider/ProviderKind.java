package uk.gov.placements.provider;

public enum ProviderKind { IN_HOUSE, INDEPENDENT }
