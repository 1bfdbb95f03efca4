package uk.gov.placements.trust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import uk.gov.placements.TestDatabase;

/**
 * The figures the reliability tests reached (requests tried, 5xx seen, instances lost, jobs run
 * twice), one line each in target/reliability-figures.txt, which {@code mvn verify} prints at the end.
 */
public final class ReliabilityFigures {
    static final Path FILE = Path.of("target", "reliability-figures.txt");

    private ReliabilityFigures() {
    }

    public static synchronized void record(String test, String format, Object... args) {
        String line = String.format("%-58s %s%n", test + (TestDatabase.postgres() ? " [PostgreSQL]" : ""), String.format(format, args));
        System.out.print(line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
