package uk.gov.placements.common;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * A task completed through the engine REST API (or the Tasklist) with a missing or invalid decision
 * is refused by its task listener; Camunda reports that as a 500. This mapper, registered ahead of
 * Camunda's own, answers 400 with the field named, as the product API does, and 403 for a decision the
 * product's records do not let this person take. Everything else is answered exactly as Camunda would,
 * except another council's record (404, below).
 */
@Component
class EngineRestValidationErrors implements ResourceConfigCustomizer {
    @Override
    public void customize(ResourceConfig config) {
        config.register(Mapper.class);
        config.register(TenantMapper.class);
    }

    /**
     * Camunda's tenant check refuses another council's user with a plain ProcessEngineException,
     * which its REST API answers as a 500: answer 404 instead, as for a record that does not exist.
     */
    @Priority(1)
    public static class TenantMapper implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException e) {
            if (e instanceof OptimisticLockingException) {
                // two people completing one task: one succeeds, the other is told plainly
                EngineError body = new EngineError("OptimisticLockingException", EngineError.CONCURRENT_CHANGE);
                return Response.status(Response.Status.CONFLICT).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
            }
            if (e.getMessage() != null && e.getMessage().contains("belongs to no authenticated tenant")) {
                // another council's record is answered as if it did not exist, so that no id can be probed
                EngineError body = new EngineError("InvalidRequestException", "Not found");
                return Response.status(Response.Status.NOT_FOUND).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
            }
            return ExceptionHandlerHelper.getInstance().getResponse(e);
        }
    }

    @Priority(1)
    public static class Mapper implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ForbiddenException forbidden) {
                    EngineError body = new EngineError("AuthorizationException", forbidden.getMessage());
                    return Response.status(Response.Status.FORBIDDEN).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
                }
                if (t instanceof InvalidInputException invalid) {
                    EngineError body = new EngineError("InvalidRequestException", invalid.getMessage(), FieldError.of(invalid.getFieldErrors()));
                    return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
                }
            }
            return ExceptionHandlerHelper.getInstance().getResponse(e);
        }
    }
}
