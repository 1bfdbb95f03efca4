package uk.gov.placements.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads values submitted by a Camunda Form or a REST client, whatever type the Tasklist or the
 * client chose (String, Long, Double, Boolean, Date, JSON), and reports a clear error naming the
 * variable when a value cannot be read.
 */
public final class FormValues {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T[0-9:.]*(Z|[+-][0-9:]*)?)?");
    private final Function<String, Object> values;
    private final FieldErrors errors;

    public FormValues(Map<String, Object> values, FieldErrors errors) {
        this(values::get, errors);
    }

    /**
     * Reads each field from the task or execution when asked, as the scope resolves it: only the fields a
     * form has are read, never the display values beside them (an option table's JSON is not deserialized
     * to read a decision).
     */
    public FormValues(VariableScope scope, FieldErrors errors) {
        this(scope::getVariable, errors);
    }

    private FormValues(Function<String, Object> values, FieldErrors errors) {
        this.values = values;
        this.errors = errors;
    }

    public Object raw(String name) {
        return values.apply(name);
    }

    public boolean has(String name) {
        Object v = values.apply(name);
        return v != null && !(v instanceof String s && s.isBlank());
    }

    /**
     * Free text from a form, at most 2,000 characters (most text columns a form fills); views, review
     * decisions and monitoring notes allow 4,000, the most a Camunda string variable holds.
     */
    public String text(String name) {
        return text(name, 2000);
    }

    /** Free text from a form, at most {@code max} characters: longer is refused naming the field, before anything is written. */
    public String text(String name, int max) {
        Object v = values.apply(name);
        String s = v == null ? null : v.toString().trim();
        String problem = PlainText.problem(s);
        if (problem != null) {
            errors.reject(name, problem);
        } else if (s != null && s.length() > max) {
            errors.reject(name, "must be at most " + String.format("%,d", max) + " characters");
        }
        if (problem != null || (s != null && s.length() > max)) {
            // refused at once: a caller must never write text that is too long or broken, even on its way to other errors
            errors.throwIfAny();
        }
        return s;
    }

    public Integer integer(String name) {
        Object v = values.apply(name);
        if (v == null || (v instanceof String s && s.isBlank())) {
            return null;
        }
        if (v instanceof Number n) {
            if (n.doubleValue() != Math.rint(n.doubleValue()) || Math.abs(n.doubleValue()) > Integer.MAX_VALUE) {
                errors.reject(name, "must be a whole number");
                return null;
            }
            return n.intValue();
        }
        try {
            return Integer.valueOf(v.toString().trim());
        } catch (NumberFormatException e) {
            errors.reject(name, "must be a whole number");
            return null;
        }
    }

    public Long longValue(String name) {
        Integer i = integer(name);
        return i == null ? null : i.longValue();
    }

    public Double decimal(String name) {
        Object v = values.apply(name);
        if (v == null || (v instanceof String s && s.isBlank())) {
            return null;
        }
        double d;
        if (v instanceof Number n) {
            d = n.doubleValue();
        } else {
            try {
                d = Double.parseDouble(v.toString().trim());
            } catch (NumberFormatException e) {
                errors.reject(name, "must be a number");
                return null;
            }
        }
        if (!Double.isFinite(d)) {
            errors.reject(name, "must be a number");
            return null;
        }
        return d;
    }

    /** A yes/no answer; absent means "not answered" (null). */
    public Boolean bool(String name) {
        Object v = values.apply(name);
        if (v == null || (v instanceof String s && s.isBlank())) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().trim().toLowerCase();
        if (s.equals("true") || s.equals("false")) {
            return Boolean.valueOf(s);
        }
        errors.reject(name, "must be true or false");
        return null;
    }

    public LocalDate date(String name) {
        Object v = values.apply(name);
        if (v == null || (v instanceof String s && s.isBlank())) {
            return null;
        }
        if (v instanceof Date d) {
            return d.toInstant().atZone(ZoneId.of("Europe/London")).toLocalDate();
        }
        String s = v.toString().trim();
        // a date, or a date and time as a date picker sends it; nothing after it (the text would be kept with the date)
        if (!DATE.matcher(s).matches()) {
            errors.reject(name, "must be a date such as 2026-12-31");
            return null;
        }
        try {
            return LocalDate.parse(s.substring(0, 10));
        } catch (DateTimeParseException e) {
            errors.reject(name, "must be a date such as 2026-12-31");
            return null;
        }
    }

    /** A list of strings from a checklist (JSON array), a Java collection, or comma-separated text. */
    public List<String> list(String name) {
        Object v = values.apply(name);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v instanceof Collection<?> c) {
            c.forEach(x -> out.add(String.valueOf(x)));
            return out;
        }
        String s = v.toString().trim();
        if (s.isEmpty()) {
            return out;
        }
        if (s.startsWith("[")) {
            try {
                for (JsonNode n : MAPPER.readTree(s)) {
                    out.add(n.isValueNode() ? n.asText() : n.toString());
                }
                return out;
            } catch (Exception e) {
                errors.reject(name, "must be a list");
                return out;
            }
        }
        for (String part : s.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    /** The ids a checklist lists (of options, of letters); each that is not a number refused with the message. */
    public List<Long> ids(String name, String message) {
        List<Long> ids = new ArrayList<>();
        for (String id : list(name)) {
            try {
                ids.add(Long.valueOf(id));
            } catch (NumberFormatException e) {
                errors.reject(name, message);
            }
        }
        return ids;
    }
}
