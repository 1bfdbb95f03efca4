package uk.gov.placements.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Adds a task's display values ({@link TaskDisplay}) to its form variables, as the Tasklist reads them to
 * render a Camunda Form ({@code GET …/task/{id}/form-variables}). Only to an answer the engine has already
 * given: whoever the engine lets read the task's variables sees what its form shows, nobody else.
 */
public class TaskDisplayResponse extends OncePerRequestFilter {
    private static final Pattern FORM_VARIABLES = Pattern.compile(
            "^/(?:engine-rest(?:/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)/task/([^/]+)/form-variables$");
    private final TaskDisplay display;
    private final ObjectMapper mapper = new ObjectMapper();

    public TaskDisplayResponse(TaskDisplay display) {
        this.display = display;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !FORM_VARIABLES.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, answer);
        byte[] body = answer.getContentAsByteArray();
        Matcher m = FORM_VARIABLES.matcher(request.getRequestURI());
        if (answer.getStatus() == 200 && m.matches() && body.length > 0) {
            JsonNode variables = mapper.readTree(body);
            if (variables instanceof ObjectNode object) {
                String names = request.getParameter("variableNames");
                Set<String> wanted = names == null || names.isBlank() ? null
                        : Arrays.stream(names.split(",")).map(String::trim).collect(Collectors.toSet());
                for (Map.Entry<String, TaskDisplay.Value> value : display.of(m.group(1)).entrySet()) {
                    if (wanted == null || wanted.contains(value.getKey())) {
                        ObjectNode v = object.putObject(value.getKey());
                        v.put("type", value.getValue().json() ? "Json" : "String");
                        v.put("value", value.getValue().content());
                        v.putObject("valueInfo");
                    }
                }
                body = mapper.writeValueAsBytes(object);
            }
        }
        answer.resetBuffer();
        response.setContentLength(body.length);
        if (body.length > 0) {
            response.getOutputStream().write(body);
        }
        response.flushBuffer();
    }
}
