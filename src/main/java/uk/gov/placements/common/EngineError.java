package uk.gov.placements.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A refusal in the engine REST API's own shape (the Tasklist reads {@code type} and {@code message}); {@code errors}
 * appears only for a refused form, where it names each bad field.
 */
record EngineError(String type, String message, @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldError> errors) {
    static final String CONCURRENT_CHANGE = "Someone else changed this at the same moment; nothing was changed by you. Reload and try again";

    EngineError(String type, String message) {
        this(type, message, null);
    }
}
