package uk.gov.placements.common;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The ids of the product's records as a process holds them. The engine gives back a number as the type it was
 * stored with (a Long from Java, an Integer or a Double from a REST client's JSON), so an id is read as any number.
 */
public final class ProcessVariables {
    private ProcessVariables() {
    }

    /** The id a step cannot act without: a missing variable fails the step (and its job is retried), naming it. */
    public static long id(VariableScope scope, String name) {
        return ((Number) Objects.requireNonNull(scope.getVariable(name), () -> "Variable " + name + " is not set")).longValue();
    }

    /** The id, or null when the process does not hold one. */
    public static Long optionalId(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : ((Number) value).longValue();
    }
}
