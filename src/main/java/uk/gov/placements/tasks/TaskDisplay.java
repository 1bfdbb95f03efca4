package uk.gov.placements.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a task's form shows a person (the referral summary, the options table, a review's matching record):
 * written here, in the product's own table, when the task is created, served with the task's form variables
 * to whoever may open the task ({@link TaskDisplayResponse}), and removed when the task ends. None of it is a
 * Camunda variable, so a child's details never reach the engine's runtime tables or its history. Written in
 * the engine's transaction, so a task whose creation fails leaves nothing behind.
 */
@Component
public class TaskDisplay {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcTemplate jdbc;

    public TaskDisplay(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One value a form shows: text (Markdown), or a table or list as JSON. */
    public record Value(String content, boolean json) {
    }

    public void show(DelegateTask task, String name, String text) {
        show(task.getId(), name, text);
    }

    public void show(String taskId, String name, String text) {
        put(taskId, name, text == null ? "" : text, false);
    }

    public void showJson(DelegateTask task, String name, Object value) {
        showJson(task.getId(), name, value);
    }

    public void showJson(String taskId, String name, Object value) {
        try {
            put(taskId, name, JSON.writeValueAsString(value), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A form's display value could not be written as JSON", e);
        }
    }

    private void put(String taskId, String name, String content, boolean json) {
        jdbc.update("delete from task_display where task_id = ? and name = ?", taskId, name);
        jdbc.update("insert into task_display (task_id, name, json, content) values (?, ?, ?, ?)", taskId, name, json, content);
    }

    public Map<String, Value> of(String taskId) {
        Map<String, Value> values = new LinkedHashMap<>();
        jdbc.query("select name, json, content from task_display where task_id = ? order by name",
                rs -> {
                    values.put(rs.getString("name"), new Value(rs.getString("content"), rs.getBoolean("json")));
                }, taskId);
        return values;
    }

    public String text(String taskId, String name) {
        Value v = of(taskId).get(name);
        return v == null ? null : v.content();
    }

    public void forget(String taskId) {
        jdbc.update("delete from task_display where task_id = ?", taskId);
    }
}
