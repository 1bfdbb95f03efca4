package uk.gov.placements.common;

import java.util.List;
import java.util.Map;

/** One bad field of a refused request, as every error body names it: the field, and a sentence that starts with it. */
record FieldError(String field, String message) {

    static List<FieldError> of(Map<String, String> errors) {
        return errors.entrySet().stream().map(f -> new FieldError(f.getKey(), f.getKey() + " " + f.getValue())).toList();
    }
}
