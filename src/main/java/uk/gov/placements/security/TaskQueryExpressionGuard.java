package uk.gov.placements.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda 7.24's check against expressions in ad-hoc queries is reported not to look inside
 * {@code orQueries}. Since the community line gets no patch, every task query (and every filter
 * execution with an extending query) reaching the engine REST API, directly or through the
 * webapps, is refused when any parameter or any string in its JSON body carries an expression.
 * Stored filters, which only administrators may create, are not affected.
 */
class TaskQueryExpressionGuard extends OncePerRequestFilter {
    private static final Pattern TASK_QUERY = Pattern.compile(".*/(task(/count)?|filter/[^/]+/(list|count|singleResult))/?$");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\s*\\{");
    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !TASK_QUERY.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> param : request.getParameterMap().entrySet()) {
            for (String value : param.getValue()) {
                if (EXPRESSION.matcher(value).find()) {
                    refuse(response, param.getKey());
                    return;
                }
            }
        }
        byte[] body = request.getInputStream().readAllBytes();
        if (body.length > 0) {
            String offending;
            try {
                offending = findExpression(mapper.readTree(body), "body");
            } catch (IOException notJson) {
                offending = EXPRESSION.matcher(new String(body, StandardCharsets.UTF_8)).find() ? "body" : null;
            }
            if (offending != null) {
                refuse(response, offending);
                return;
            }
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private String findExpression(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return EXPRESSION.matcher(node.textValue()).find() ? path : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = findExpression(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (EXPRESSION.matcher(field.getKey()).find()) {
                    return path + "." + field.getKey();
                }
                String found = findExpression(field.getValue(), path + "." + field.getKey());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void refuse(HttpServletResponse response, String field) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json");
        response.getWriter().write("{\"type\":\"InvalidRequestException\",\"message\":\"Expressions are not allowed in task queries ("
                + field.replaceAll("[^A-Za-z0-9_.\\[\\]]", "") + ")\"}");
    }
}
