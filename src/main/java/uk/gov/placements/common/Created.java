package uk.gov.placements.common;

/** The answer to a request that created a record: the new record's id. */
public record Created(Long id) {
}
