package dev.accord.systemtest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import dev.accord.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layout rules of docs/architecture.md, over the compiled services: no service uses another's classes
 * (they meet on topics and public HTTP only), and no two packages of a service depend on each other. The
 * cycles that exist today are frozen in {@code src/test/resources/archunit_store}; a new one, or a new
 * dependency inside a frozen one, fails here. A cycle that is removed leaves the store when this runs.
 * (To accept a change on purpose: {@code -Darchunit.freeze.refreeze=true} once, and commit the store.)
 */
class ArchitectureTest {

    private static final List<String> SERVICES = List.of("ingest", "catalog", "alert", "console");

    @Test
    void noServiceUsesAnotherServicesClasses() {
        JavaClasses all = services();
        for (String service : SERVICES) {
            String[] others = SERVICES.stream().filter(s -> !s.equals(service)).map(s -> "dev.accord." + s + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("dev.accord." + service + "..").should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("services meet only on Kafka topics and public HTTP APIs")
                    .check(all);
        }
    }

    @Test
    void noNewTwoWayDependencyBetweenTheFeaturePackagesOfAService() {
        JavaClasses all = services();
        for (String service : SERVICES) {
            FreezingArchRule.freeze(slices().matching("dev.accord." + service + ".(*)..").namingSlices(service + " $1")
                    .should().beFreeOfCycles().as(service + ": feature packages depend one way"))
                    .check(all);
        }
    }

    private static JavaClasses services() {
        Path root = Fixtures.repositoryRoot();
        ClassFileImporter importer = new ClassFileImporter();
        List<Path> compiled = SERVICES.stream().map(s -> root.resolve((s.equals("console") ? s : s + "-service") + "/target/classes"))
                .toList();
        for (Path classes : compiled) {
            if (!Files.isDirectory(classes)) {
                throw new IllegalStateException(classes + " is missing: compile the services first (mvn verify does)");
            }
        }
        return importer.importPaths(compiled);
    }
}
