package uk.gov.placements.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Bad input, with one message per field. It extends Camunda's BadUserRequestException so that
 * a task listener throwing it makes the engine REST API (and so the Tasklist) answer 400 with the
 * message, and the task stays open; the product API maps it to 400 with the field map.
 */
public class InvalidInputException extends BadUserRequestException {
    private final transient Map<String, String> fieldErrors;

    public InvalidInputException(FieldErrors errors) {
        super(describe(errors.asMap()));
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(errors.asMap()));   // in the order found
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(new FieldErrors().reject(field, message));
    }

    public Map<String, String> getFieldErrors() {
        return fieldErrors;
    }

    private static String describe(Map<String, String> errors) {
        StringBuilder sb = new StringBuilder();
        errors.forEach((field, message) -> sb.append(sb.length() == 0 ? "" : "; ").append(field).append(' ').append(message));
        return sb.toString();
    }
}
