package uk.gov.placements.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import uk.gov.placements.common.FieldErrors;

/**
 * The fields of a deployed Camunda Form: the keys a person can fill. What a client may set when it
 * starts a process or completes a task is exactly these (see {@link EngineRequestGuard}). A deployed form
 * never changes, so each is read once per process definition and task.
 */
@Component
public class FormFields {

    /**
     * Values a client of the engine's API may give at a start that its form no longer asks: the referral form asks
     * the child's home postcode only (the product takes its district's centre), and a client may still send the
     * home's coordinates.
     */
    static final Map<String, Set<String>> API_START_FIELDS = Map.of("placementReferral", Set.of("childLatitude", "childLongitude"));
    private final FormService formService;
    private final SystemActions system;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, Set<String>> cache = new ConcurrentHashMap<>();

    public FormFields(FormService formService, SystemActions system) {
        this.formService = formService;
        this.system = system;
    }

    public Set<String> ofTask(Task task) {
        return cache.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
                k -> system.run(() -> read(() -> formService.getDeployedTaskForm(task.getId()))));
    }

    public Set<String> ofStart(ProcessDefinition definition) {
        return cache.computeIfAbsent(definition.getId(), k -> {
            Set<String> fields = new HashSet<>(system.run(() -> read(() -> formService.getDeployedStartForm(definition.getId()))));
            if (!fields.isEmpty()) {
                fields.addAll(API_START_FIELDS.getOrDefault(definition.getKey(), Set.of()));
            }
            return Set.copyOf(fields);
        });
    }

    /**
     * The product API's completion: only the form's fields, each a plain value (text, number, yes/no, or a
     * checklist's list of them), refused naming the field before anything is written.
     */
    public void requireOnly(Map<String, Object> values, Set<String> fields) {
        FieldErrors errors = new FieldErrors();
        values.forEach((name, value) -> {
            if (!fields.contains(name)) {
                errors.reject(name, "is not a field of this task's form");
            } else if (!plain(value) && !(value instanceof List<?> list && list.stream().allMatch(FormFields::plain))) {
                errors.reject(name, "must be text, a number, true or false, or a list of those");
            }
        });
        errors.throwIfAny();
    }

    private static boolean plain(Object value) {
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private interface FormSource {
        InputStream open();
    }

    private Set<String> read(FormSource source) {
        try (InputStream in = source.open()) {
            return keys(mapper.readTree(in));
        } catch (ProcessEngineException noForm) {
            // a task or start event without a deployed form has no fields a client may set
            return Set.of();
        } catch (IOException e) {
            throw new IllegalStateException("A deployed form could not be read", e);
        }
    }

    static Set<String> keys(JsonNode form) {
        Set<String> keys = new HashSet<>();
        collect(form.path("components"), keys);
        return Set.copyOf(keys);
    }

    private static void collect(JsonNode components, Set<String> keys) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
            }
            collect(component.path("components"), keys);
        }
    }
}
