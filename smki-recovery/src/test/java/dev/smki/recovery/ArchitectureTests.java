package dev.smki.recovery;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.smki.recovery", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule packagesFormNoCycles =
            slices().matching("dev.smki.recovery.(**)").should().beFreeOfCycles();

    private static final String[] ENGINE = {
        "dev.smki.recovery.workflow..", "dev.smki.recovery.journal..", "dev.smki.recovery.analysis.."
    };

    @ArchTest
    static final ArchRule theWorkflowEngineKnowsNothingAboutKeysOrSmki = noClasses()
            .that()
            .resideInAnyPackage(ENGINE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.smki.recovery.custody..",
                    "dev.smki.recovery.incident..",
                    "dev.smki.core.issuance..",
                    "dev.smki.core.device..",
                    "org.bouncycastle..");

    @ArchTest
    static final ArchRule theWorkflowEngineDependsOnNoSmkiTypeOnlyOnProvenance = classes()
            .that()
            .resideInAnyPackage(ENGINE)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "dev.smki.recovery.workflow..",
                    "dev.smki.recovery.journal..",
                    "dev.smki.recovery.analysis..",
                    "dev.smki.recovery.internal.canonical..",
                    "dev.smki.core.provenance..",
                    "dev.smki.core.internal.crypto..",
                    "java..",
                    "com.fasterxml.jackson..",
                    "org.jspecify..",
                    "org.slf4j..")
            .because("the generic engine (procedures, runs, guards, effects, journal, ordering analysis) knows nothing"
                    + " of SMKI: keys, Devices, custody, incidents and plans are the procedures' business");

    @ArchTest
    static final ArchRule procedureDefinitionsNeedNeitherRunsNorAnalysis = noClasses()
            .that()
            .resideInAPackage("dev.smki.recovery.workflow..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.smki.recovery.journal..", "dev.smki.recovery.analysis..")
            .because("runs and their journal, and the ordering analysis, are built on the definitions, not the"
                    + " other way round");

    @ArchTest
    static final ArchRule stepsDefineTheirEffectsAndNoRehearsalReachesIntoAProcedureOrItsState = noClasses()
            .that()
            .resideInAnyPackage(
                    "dev.smki.recovery.procedures..",
                    "dev.smki.recovery.workflow..",
                    "dev.smki.recovery.journal..",
                    "dev.smki.recovery.analysis..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.smki.recovery.rehearsal..", "dev.smki.recovery.plan..");

    @ArchTest
    static final ArchRule recoveryNeverCallsSecurityAddProvider =
            noClasses().should().callMethod(java.security.Security.class, "addProvider", java.security.Provider.class);

    @ArchTest
    static final ArchRule recoveryLogsThroughSlf4jOnly = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("ch.qos.logback..", "java.util.logging..", "org.apache.logging..");
}
