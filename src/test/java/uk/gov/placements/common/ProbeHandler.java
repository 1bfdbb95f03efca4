package uk.gov.placements.common;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A module's handler of an event of the tests' own ({@link Probe}), which fails while {@code failing}, as a handler
 * does whose mail server or database is down ({@code ModuleEventsTest}). A class of its own: Spring Boot's tests leave
 * out the components nested in a test class.
 */
@Component
public class ProbeHandler {
    public record Probe(String id) {
    }

    // read and set through methods: the bean is a transactional proxy, whose own fields are not these
    private final Set<String> handled = ConcurrentHashMap.newKeySet();
    private volatile boolean failing;

    public Set<String> handled() {
        return handled;
    }

    public void failing(boolean failing) {
        this.failing = failing;
    }

    @ModuleListener
    void on(Probe probe) {
        if (failing) {
            throw new IllegalStateException("The handler's service is down");
        }
        handled.add(probe.id());
    }
}
