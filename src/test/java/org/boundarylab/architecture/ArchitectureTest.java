package org.boundarylab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of the design, checked on the compiled main code: the engine and
 * everything else below the window know nothing of JavaFX or of the window; no two packages
 * depend on each other in a circle (the window's feature packages included); and features plug
 * into the lab through its ports, never through its controller.
 */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainCode() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.boundarylab");
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.boundarylab.(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void nothingBelowTheWindowImportsJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.boundarylab.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
                .check(main);
    }

    @Test
    void nothingBelowTheWindowDependsOnIt() {
        // Main starts the window when given no command: the one entry point allowed to
        noClasses().that().resideOutsideOfPackage("org.boundarylab.ui..")
                .and().doNotHaveFullyQualifiedName("org.boundarylab.Main")
                .should().dependOnClassesThat().resideInAPackage("org.boundarylab.ui..")
                .check(main);
    }

    @Test
    void featuresDoNotKnowTheLabController() {
        noClasses().that().resideInAnyPackage("org.boundarylab.ui.classroom..", "org.boundarylab.ui.diagram..",
                        "org.boundarylab.ui.draw..", "org.boundarylab.ui.explain..", "org.boundarylab.ui.files..",
                        "org.boundarylab.ui.sweep..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.boundarylab.ui.LabController")
                .check(main);
    }

    @Test
    void featuresDoNotKnowEachOther() {
        String[] features = {"classroom", "diagram", "draw", "explain", "files", "sweep"};
        for (String f : features) {
            for (String other : features) {
                if (!f.equals(other)) {
                    noClasses().that().resideInAPackage("org.boundarylab.ui." + f + "..")
                            .should().dependOnClassesThat().resideInAPackage("org.boundarylab.ui." + other + "..")
                            .check(main);
                }
            }
        }
    }
}
