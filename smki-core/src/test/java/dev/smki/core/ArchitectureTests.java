package dev.smki.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.smki.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule packagesFormNoCycles =
            slices().matching("dev.smki.core.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule coreNeverCallsSecurityAddProvider = noClasses()
            .should()
            .callMethod(java.security.Security.class, "addProvider", java.security.Provider.class)
            .orShould()
            .callMethod(java.security.Security.class, "insertProviderAt", java.security.Provider.class, int.class);

    @ArchTest
    static final ArchRule coreLogsThroughSlf4jOnly = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("ch.qos.logback..", "java.util.logging..", "org.apache.logging..");
}
