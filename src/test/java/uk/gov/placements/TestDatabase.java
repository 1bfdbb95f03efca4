package uk.gov.placements;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the integration suite on H2 (the default) or, with {@code -Dplacements.test.database=postgres},
 * on a real PostgreSQL 16 started by the test JVM: the second Surefire run in pom.xml does that, so
 * every {@link IntegrationTest} passes on both databases.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    public static final String PROPERTY = "placements.test.database";
    private static final java.util.concurrent.atomic.AtomicInteger CONTEXTS = new java.util.concurrent.atomic.AtomicInteger();

    public static boolean postgres() {
        return "postgres".equals(System.getProperty(PROPERTY));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (postgres()) {
            // one database per Spring context (the scale benchmark has a context of its own)
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-postgres",
                    TestPostgres.newDatabase("suite" + CONTEXTS.incrementAndGet())));
        }
    }
}
