package uk.gov.placements;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Map;

/**
 * A real PostgreSQL 16 for tests, started from the binaries Maven fetched (io.zonky.test), no install
 * step. One server per test JVM, stopped by its own shutdown hook; each caller gets its own database.
 */
public final class TestPostgres {
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("Could not start embedded PostgreSQL", e);
            }
        }
        return server;
    }

    /** A fresh, empty database on the shared server, and the Spring properties that point at it. */
    public static synchronized Map<String, Object> newDatabase(String name) {
        try (var c = server().getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return Map.of("spring.datasource.url", server().getJdbcUrl("postgres", name),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres",
                "spring.datasource.driver-class-name", "org.postgresql.Driver",
                // the server stops in its own shutdown hook, alongside Spring's: the engine's last
                // command at close must give up at once rather than wait 30 s for a connection
                "spring.datasource.hikari.connection-timeout", "1000");
    }
}
