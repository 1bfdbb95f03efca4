package uk.gov.placements.common;

import com.fasterxml.jackson.databind.JsonMappingException;
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
    /** The body of every /api error: the status again, a sentence, and the bad fields (none but for a 400). */
    record ApiError(int status, String message, List<FieldError> errors) {
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ApiError> invalid(InvalidInputException e) {
        return body(HttpStatus.BAD_REQUEST, "Invalid input", e.getFieldErrors());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
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
    ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e) {
        return body(HttpStatus.BAD_REQUEST, "Invalid input", Map.of(e.getName(), "has the wrong type or format"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missing(MissingServletRequestParameterException e) {
        return body(HttpStatus.BAD_REQUEST, "Invalid input", Map.of(e.getParameterName(), "is required"));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return body(HttpStatus.NOT_FOUND, e.getMessage(), Map.of());
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<ApiError> forbidden(AuthorizationException e) {
        return body(HttpStatus.FORBIDDEN, "Not allowed: " + e.getMessage(), Map.of());
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ApiError> forbidden(ForbiddenException e) {
        return body(HttpStatus.FORBIDDEN, e.getMessage(), Map.of());
    }

    @ExceptionHandler({OptimisticLockingException.class, ConflictException.class})
    ResponseEntity<ApiError> conflict(RuntimeException e) {
        return body(HttpStatus.CONFLICT, e instanceof ConflictException ? e.getMessage()
                : "Someone else changed this at the same time; reload and try again", Map.of());
    }

    private static ResponseEntity<ApiError> body(HttpStatus status, String message, Map<String, String> fields) {
        ApiError body = new ApiError(status.value(), message, FieldError.of(fields));
        // the content type is set, so a refusal reaches a client that asked for CSV as JSON rather than as a 500
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
