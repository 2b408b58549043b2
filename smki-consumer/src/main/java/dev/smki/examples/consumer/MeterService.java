package dev.smki.examples.consumer;

import static java.util.concurrent.CompletableFuture.supplyAsync;

import dev.smki.core.environment.SmkiEnvironment;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.profile.CertificateValidator;
import dev.smki.core.profile.ValidationContext;
import dev.smki.core.profile.ValidationReport;
import dev.smki.core.revocation.Requester;
import dev.smki.core.revocation.RevocationList;
import dev.smki.core.revocation.RevocationOutcome;
import dev.smki.core.revocation.RevocationPolicy;
import dev.smki.core.revocation.RevocationReason;
import dev.smki.core.revocation.RevocationRequest;
import dev.smki.core.revocation.Revocations;
import dev.smki.core.simulation.SettableClock;
import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.rehearsal.Rehearsal;
import dev.smki.recovery.rehearsal.RehearsalResult;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A service using smki-sim as a new user would: test PKI, lint, revocation, rehearsals, logging. */
public final class MeterService {
    private static final Logger LOG = LoggerFactory.getLogger(MeterService.class); // logback.xml: dev.smki at INFO

    /** What the service found, typed: the lint, the revocation, the CRL, one rehearsal and then four at once. */
    public record Findings(
            ValidationReport lint, RevocationOutcome revocation, RevocationList crl, List<RehearsalResult> runs) {}

    public static Findings run(Instant now, int devices) {
        var pki = TestPki.seeded(7); // 1. a test PKI, and a Supplier's Digital Signing certificate
        var supplier = pki.organisationCertificate(RemotePartyRole.SUPPLIER, CertificateUsage.DIGITAL_SIGNATURE);
        var context = ValidationContext.of(SmkiEnvironment.SIM, now)
                .withIssuer(pki.issuingOca().certificate());
        var lint = CertificateValidator.validate(supplier.certificate(), context); // 2. lint it
        var revocations = Revocations.of(pki.certificateRegistry(), RevocationPolicy.defaults(), SettableClock.at(now));
        var revocation = revocations.submit(RevocationRequest.of( // 3. the Supplier's ARO has it revoked
                supplier.serialNumber(), RevocationReason.KEY_COMPROMISE, Requester.aroOf(RemotePartyRole.SUPPLIER)));
        var crl = revocations.publish(pki.issuingOca());
        var plan = ExercisePlan.builtIn("contingency").withDevices(devices);
        var one = Rehearsal.run(plan, 2); // 4. a Root OCA compromise rehearsed in this process, on two threads
        var pool = Executors.newFixedThreadPool(4); // 5. four rehearsals at once, one thread each
        var four = Stream.of(2L, 3L, 4L, 5L).map(s -> supplyAsync(() -> Rehearsal.run(plan.withSeed(s), 1), pool));
        var runs = Stream.concat(Stream.of(one), four.toList().stream().map(CompletableFuture::join));
        pool.shutdown(); // its threads end once the four are done
        LOG.info("lint {}, {}, CRL {}, {}", lint.result(), revocation.verdict(), crl.number(), one.devices()); // 6.
        return new Findings(lint, revocation, crl, runs.toList());
    }
}
