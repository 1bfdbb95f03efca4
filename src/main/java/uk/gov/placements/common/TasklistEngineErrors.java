package uk.gov.placements.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * What a person reads in the Tasklist when a change is refused. The Tasklist reaches the engine through the webapp's own
 * REST application, which Camunda sets up without the product's error mappers, so a refusal came back as "Cannot submit
 * task form …: ENGINE-03051 … Exception …". The engine remembers the product's own refusal (a field-named
 * {@link InvalidInputException}, a {@link ForbiddenException}, a concurrent change) for the request's thread as it passes out of the
 * command, and this filter answers with it exactly as /engine-rest does: 400 with the fields named, or 403. Any other
 * failure keeps its status and reads as a plain sentence, with nothing of the engine.
 */
@Configuration
class TasklistEngineErrors {
    /** Present only while the filter serves a request, so the job executor's threads never keep a refusal. */
    private static final ThreadLocal<RuntimeException[]> REFUSAL = new ThreadLocal<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PLAIN_FAILURE = "This could not be done: something went wrong on our side and nothing was changed. "
            + "Try again; if it happens again, tell the service desk.";

    @Bean
    AbstractProcessEnginePlugin rememberProductRefusals() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl config) {
                List<CommandInterceptor> interceptors = config.getCustomPreCommandInterceptorsTxRequired() == null ? new ArrayList<>()
                        : new ArrayList<>(config.getCustomPreCommandInterceptorsTxRequired());
                interceptors.add(new CommandInterceptor() {
                    @Override
                    public <T> T execute(Command<T> command) {
                        try {
                            return next.execute(command);
                        } catch (RuntimeException e) {
                            remember(e);
                            throw e;
                        }
                    }
                });
                config.setCustomPreCommandInterceptorsTxRequired(interceptors);
            }
        };
    }

    static void remember(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            RuntimeException[] slot = REFUSAL.get();
            if (slot != null && (t instanceof InvalidInputException || t instanceof ForbiddenException
                    || t instanceof OptimisticLockingException)) {
                slot[0] = (RuntimeException) t;
                return;
            }
        }
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> tasklistEngineErrorFilter() {
        FilterRegistrationBean<OncePerRequestFilter> bean = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if ("GET".equals(request.getMethod())) {
                    // lists stream as they are; a refusal is an answer to a change
                    chain.doFilter(request, response);
                    return;
                }
                RuntimeException[] slot = new RuntimeException[1];
                REFUSAL.set(slot);
                ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
                try {
                    chain.doFilter(request, wrapper);
                } finally {
                    REFUSAL.remove();
                    RuntimeException refusal = slot[0];
                    if (wrapper.getStatus() >= 400 && (refusal != null || engineWords(wrapper.getContentAsByteArray()))) {
                        wrapper.resetBuffer();
                        answer(wrapper, refusal);
                    }
                    wrapper.copyBodyToResponse();
                }
            }
        });
        bean.addUrlPatterns("/camunda/api/engine/*");
        return bean;
    }

    /** Whether an error's message (what the Tasklist shows) carries the engine's own words. */
    private static boolean engineWords(byte[] body) {
        try {
            String message = JSON.readTree(body).path("message").asText("");
            return message.contains("ENGINE-") || message.contains("Exception") || message.contains("org.camunda");
        } catch (IOException notJson) {
            return body.length > 0;
        }
    }

    private static void answer(HttpServletResponse response, RuntimeException refusal) throws IOException {
        EngineError body;
        if (refusal instanceof InvalidInputException invalid) {
            response.setStatus(400);
            body = new EngineError("InvalidRequestException", invalid.getMessage(), FieldError.of(invalid.getFieldErrors()));
        } else if (refusal instanceof OptimisticLockingException) {
            // two people completing one task: one succeeds, the other is told plainly
            response.setStatus(409);
            body = new EngineError("Conflict", EngineError.CONCURRENT_CHANGE);
        } else if (refusal != null) {
            response.setStatus(403);
            body = new EngineError("AuthorizationException", refusal.getMessage());
        } else if (response.getStatus() == 404) {
            body = new EngineError("NotFound", "This is no longer open: someone may have completed it already. Reload the list.");
        } else {
            body = new EngineError("ServerError", PLAIN_FAILURE);
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
