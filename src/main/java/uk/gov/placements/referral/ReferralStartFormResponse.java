package uk.gov.placements.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import uk.gov.placements.security.SystemActions;
import uk.gov.placements.security.TasklistSessions;

/**
 * Puts the signed-in social worker's choices ({@link ReferralStartChoices}) into the referral's start form, in the two
 * answers that carry it: the start form's variables ({@code GET …/process-definition/{id}/form-variables}, as a task's
 * display values are added to its form variables), and the deployed start form itself ({@code …/deployed-start-form}),
 * whose selects are given their options in place of their {@code valuesKey}: the Tasklist reads no variables for a
 * start form, only the form. Only to an answer the engine has already given the caller, and only for
 * {@code placementReferral}.
 */
class ReferralStartFormResponse extends OncePerRequestFilter {
    private static final Pattern START_FORM = Pattern.compile("^/(?:engine-rest(?:/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)"
            + "/process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(form-variables|deployed-start-form)$");
    private static final String ENGINE = "default";

    private final ReferralStartChoices choices;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final SystemActions system;
    private final ObjectMapper mapper = new ObjectMapper();
    /** A deployed definition's key never changes. */
    private final Map<String, String> keys = new ConcurrentHashMap<>();

    ReferralStartFormResponse(ReferralStartChoices choices, RepositoryService repositoryService, IdentityService identityService,
                              SystemActions system) {
        this.choices = choices;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.system = system;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !START_FORM.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, answer);
        byte[] body = answer.getContentAsByteArray();
        Matcher m = START_FORM.matcher(request.getRequestURI());
        if (answer.getStatus() == 200 && m.matches() && body.length > 0 && PlacementReferralProcess.KEY.equals(key(m))) {
            String userId = userId(request);
            JsonNode json = parse(body);
            if (userId != null && json instanceof ObjectNode object) {
                Map<String, List<Map<String, Object>>> options = choices.of(userId, councils(userId));
                if (m.group(3).equals("form-variables")) {
                    addVariables(object, options, request.getParameter("variableNames"));
                } else {
                    fillSelects(object.path("components"), options);
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

    private String key(Matcher m) {
        if (m.group(1) != null) {
            return m.group(1);
        }
        return keys.computeIfAbsent(m.group(2), id -> system.run(() -> {
            List<ProcessDefinition> found = repositoryService.createProcessDefinitionQuery().processDefinitionId(id).list();
            return found.isEmpty() ? "" : found.get(0).getKey();
        }));
    }

    private JsonNode parse(byte[] body) {
        try {
            return mapper.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private void addVariables(ObjectNode variables, Map<String, List<Map<String, Object>>> options, String names) throws IOException {
        Set<String> wanted = names == null || names.isBlank() ? null
                : Arrays.stream(names.split(",")).map(String::trim).collect(Collectors.toSet());
        for (Map.Entry<String, List<Map<String, Object>>> choice : options.entrySet()) {
            if (wanted == null || wanted.contains(choice.getKey())) {
                ObjectNode v = variables.putObject(choice.getKey());
                v.put("type", "Json");
                v.put("value", mapper.writeValueAsString(choice.getValue()));
                v.putObject("valueInfo");
            }
        }
    }

    private void fillSelects(JsonNode components, Map<String, List<Map<String, Object>>> options) {
        for (JsonNode component : components) {
            if (component instanceof ObjectNode c && c.hasNonNull("valuesKey") && options.containsKey(c.get("valuesKey").asText())) {
                c.set("values", mapper.valueToTree(options.get(c.get("valuesKey").asText())));
                c.remove("valuesKey");
            }
            fillSelects(component.path("components"), options);
        }
    }

    /** The caller: HTTP Basic on /engine-rest (authenticated by Spring Security), the webapps' session on /camunda/api. */
    private static String userId(HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/engine-rest")) {
            var auth = SecurityContextHolder.getContext().getAuthentication();
            return auth == null || !auth.isAuthenticated() ? null : auth.getName();
        }
        return TasklistSessions.user(request.getSession(false), ENGINE);
    }

    private List<String> councils(String userId) {
        return system.run(() -> identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
                .stream().map(Tenant::getId).toList());
    }
}
