package uk.gov.placements;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The features are modules the build holds to: no cycle between them, none reaching into another's internals, none
 * reading another's tables through its repository. The module documentation in docs/modules is written from the same
 * model on every run, so it cannot drift from the code.
 */
class ModularityTest {
    static final ApplicationModules MODULES = ApplicationModules.of(PlacementsApplication.class);

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
        MODULES.verify();
    }

    @Test
    void noModuleUsesAnotherModulesRepository() {
        var crossings = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("uk.gov.placements").stream()
                .flatMap(type -> type.getDirectDependenciesFromSelf().stream())
                .filter(dependency -> dependency.getTargetClass().isAssignableTo(Repository.class)
                        && moduleOf(dependency.getTargetClass()).isPresent())
                .filter(dependency -> !moduleOf(dependency.getOriginClass()).equals(moduleOf(dependency.getTargetClass())))
                .map(Dependency::getDescription)
                .distinct()
                .toList();
        assertThat(crossings).isEmpty();
    }

    @Test
    void moduleDocumentationIsWrittenFromTheModel() throws IOException {
        Path docs = Path.of("docs/modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(docs.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> files = Files.list(docs)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                Files.writeString(file, String.join("\n", inStableOrder(Arrays.asList(text.split("\n", -1)))));
            }
        }
        assertThat(docs.resolve("components.puml")).exists();
    }

    /**
     * The documenter lists relations, beans and events in the order the classes were found on disk, which differs from
     * one checkout to another; each run of them sorted, a test run leaves the committed documentation as it was unless
     * the modules changed. A canvas's list in a table cell starts with the cell's "|", which stays on its first line.
     */
    static List<String> inStableOrder(List<String> lines) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String kind = listKind(lines.get(i));
            if (kind == null) {
                out.add(lines.get(i++));
                continue;
            }
            boolean cell = lines.get(i).startsWith("|");
            List<String> run = new ArrayList<>(List.of(cell ? lines.get(i).substring(1) : lines.get(i)));
            for (i++; i < lines.size() && kind.equals(listKind(lines.get(i))) && !lines.get(i).startsWith("|"); i++) {
                run.add(lines.get(i));
            }
            Collections.sort(run);
            if (cell) {
                run.set(0, "|" + run.get(0));
            }
            out.addAll(run);
        }
        return out;
    }

    private static String listKind(String line) {
        if (line.startsWith("Rel(")) {
            return "relation";
        }
        return line.startsWith("* `") || line.startsWith("|* `") ? "item" : null;
    }

    @Test
    void documentationListsAreSortedWithinEachRunAndCellsKeepTheirBar() {
        assertThat(inStableOrder(List.of("|Events listened to", "|* `b` ", "* `a` ", "|Aggregate roots", "|* `d`", "* `c`", "|===")))
                .containsExactly("|Events listened to", "|* `a` ", "* `b` ", "|Aggregate roots", "|* `c`", "* `d`", "|===");
        assertThat(inStableOrder(List.of("}", "", "Rel(B, C)", "Rel(A, C)", "", "SHOW_LEGEND(true)")))
                .containsExactly("}", "", "Rel(A, C)", "Rel(B, C)", "", "SHOW_LEGEND(true)");
    }

    private static Optional<String> moduleOf(JavaClass type) {
        return MODULES.getModuleByType(type.getName()).map(ApplicationModule::getName);
    }
}
