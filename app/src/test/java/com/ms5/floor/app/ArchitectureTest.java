package com.ms5.floor.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of shared/DESIGN.md and the app's package rules (README, "Project layout"), on the compiled classes. */
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
    void theAppsLogicKnowsNoScreen() {
        noClasses().that().resideInAnyPackage("com.ms5.floor.app.runtime..", "com.ms5.floor.app.sync..",
                        "com.ms5.floor.app.persistence..", "com.ms5.floor.app.live..", "com.ms5.floor.app.model..",
                        "com.ms5.floor.app.rules..", "com.ms5.floor.app.base..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "eu.hansolo..", "org.controlsfx..",
                        "com.ms5.floor.app.ui..")
                .because("services and their tests run without the FX toolkit; only views and view models know it")
                .check(classes);
    }

    @Test
    void jdbcOnlyInPersistenceAndTheJournal() {
        noClasses().that().resideInAPackage("com.ms5.floor.app..")
                .and().resideOutsideOfPackages("com.ms5.floor.app.persistence..", "com.ms5.floor.app.sync..")
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .because("the services see StorageException, not JDBC")
                .check(classes);
    }

    @Test
    void theAppsPackagesFormNoCycles() {
        slices().matching("com.ms5.floor.app.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void dependenciesPointOneWay() {
        noClasses().that().resideInAPackage("com.ms5.floor.plc..")
                .should().dependOnClassesThat().resideInAnyPackage("com.ms5.floor.analytics..", "com.ms5.floor.app..")
                .check(classes);
    }
}
