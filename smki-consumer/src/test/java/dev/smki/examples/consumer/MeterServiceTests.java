package dev.smki.examples.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.smki.core.profile.ValidationResult;
import dev.smki.core.revocation.RevocationVerdict;
import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.rehearsal.Rehearsal;
import dev.smki.recovery.rehearsal.RehearsalResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MeterServiceTests {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private final Logger library = (Logger) LoggerFactory.getLogger("dev.smki");
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void captureTheLibrarysLogging() {
        levelBefore = library.getLevel();
        library.setLevel(Level.DEBUG);
        logged.start();
        library.addAppender(logged);
    }

    @AfterEach
    void restoreTheLogging() {
        library.detachAppender(logged);
        library.setLevel(levelBefore);
    }

    @Test
    void theServiceDoesTheSixTasksWithTypedResults() {
        MeterService.Findings findings = MeterService.run(NOW, 300);

        assertThat(findings.lint().result()).isEqualTo(ValidationResult.OK);
        assertThat(findings.revocation().verdict()).isEqualTo(RevocationVerdict.REVOKED);
        assertThat(findings.crl().serials())
                .containsExactly(findings.revocation().certificate().serial());
        assertThat(findings.runs()).hasSize(5).allSatisfy(run -> {
            assertThat(run.complete()).isTrue();
            assertThat(run.devices().total()).isEqualTo(300L);
        });
        assertThat(findings.runs()).extracting(run -> run.plan().seed()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void rehearsalsRunAtOnceEndAsTheSameRehearsalsRunAloneDo() {
        MeterService.Findings findings = MeterService.run(NOW, 300);

        for (RehearsalResult concurrent : findings.runs()) {
            RehearsalResult alone = Rehearsal.run(
                    ExercisePlan.builtIn("contingency")
                            .withDevices(300)
                            .withSeed(concurrent.plan().seed()),
                    1);
            assertThat(concurrent.journalHead()).isEqualTo(alone.journalHead());
            assertThat(concurrent.devices()).isEqualTo(alone.devices());
        }
    }

    @Test
    void theLibraryLogsThroughSlf4jIntoTheServicesBackendAndNeverAPrivateKey() {
        MeterService.run(NOW, 300);

        assertThat(logged.list)
                .extracting(ILoggingEvent::getLoggerName)
                .contains(MeterService.class.getName())
                .anySatisfy(name -> assertThat(name).startsWith("dev.smki.core."))
                .anySatisfy(name -> assertThat(name).startsWith("dev.smki.recovery."));
        assertThat(logged.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneSatisfy(message -> assertThat(message).containsIgnoringCase("PRIVATE KEY"));
    }

    @Test
    void theServiceIsAtMostSixtyLinesOfJava() throws IOException {
        Path source = Path.of("src/main/java/dev/smki/examples/consumer/MeterService.java");

        assertThat(Files.readAllLines(source)).hasSizeLessThanOrEqualTo(60);
    }
}
