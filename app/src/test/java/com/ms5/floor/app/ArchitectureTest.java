package com.ms5.floor.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of shared/DESIGN.md, checked on the compiled classes of every module. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.ms5.floor");
    }

    @Test
    void plcCoreAndAnalyticsKnowNoJavaFx() {
        noClasses().that().resideInAnyPackage("com.ms5.floor.plc..", "com.ms5.floor.analytics..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "eu.hansolo..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void onlyAppPersistenceUsesHibernate() {
        noClasses().that().resideOutsideOfPackage("com.ms5.floor.app.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hibernate..", "jakarta.persistence..")
                .check(classes);
    }

    @Test
    void analyticsUsesOnlyThePlcCoreApi() {
        noClasses().that().resideInAPackage("com.ms5.floor.analytics..")
                .should().dependOnClassesThat().resideInAnyPackage("com.ms5.floor.plc.poll..", "com.ms5.floor.plc.virtual..",
                        "org.apache.plc4x..", "com.ms5.floor.app..")
                .check(classes);
    }

    @Test
    void dependenciesPointOneWay() {
        noClasses().that().resideInAPackage("com.ms5.floor.plc..")
                .should().dependOnClassesThat().resideInAnyPackage("com.ms5.floor.analytics..", "com.ms5.floor.app..")
                .check(classes);
    }
}
