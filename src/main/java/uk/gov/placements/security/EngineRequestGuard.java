package uk.gov.placements.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a person who is not an administrator may do through the engine's REST API, directly
 * ({@code /engine-rest}) or through the webapps ({@code /camunda/api/engine}): exactly what the
 * Tasklist needs, and nothing that steers a process around the product's rules.
 * <ul>
 * <li>Reads, except the engine's own administration (metrics, jobs, batches, incidents, schema):
 * what a read shows is then decided by Camunda's authorizations and tenant checks.</li>
 * <li>Queries sent as POST (task lists, filters, counts).</li>
 * <li>Starting a process at its start event with its start form's fields, in the caller's own council:
 * no start instructions, no business key (the product sets it), no skipped listeners.</li>
 * <li>Claiming a task offered to them for themselves, giving back a task they hold, and completing (or
 * submitting the form of) such a task with that form's fields only.</li>
 * <li>Their own password and profile.</li>
 * </ul>
 * Everything else that writes (modification, migration, messages, signals, variables outside a form,
 * identity links, assignee changes, comments and attachments, jobs, definitions, deployments) is refused
 * with 403, and a variable of type {@code Object} (or file, bytes, XML) with 400. A task the caller
 * cannot see, whether it does not exist or belongs to another council or group, is answered 404 in the
 * same words, so no id can be probed.
 * <p>
 * Camunda's authorizations are the first line (candidates hold TASK_WORK, not UPDATE: see
 * {@link EngineSecurityPlugin}); this guard holds the rules authorizations cannot express: which fields
 * a form has, where a process may start, whose name a claim may carry.
 */
class EngineRequestGuard extends OncePerRequestFilter {
    private static final Pattern ENGINE_REST = Pattern.compile("^/engine-rest(?:/engine/[^/]+)?(/.*)?$");
    private static final Pattern WEBAPP_ENGINE = Pattern.compile("^/camunda/api/engine/engine/[^/]+(/.*)?$");
    private static final String ENGINE = "default";

    /** Reads of the engine's administration: nothing a council's staff or a provider needs. */
    private static final Set<String> ADMIN_READS = Set.of("metrics", "telemetry", "schema", "job", "job-definition", "batch",
            "incident", "external-task", "migration", "modification", "deployment", "event-subscription", "execution");
    private static final Set<String> ADMIN_HISTORY_READS = Set.of("job-log", "incident", "batch", "external-task-log", "cleanup",
            "detail", "decision-instance", "decision-requirements-definition");
    /** Queries that take their criteria as a JSON body: reads, checked by the engine like their GET forms. */
    private static final Pattern QUERY_POST = Pattern.compile(
            "^/(task|task/count|filter/[^/]+/(list|count|singleResult)|process-instance|process-instance/count"
                    + "|history/process-instance|history/process-instance/count|history/task|history/task/count)$");
    private static final Pattern TASK = Pattern.compile("^/task/([^/]+)(/.*)?$");
    private static final Pattern TASK_WORK = Pattern.compile("^/task/([^/]+)/(claim|unclaim|complete|submit-form)$");
    private static final Pattern START = Pattern.compile(
            "^/process-definition/(?:key/([^/]+)(?:/tenant-id/([^/]+))?|([^/]+))/(start|submit-form)$");
    private static final Pattern OWN_USER = Pattern.compile("^/user/([^/]+)/(credentials|profile)$");
    private static final Pattern PROCESS_INSTANCE = Pattern.compile("^/process-instance/([^/]+)(/.*)?$");
    /** The value types a form submits (form-js: text, numbers, booleans, dates, checklists as JSON). */
    private static final Set<String> FORM_VALUE_TYPES = Set.of("string", "boolean", "integer", "long", "short", "double", "date",
            "json", "null");

    private final IdentityService identityService;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final FormFields formFields;
    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final ObjectMapper mapper = new ObjectMapper();

    EngineRequestGuard(IdentityService identityService, TaskService taskService, RuntimeService runtimeService,
                       RepositoryService repositoryService, FormFields formFields, ProcessEngineConfigurationImpl engineConfiguration) {
        this.engineConfiguration = engineConfiguration;
        this.identityService = identityService;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.formFields = formFields;
    }

    record Caller(String userId, List<String> groups, List<String> tenants) {
        boolean isAdmin() {
            return groups.contains(Groups.CAMUNDA_ADMIN);
        }
    }

    /** A refusal: the status and the sentence the caller reads. */
    static final class Refused extends RuntimeException {
        final int status;
        final String type;

        Refused(int status, String type, String message) {
            super(message, null, false, false);
            this.status = status;
            this.type = type;
        }

        static Refused forbidden(String message) {
            return new Refused(403, "AuthorizationException", message);
        }

        static Refused badRequest(String message) {
            return new Refused(400, "InvalidRequestException", message);
        }

        /** The same words for a task gone and a task not this person's to see, and no id: people read this in the Tasklist. */
        static Refused noTask() {
            return new Refused(404, "InvalidRequestException", "This task is no longer open (someone may have completed it already), "
                    + "or it is not one you can see. Reload the list.");
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return enginePath(request.getRequestURI()) == null;
    }

    static String enginePath(String uri) {
        for (Pattern p : List.of(ENGINE_REST, WEBAPP_ENGINE)) {
            Matcher m = p.matcher(uri);
            if (m.matches()) {
                return m.group(1) == null ? "/" : m.group(1);
            }
        }
        return null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = caller(request);
        if (caller == null || caller.isAdmin()) {
            // no caller: the security chain (or the webapp) answers 401; administrators are trusted with the engine
            chain.doFilter(request, response);
            return;
        }
        String uri = request.getRequestURI();
        String path = enginePath(uri);
        byte[] body = null;
        try {
            if (uri.contains(";") || uri.contains("%") || uri.contains("//") || uri.contains("/./") || uri.contains("/../")) {
                throw Refused.badRequest("The address has characters that are not allowed");
            }
            String method = request.getMethod();
            if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
                checkRead(caller, path);
            } else {
                body = request.getInputStream().readAllBytes();
                checkWrite(caller, method, path, body);
            }
        } catch (Refused refused) {
            refuse(response, refused);
            return;
        } catch (Unclaimed unclaimed) {
            try {
                if (!uri.startsWith("/engine-rest")) {
                    requireCsrfToken(request);
                }
                giveBack(caller, unclaimed.taskId);
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } catch (Refused refused) {
                refuse(response, refused);
            }
            return;
        }
        chain.doFilter(body == null ? request : new CachedBodyRequest(request, body), response);
    }

    /** The caller holds the task and gives it back: done here, as they are entitled to (see {@link #giveBack}). */
    private static final class Unclaimed extends RuntimeException {
        final String taskId;

        Unclaimed(String taskId) {
            super(null, null, false, false);
            this.taskId = taskId;
        }
    }

    /**
     * Giving back a task one holds. The engine asks TASK_ASSIGN for it, which would also let a candidate hand
     * the task to anyone; candidates hold only TASK_WORK, so the guard, having checked that the caller is the
     * assignee, unassigns it with the authorization check off for that one command, as the caller (who is
     * recorded in the user operation log).
     */
    private void giveBack(Caller caller, String taskId) {
        try {
            asCaller(caller, () -> engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
                // checked again inside the command that writes, so a claim or completion in between is not overwritten:
                // the task's revision makes a concurrent change fail this command with an optimistic locking error
                TaskEntity task = context.getTaskManager().findTaskById(taskId);
                if (task == null) {
                    throw Refused.noTask();
                }
                if (!caller.userId().equals(task.getAssignee())) {
                    throw Refused.forbidden("You do not hold this task: only the person who holds it (or an administrator) may give it back");
                }
                context.disableAuthorizationCheck();
                try {
                    return new AssignTaskCmd(taskId, null).execute(context);
                } finally {
                    context.enableAuthorizationCheck();
                }
            }));
        } catch (OptimisticLockingException changed) {
            throw new Refused(409, "OptimisticLockingException", "Someone else changed this task at the same moment; reload and try again");
        }
    }

    /**
     * The webapps' CSRF check runs after this guard; a task given back here never reaches it, so the guard asks for
     * the same token the webapp's own filter would: the X-XSRF-TOKEN header matching the session's token.
     */
    private static void requireCsrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute("CAMUNDA_CSRF_TOKEN");
        String given = request.getHeader("X-XSRF-TOKEN");
        if (expected == null || given == null || !expected.toString().equals(given)) {
            throw Refused.forbidden("The request did not carry this session's CSRF token");
        }
    }

    private void checkRead(Caller caller, String path) {
        String[] segments = path.substring(1).split("/");
        if (ADMIN_READS.contains(segments[0])
                || (segments[0].equals("history") && segments.length > 1 && ADMIN_HISTORY_READS.contains(segments[1]))) {
            throw Refused.forbidden("Only administrators may read the engine's " + segments[0]
                    + (segments.length > 1 && segments[0].equals("history") ? " " + segments[1] : ""));
        }
        Matcher task = TASK.matcher(path);
        if (task.matches() && !task.group(1).equals("count") && !task.group(1).equals("report")) {
            visibleTask(caller, task.group(1));
        }
        Matcher instance = PROCESS_INSTANCE.matcher(path);
        if (instance.matches() && !instance.group(1).equals("count")) {
            boolean visible = asCaller(caller, () -> runtimeVisible(instance.group(1)));
            if (!visible) {
                throw new Refused(404, "InvalidRequestException", "Process instance with id " + instance.group(1) + " does not exist");
            }
        }
    }

    /** An instance the caller may read, or one with a task offered to them (the Tasklist shows its diagram). */
    private boolean runtimeVisible(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).count() > 0
                || runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }

    private void checkWrite(Caller caller, String method, String path, byte[] body) {
        if (method.equals("POST") && QUERY_POST.matcher(path).matches()) {
            return;
        }
        Matcher own = OWN_USER.matcher(path);
        if (method.equals("PUT") && own.matches()) {
            JsonNode json = json(body);
            if (!own.group(1).equals(caller.userId()) || (json.has("id") && !caller.userId().equals(json.path("id").asText()))) {
                throw Refused.forbidden("You may change only your own password and profile");
            }
            return;
        }
        if (!method.equals("POST")) {
            throw Refused.forbidden(method + " " + path + " is for administrators only");
        }
        Matcher work = TASK_WORK.matcher(path);
        if (work.matches()) {
            Task task = visibleTask(caller, work.group(1));
            JsonNode json = json(body);
            switch (work.group(2)) {
                case "claim" -> {
                    only(json, Set.of("userId"));
                    if (!caller.userId().equals(json.path("userId").asText(null))) {
                        throw Refused.forbidden("You may claim a task only for yourself");
                    }
                    if (task.getAssignee() != null && !task.getAssignee().equals(caller.userId())) {
                        throw new Refused(409, "TaskAlreadyClaimedException", "This task is already held by someone else");
                    }
                }
                case "unclaim" -> {
                    if (!caller.userId().equals(task.getAssignee())) {
                        throw Refused.forbidden("You do not hold this task: only the person who holds it (or an administrator) may give it back");
                    }
                    throw new Unclaimed(task.getId());
                }
                default -> {
                    if (task.getAssignee() != null && !task.getAssignee().equals(caller.userId())) {
                        throw Refused.forbidden("This task is held by someone else");
                    }
                    only(json, Set.of("variables", "withVariablesInReturn"));
                    checkVariables(json.path("variables"), formFields.ofTask(task), "this task's form");
                }
            }
            return;
        }
        Matcher start = START.matcher(path);
        if (start.matches()) {
            checkStart(caller, start, json(body));
            return;
        }
        throw Refused.forbidden("POST " + path + " is for administrators only");
    }

    private void checkStart(Caller caller, Matcher start, JsonNode json) {
        String key = start.group(1);
        String tenant = start.group(2);
        if (tenant != null && !caller.tenants().contains(tenant)) {
            throw Refused.forbidden("You may start a process only in your own council");
        }
        only(json, Set.of("variables", "withVariablesInReturn"));
        ProcessDefinition definition = asCaller(caller, () -> {
            var query = repositoryService.createProcessDefinitionQuery();
            if (key != null) {
                query.processDefinitionKey(key).latestVersion();
                if (tenant != null) {
                    query.tenantIdIn(tenant);
                } else {
                    query.withoutTenantId();
                }
            } else {
                query.processDefinitionId(start.group(3));
            }
            List<ProcessDefinition> found = query.list();
            return found.isEmpty() ? null : found.get(0);
        });
        if (definition == null) {
            throw new Refused(404, "InvalidRequestException", "No process definition " + (key != null ? key : start.group(3))
                    + " that you may start");
        }
        checkVariables(json.path("variables"), formFields.ofStart(definition), "the start form");
    }

    private void checkVariables(JsonNode variables, Set<String> allowed, String form) {
        if (variables.isMissingNode() || variables.isNull()) {
            return;
        }
        if (!variables.isObject()) {
            throw Refused.badRequest("variables must be an object of named values");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            if (!allowed.contains(name)) {
                throw Refused.badRequest(safe(name) + " is not a field of " + form + ": only the form's fields may be set");
            }
            JsonNode variable = entry.getValue();
            if (!variable.isObject()) {
                throw Refused.badRequest(safe(name) + " must be given as {\"value\": ...}");
            }
            // no type means the engine guesses one from the value; a form sends plain values, and a checklist as Json
            // text: an object or array without a type would be stored as a serialized Java object
            JsonNode type = variable.get("type");
            if (type != null && !type.isNull() && (!type.isTextual() || !FORM_VALUE_TYPES.contains(type.asText().toLowerCase()))) {
                throw Refused.badRequest(safe(name) + " has a type a form does not send: its fields are text, numbers, yes/no, dates or lists");
            }
            JsonNode value = variable.get("value");
            if (value != null && !value.isValueNode()) {
                throw Refused.badRequest(safe(name) + " must be a single value (a list is sent as Json text)");
            }
            JsonNode info = variable.get("valueInfo");
            if (info != null && !info.isNull() && !(info.isObject() && (info.isEmpty() || (info.size() == 1 && info.has("transient"))))) {
                throw Refused.badRequest(safe(name) + " names a Java type or format: a form's fields are text, numbers, yes/no, dates or lists");
            }
        }
    }

    private Task visibleTask(Caller caller, String taskId) {
        Task task = asCaller(caller, () -> taskService.createTaskQuery().taskId(taskId).singleResult());
        if (task == null) {
            throw Refused.noTask();
        }
        return task;
    }

    private JsonNode json(byte[] body) {
        if (body == null || body.length == 0) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) {
                throw Refused.badRequest("The body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw Refused.badRequest("The body is not valid JSON");
        }
    }

    private static void only(JsonNode json, Set<String> allowed) {
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                throw Refused.forbidden(safe(field) + " is for administrators only: a process starts at its start event, "
                        + "and a task is completed with its form's fields");
            }
        }
    }

    private static String safe(String s) {
        String cleaned = s.replaceAll("[^A-Za-z0-9_.\\-]", "");
        return cleaned.length() > 60 ? cleaned.substring(0, 60) : cleaned;
    }

    private <T> T asCaller(Caller caller, Supplier<T> action) {
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.setAuthentication(caller.userId(), caller.groups(), caller.tenants());
        try {
            return action.get();
        } finally {
            if (previous != null) {
                identityService.setAuthentication(previous);
            } else {
                identityService.clearAuthentication();
            }
        }
    }

    /** The signed-in user: HTTP Basic on /engine-rest, the webapps' session on /camunda/api. */
    private Caller caller(HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/engine-rest")) {
            var auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
                return null;
            }
            Authentication engineAuth = identityService.getCurrentAuthentication();
            if (engineAuth != null && auth.getName().equals(engineAuth.getUserId())) {
                return new Caller(engineAuth.getUserId(), nz(engineAuth.getGroupIds()), nz(engineAuth.getTenantIds()));
            }
            // signed in but not handed to the engine: the guard looks the user up rather than let the request through
            String userId = auth.getName();
            return new Caller(userId, identityService.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).toList(),
                    identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream().map(t -> t.getId()).toList());
        }
        HttpSession session = request.getSession(false);
        Authentications auths = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        if (auths == null || !(auths.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user)) {
            return null;
        }
        return new Caller(user.getName(), nz(user.getGroupIds()), nz(user.getTenantIds()));
    }

    private static List<String> nz(List<String> list) {
        return list == null ? List.of() : list;
    }

    private void refuse(HttpServletResponse response, Refused refused) throws IOException {
        response.setStatus(refused.status);
        response.setContentType("application/json");
        ObjectNode body = mapper.createObjectNode();
        body.put("type", refused.type);
        body.put("message", refused.getMessage());
        response.getWriter().write(mapper.writeValueAsString(body));
    }
}
