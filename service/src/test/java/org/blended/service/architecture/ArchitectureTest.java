package org.blended.service.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keeps the layout as built (docs/architecture.md): no package cycles, the flow's layers only
 * called from above, controllers called by nobody, and a class public only when another package
 * uses it. The fact model's generated executable-model packages are not ours and not imported.
 */
class ArchitectureTest {

    private static final String[] OURS = {"org.blended.service", "org.blended.integration",
            "org.blended.rules.application", "org.blended.rules.assessment"};

    /** Public although no package names them: a framework makes them from their name. */
    private static final java.util.Set<String> MADE_BY_NAME = java.util.Set.of(
            "org.blended.service.ruleset.build.ScenarioFiringLimit"); // Drools, from the kmodule's listener

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(OURS);

    static final ArchRule NO_CYCLES = slices().matching("org.blended.(**)").should().beFreeOfCycles();

    static final ArchRule MODULES = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Fact model").definedBy("org.blended.rules..")
            .layer("Intake routes").definedBy("org.blended.integration..")
            .layer("Service").definedBy("org.blended.service..")
            .whereLayer("Service").mayNotBeAccessedByAnyLayer()
            .whereLayer("Intake routes").mayOnlyBeAccessedByLayers("Service")
            .whereLayer("Fact model").mayOnlyBeAccessedByLayers("Intake routes", "Service");

    /** The flow inside the service: intake, assess, record, explain; each layer only called from above. */
    static final ArchRule FLOW = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Features").definedBy("..service.intake..", "..service.batch..", "..service.application..",
                    "..service.explanation..", "..service.replay..", "..service.whatif..", "..service.ruleset.web..",
                    "..service.web..")
            .layer("Rule sets").definedBy("..service.ruleset.source..", "..service.ruleset.guard..",
                    "..service.ruleset.upload..", "..service.ruleset.build..", "..service.ruleset.store..",
                    "..service.ruleset.lifecycle..")
            .layer("Record").definedBy("..service.decision..", "..service.audit..", "..service.publishing..",
                    "..service.valuation..")
            .layer("Engine").definedBy("..service.assessment..")
            .layer("Access").definedBy("..service.security..", "..service.lender..", "..service.database..")
            .whereLayer("Features").mayNotBeAccessedByAnyLayer()
            .whereLayer("Rule sets").mayOnlyBeAccessedByLayers("Features")
            .whereLayer("Record").mayOnlyBeAccessedByLayers("Features")
            .whereLayer("Engine").mayOnlyBeAccessedByLayers("Rule sets", "Features")
            .whereLayer("Access").mayOnlyBeAccessedByLayers("Engine", "Record", "Rule sets", "Features");

    /** Recording owns the interfaces the chain and the outbox implement; it never calls them by name. */
    static final ArchRule RECORDING_DOES_NOT_KNOW_ITS_LISTENERS = noClasses()
            .that().resideInAPackage("..service.decision..")
            .should().dependOnClassesThat().resideInAnyPackage("..service.audit..", "..service.publishing..");

    static final ArchRule CONTROLLERS_ARE_ENTRY_POINTS = classes()
            .that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
            .should(onlyBeUsedInTheirOwnPackage());

    @Test
    void noPackageCycles() {
        NO_CYCLES.check(MAIN);
    }

    @Test
    void modulesDependDownwards() {
        MODULES.check(MAIN);
    }

    @Test
    void theFlowsLayersAreOnlyCalledFromAbove() {
        FLOW.check(MAIN);
        RECORDING_DOES_NOT_KNOW_ITS_LISTENERS.check(MAIN);
    }

    @Test
    void controllersAreCalledByNoOtherPackage() {
        CONTROLLERS_ARE_ENTRY_POINTS.check(MAIN);
    }

    /** Tests count as users: a test in another package may need a class public. */
    @Test
    void aClassIsPublicOnlyWhenAnotherPackageUsesIt() {
        JavaClasses withTests = new ClassFileImporter().importPackages("org.blended.service", "org.blended.benchmark");
        classes().that().resideInAPackage("org.blended.service..").and().areTopLevelClasses()
                .and().arePublic().and(isMainCode())
                .should(beUsedFromAnotherPackage())
                .check(withTests);
    }

    /** The rule bites: a package cycle among test fixtures is reported. */
    @Test
    void aPackageCycleFailsTheBuild() {
        JavaClasses fixture = new ClassFileImporter().importPackages(getClass().getPackageName() + ".fixture");
        var result = NO_CYCLES.evaluate(fixture);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("Cycle detected").contains("fixture.left")
                .contains("fixture.right");
    }

    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> isMainCode() {
        return com.tngtech.archunit.base.DescribedPredicate.describe("main code", c -> c.getSource()
                .map(s -> !s.getUri().toString().contains("/test-classes/")).orElse(true));
    }

    private static ArchCondition<JavaClass> onlyBeUsedInTheirOwnPackage() {
        return new ArchCondition<>("be used only in their own package") {
            @Override
            public void check(JavaClass controller, ConditionEvents events) {
                controller.getDirectDependenciesToSelf().stream()
                        .filter(d -> !d.getOriginClass().getPackageName().equals(controller.getPackageName()))
                        .forEach(d -> events.add(SimpleConditionEvent.violated(d, d.getDescription())));
            }
        };
    }

    private static ArchCondition<JavaClass> beUsedFromAnotherPackage() {
        return new ArchCondition<>("be used from another package (else package-private)") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean used = type.getDirectDependenciesToSelf().stream()
                        .anyMatch(d -> !d.getOriginClass().getPackageName().equals(type.getPackageName()));
                if (!used && !type.getModifiers().contains(JavaModifier.ABSTRACT) && !isApplication(type)
                        && !MADE_BY_NAME.contains(type.getName())) {
                    events.add(SimpleConditionEvent.violated(type, type.getName()
                            + " is public but no other package uses it: make it package-private"));
                }
            }
        };
    }

    private static boolean isApplication(JavaClass type) {
        return type.isAnnotatedWith(org.springframework.boot.autoconfigure.SpringBootApplication.class);
    }
}
