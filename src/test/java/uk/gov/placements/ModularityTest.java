package uk.gov.placements;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Optional;
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
    void moduleDocumentationIsWrittenFromTheModel() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(new java.io.File("docs/modules/components.puml")).exists();
    }

    private static Optional<String> moduleOf(JavaClass type) {
        return MODULES.getModuleByType(type.getName()).map(ApplicationModule::getName);
    }
}
