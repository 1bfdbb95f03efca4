package uk.gov.placements.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A module's handling of another module's event. It runs once the publishing transaction has committed, in a
 * transaction of its own, and Spring Modulith's event publication registry (table {@code event_publication}) keeps
 * the event until the handling has succeeded: a handler that failed, or that a crash cut off, is handed the event again
 * ({@code EventRepublisher}). So the cause commits whatever its effects elsewhere do, and no effect is lost. It runs
 * in the publisher's thread, not asynchronously, so whoever caused it (a person's request, a process step) sees its
 * effects when their call returns. Handlers are written to be safe to run twice.
 * <p>
 * Unlike Spring Modulith's {@code @ApplicationModuleListener}, which is the same but asynchronous.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Transactional(propagation = Propagation.REQUIRES_NEW)
@TransactionalEventListener(fallbackExecution = true)
public @interface ModuleListener {
}
