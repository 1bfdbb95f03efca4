package uk.gov.placements.common;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every error of /api as JSON: 400 with one entry per bad field, 403, 404, 409. */
@RestControllerAdvice(basePackages = "uk.gov.placements")
class ApiExceptionHandler {

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
        return body(HttpStatus.BAD_REQUEST, "Invalid input", e.getFieldErrors());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        String field = "body";
        if (e.getCause() instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (var ref : jme.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            field = path.length() == 0 ? "body" : path.toString();
        }
        return body(HttpStatus.BAD_REQUEST, "Invalid input", Map.of(field, "has the wrong type or format"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        return body(HttpStatus.BAD_REQUEST, "Invalid input", Map.of(e.getName(), "has the wrong type or format"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
        return body(HttpStatus.BAD_REQUEST, "Invalid input", Map.of(e.getParameterName(), "is required"));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return body(HttpStatus.NOT_FOUND, e.getMessage(), Map.of());
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<Map<String, Object>> forbidden(AuthorizationException e) {
        return body(HttpStatus.FORBIDDEN, "Not allowed: " + e.getMessage(), Map.of());
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Map<String, Object>> forbidden(ForbiddenException e) {
        return body(HttpStatus.FORBIDDEN, e.getMessage(), Map.of());
    }

    @ExceptionHandler({OptimisticLockingException.class, ConflictException.class})
    ResponseEntity<Map<String, Object>> conflict(RuntimeException e) {
        return body(HttpStatus.CONFLICT, e instanceof ConflictException ? e.getMessage()
                : "Someone else changed this at the same time; reload and try again", Map.of());
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message, Map<String, String> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("message", message);
        if (!fields.isEmpty()) {
            body.put("errors", fields.entrySet().stream()
                    .map(f -> Map.of("field", f.getKey(), "message", f.getKey() + " " + f.getValue())).toList());
        } else {
            body.put("errors", List.of());
        }
        // the content type is set, so a refusal reaches a client that asked for CSV as JSON rather than as a 500
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
