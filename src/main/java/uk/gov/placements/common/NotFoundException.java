package uk.gov.placements.common;

import org.springframework.data.repository.CrudRepository;

public class NotFoundException extends RuntimeException {
    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }

    /** The record of this id, or "{@code <what> <id>} not found" (404) when there is none: every service's look-up by id. */
    public static <T, I> T findOrThrow(CrudRepository<T, I> repository, String what, I id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException(what, id));
    }
}
