package dev.smki.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

@AnalyzeClasses(packages = "dev.smki.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /**
     * The packages that read or write DER, or do elliptic-curve and AES arithmetic, with Bouncy Castle: the one
     * parsed certificate, the contingency key's encoding and key wrap, the profile validator, the test PKI, the
     * GBCS signatures, revocation (its lists are signed X.509 CRLs; its registry reads certificates) and the
     * internal DER and crypto plumbing, and the simulation's seed (its streams are HMAC-SHA256 in counter mode).
     * Identities, environments, provenance, registration and the simulated Devices do without it.
     */
    private static final String[] BOUNCY_CASTLE_PACKAGES = {
        "dev.smki.core.certificate..",
        "dev.smki.core.contingency..",
        "dev.smki.core.profile..",
        "dev.smki.core.issuance..",
        "dev.smki.core.gbcs..",
        "dev.smki.core.revocation..",
        "dev.smki.core.internal.der..",
        "dev.smki.core.internal.crypto..",
        "dev.smki.core.simulation.."
    };

    /**
     * The Device's P-256 key, whose ECDSA arithmetic is Bouncy Castle's lightweight API; the rest of the device
     * package reads certificates through {@code SmkiCertificate}.
     */
    private static final String DEVICE_VERIFICATION_KEY = "dev.smki.core.device.VerificationKey";

    /**
     * Simple names smki-core shared with a Bouncy Castle class before this rule; user code that imports both must
     * qualify one. No other may be added, and a name leaves this list when its type is renamed ({@code KeyUsage}
     * left it as {@code CertificateUsage}).
     */
    private static final Set<String> KNOWN_BOUNCY_CASTLE_NAMES =
            Set.of("Certificate", "CertificateStatus", "Field", "Request");

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

    @ArchTest
    static final ArchRule bouncyCastleIsUsedOnlyWhereDerOrCryptographyIsDone = noClasses()
            .that()
            .resideOutsideOfPackages(BOUNCY_CASTLE_PACKAGES)
            .and()
            .doNotHaveFullyQualifiedName(DEVICE_VERIFICATION_KEY)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.bouncycastle..")
            .because("certificates are parsed once, in dev.smki.core.certificate, and cryptography stays in the"
                    + " packages that do it");

    @ArchTest
    static final ArchRule simulatedDevicesAreMadeFromCertificatesAndKeysNotFromTheTestPki = noClasses()
            .that()
            .resideInAnyPackage(
                    "dev.smki.core.device..",
                    "dev.smki.core.gbcs..",
                    "dev.smki.core.contingency..",
                    "dev.smki.core.certificate..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.smki.core.issuance..")
            .because("a Device holds only certificates and keys (DeviceProvisioning); TestPki.deviceProvisioning()"
                    + " is the bridge, from the issuance side");

    @ArchTest
    static final ArchRule revocationTakesCertificatesNotTheTestPki = noClasses()
            .that()
            .resideInAPackage("dev.smki.core.revocation..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.smki.core.issuance..")
            .because("the registry and the lists work from SmkiCertificate and ListSigner;"
                    + " TestPki.certificateRegistry() and TestPkiDirectory.openRevocations are the bridge, from the"
                    + " issuance side");

    @ArchTest
    static final ArchRule theSimulationSeedAndClockStandOnTheirOwn = noClasses()
            .that()
            .resideInAPackage("dev.smki.core.simulation..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.smki.core.certificate..",
                    "dev.smki.core.contingency..",
                    "dev.smki.core.device..",
                    "dev.smki.core.environment..",
                    "dev.smki.core.gbcs..",
                    "dev.smki.core.identity..",
                    "dev.smki.core.internal..",
                    "dev.smki.core.issuance..",
                    "dev.smki.core.profile..",
                    "dev.smki.core.provenance..",
                    "dev.smki.core.registration..",
                    "dev.smki.core.revocation..")
            .because("every part of a simulation draws from the seed and reads the clock, so they depend on none");

    @ArchTest
    static void noTwoTypesShareASimpleName(JavaClasses classes) {
        Map<String, List<String>> byName = new TreeMap<>(namedTypes(classes).stream()
                .collect(Collectors.groupingBy(
                        JavaClass::getSimpleName, Collectors.mapping(JavaClass::getName, Collectors.toList()))));
        byName.values().removeIf(names -> names.size() == 1);

        assertThat(byName).as("types of smki-core that share a simple name").isEmpty();
    }

    @ArchTest
    static void noTypeTakesTheSimpleNameOfABouncyCastleClass(JavaClasses classes) {
        Set<String> bouncyCastle = bouncyCastleSimpleNames();
        Set<String> shared = namedTypes(classes).stream()
                .map(JavaClass::getSimpleName)
                .filter(bouncyCastle::contains)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(bouncyCastle).as("Bouncy Castle's class names were read").hasSizeGreaterThan(1000);
        assertThat(shared)
                .as("smki-core simple names that are also Bouncy Castle class names")
                .isSubsetOf(KNOWN_BOUNCY_CASTLE_NAMES);
    }

    /**
     * Returns the public and package-private types a user or maintainer names: top-level and member types, but not
     * private, anonymous or local ones, nor the {@code Builder} members, which are always written with their
     * enclosing type ({@code Fleet.Builder}).
     */
    private static List<JavaClass> namedTypes(JavaClasses classes) {
        return classes.stream()
                .filter(c -> !c.isAnonymousClass() && !c.isLocalClass())
                .filter(c -> !c.getModifiers().contains(JavaModifier.PRIVATE))
                .filter(c -> !c.getModifiers().contains(JavaModifier.SYNTHETIC))
                .filter(c -> !c.getSimpleName().equals("package-info")
                        && !c.getSimpleName().equals("module-info"))
                .filter(c -> !(c.isMemberClass() && c.getSimpleName().equals("Builder")))
                .toList();
    }

    /** Returns the simple names of the top-level classes in the Bouncy Castle jars (bcprov, bcpkix, bcutil). */
    private static Set<String> bouncyCastleSimpleNames() {
        Set<String> names = new TreeSet<>();
        for (Class<?> inJar : List.of(
                org.bouncycastle.asn1.ASN1Object.class,
                org.bouncycastle.cert.X509CertificateHolder.class,
                org.bouncycastle.asn1.cms.ContentInfo.class)) {
            try (JarFile jar = new JarFile(Path.of(inJar.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toFile())) {
                jar.stream()
                        .map(entry -> entry.getName())
                        .filter(name -> name.startsWith("org/bouncycastle/") && name.endsWith(".class"))
                        .map(name -> name.substring(name.lastIndexOf('/') + 1, name.length() - ".class".length()))
                        .filter(name -> !name.contains("$"))
                        .forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return names;
    }
}
