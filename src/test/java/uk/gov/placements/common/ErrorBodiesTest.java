package uk.gov.placements.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The error bodies as clients read them: the engine's shape carries {@code errors} only for a refused form (the
 * Tasklist shows {@code message}), the product API's always carries it, and each field's sentence starts with the field.
 */
class ErrorBodiesTest {
    final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldLeaveErrorsOutOfAnEngineRefusalWithoutFields() throws Exception {
        assertThat(json.writeValueAsString(new EngineError("Conflict", EngineError.CONCURRENT_CHANGE)))
                .isEqualTo("{\"type\":\"Conflict\",\"message\":\"" + EngineError.CONCURRENT_CHANGE + "\"}");
    }

    @Test
    void shouldNameEachFieldOfARefusedFormInTheOrderFound() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("reason", "is required");
        fields.put("decision", "must be APPROVE or REJECT");
        assertThat(json.writeValueAsString(new EngineError("InvalidRequestException", "Invalid input", FieldError.of(fields))))
                .isEqualTo("{\"type\":\"InvalidRequestException\",\"message\":\"Invalid input\",\"errors\":["
                        + "{\"field\":\"reason\",\"message\":\"reason is required\"},"
                        + "{\"field\":\"decision\",\"message\":\"decision must be APPROVE or REJECT\"}]}");
    }

    @Test
    void shouldKeepAnEmptyErrorListInTheApiBody() throws Exception {
        assertThat(json.writeValueAsString(new ApiExceptionHandler.ApiError(404, "Child 7 not found", List.of())))
                .isEqualTo("{\"status\":404,\"message\":\"Child 7 not found\",\"errors\":[]}");
    }
}
