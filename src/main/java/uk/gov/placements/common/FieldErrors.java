package uk.gov.placements.common;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects one message per bad field; {@link #throwIfAny()} turns them into a 400. */
public class FieldErrors {
    private final Map<String, String> errors = new LinkedHashMap<>();

    public FieldErrors reject(String field, String message) {
        errors.putIfAbsent(field, message);
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public Map<String, String> asMap() {
        return errors;
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(this);
        }
    }

    /** A required whole number within bounds. */
    public FieldErrors requireBetween(String field, Integer value, int min, int max) {
        if (value == null) {
            reject(field, "is required");
        } else if (value < min || value > max) {
            reject(field, "must be between " + min + " and " + max);
        }
        return this;
    }

    public static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            errors.reject(field, "is required");
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            errors.reject(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }
}
