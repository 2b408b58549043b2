package dev.smki.core.revocation;

import dev.smki.core.profile.ProfileKind;
import dev.smki.core.provenance.SourcedRule;
import dev.smki.core.revocation.RevocationStep.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The handling of one revocation request under the request rules, stage by stage (recovery.md §6.2, workflow REVOKE):
 * received (is it held under Section L16, is its reason one for certificates), its requester verified (may they ask,
 * do they act for the Subscriber), decided (is the certificate still revocable), revoked in the registry, and left
 * for the next list. Each step names the rule it applied; the first rule that fails refuses the request, and a
 * refused or held request changes nothing. Not thread-safe: {@link Revocations} calls it under its lock.
 */
final class RequestHandling {

    private final CertificateRegistry registry;
    private final RevocationRules rules;

    RequestHandling(CertificateRegistry registry, RevocationRules rules) {
        this.registry = registry;
        this.rules = rules;
    }

    /**
     * Returns what becomes of {@code request} for {@code target} at {@code now}: held when {@code delayedBy} names the
     * SoLR event whose delay covers the target (the caller keeps the request), else decided under Appendix D §8 and,
     * when every rule passes, carried out in the registry.
     */
    RevocationOutcome handle(
            RevocationRequest request, RegisteredCertificate target, Instant now, Optional<SolrEvent> delayedBy) {
        List<RevocationStep> steps = new ArrayList<>();
        if (delayedBy.isPresent()) {
            SolrEvent event = delayedBy.get();
            steps.add(new RevocationStep(
                    Stage.RECEIVE,
                    SupplierOfLastResort.HELD_THEN_DECIDED,
                    false,
                    target + " belongs to the failed Supplier '" + event.failedSupplier() + "' of SoLR event "
                            + event.id() + ", whose revocations the SMKI PMA delays: Section L16 applies and"
                            + " Appendix D §8 does not; the request is held until the delay ends"));
            return new RevocationOutcome(request, RevocationVerdict.HELD, now, steps, target);
        }
        steps.add(new RevocationStep(
                Stage.RECEIVE,
                SupplierOfLastResort.DISPLACES_SECTION_8,
                true,
                "no SMKI PMA delay covers " + target + ": Appendix D §8 applies"));
        return receive(request, target, now, steps)
                .or(() -> verify(request, target, now, steps))
                .or(() -> decide(request, target, now, steps))
                .orElseGet(() -> revoke(request, target, now, steps));
    }

    /** REV-6: the reason is one for certificates; returns the refusal, or empty when it passes. */
    private Optional<RevocationOutcome> receive(
            RevocationRequest request, RegisteredCertificate target, Instant now, List<RevocationStep> steps) {
        if (!request.reason().appliesToCertificates()) {
            return refused(
                    request,
                    now,
                    steps,
                    target,
                    Stage.RECEIVE,
                    rules.reasons(),
                    "'" + request.reason().slug() + "' is a reason for revoking RA credentials, not certificates");
        }
        steps.add(new RevocationStep(
                Stage.RECEIVE,
                rules.reasons(),
                true,
                request.reason().slug() + " publishes as " + crlReason(target, request.reason())));
        return Optional.empty();
    }

    /** REV-2 to REV-5 and REV-9: who may ask for this kind of certificate, and an ARO for its own Subscriber. */
    private Optional<RevocationOutcome> verify(
            RevocationRequest request, RegisteredCertificate target, Instant now, List<RevocationStep> steps) {
        Requester requester = request.requester();
        SourcedRule who = rules.requestersRule(target.kind());
        if (target.kind() == ProfileKind.ROOT_OCA || target.kind() == ProfileKind.ROOT_DCA) {
            return refused(
                    request,
                    now,
                    steps,
                    target,
                    Stage.VERIFY,
                    who,
                    target + " is a Root certificate: no list revokes it");
        }
        if (target.kind() == ProfileKind.DEVICE && !rules.policy().deviceCertificatesRevocable()) {
            return refused(
                    request,
                    now,
                    steps,
                    target,
                    Stage.VERIFY,
                    who,
                    target + " is a Device Certificate, and Device Certificates are not revoked");
        }
        if (!rules.policy().requesters(target.kind()).contains(requester.kind())) {
            return refused(
                    request,
                    now,
                    steps,
                    target,
                    Stage.VERIFY,
                    who,
                    requester + " (" + requester.kind().description() + ") may not request revocation of "
                            + anOf(target.kind()) + " certificate");
        }
        steps.add(new RevocationStep(
                Stage.VERIFY,
                who,
                true,
                requester + " (" + requester.kind().description() + ") may request revocation of " + anOf(target.kind())
                        + " certificate"));
        boolean aro = requester.kind() == RequesterKind.AUTHORISED_RESPONSIBLE_OFFICER;
        if (aro && !requester.actsFor(target.subscriber())) {
            return refused(
                    request,
                    now,
                    steps,
                    target,
                    Stage.VERIFY,
                    RevocationRules.VERIFIED_REQUESTER,
                    requester.name() + " is an ARO of '" + requester.party().orElseThrow() + "', not of the"
                            + " Subscriber '" + target.subscriber() + "'");
        }
        steps.add(new RevocationStep(
                Stage.VERIFY,
                RevocationRules.VERIFIED_REQUESTER,
                true,
                aro
                        ? requester.name() + " is an ARO of the Subscriber '" + target.subscriber() + "'"
                        : requester.name() + " is verified as "
                                + requester.kind().description()));
        return Optional.empty();
    }

    /** REV-1: a revoked certificate stays revoked. */
    private Optional<RevocationOutcome> decide(
            RevocationRequest request, RegisteredCertificate target, Instant now, List<RevocationStep> steps) {
        if (target.isRevoked()) {
            Revocation earlier = target.revocation().orElseThrow();
            return refused(
                    request,
                    now,
                    steps,
                    target,
                    Stage.DECIDE,
                    RevocationRules.STATUS_ORDER,
                    target + " was already revoked at " + earlier.revokedAt() + " ("
                            + earlier.reason().slug() + "); revocation is final");
        }
        steps.add(new RevocationStep(
                Stage.DECIDE,
                RevocationRules.STATUS_ORDER,
                true,
                "the certificate is " + target.status().slug() + ", so it may move to revoked"));
        return Optional.empty();
    }

    /** Revokes the certificate in the registry; it waits for the next list of its issuer (REV-7). */
    private RevocationOutcome revoke(
            RevocationRequest request, RegisteredCertificate target, Instant now, List<RevocationStep> steps) {
        RegisteredCertificate revoked = registry.revoke(
                target.serial(), new Revocation(now, request.reason(), crlReason(target, request.reason())));
        steps.add(new RevocationStep(
                Stage.REVOKE,
                RevocationRules.STATUS_ORDER,
                true,
                "revoked at " + now + " for " + request.reason().slug() + "; the status stays revoked"));
        steps.add(new RevocationStep(
                Stage.PUBLISH,
                RevocationRules.PUBLICATION,
                true,
                "it goes on the next " + listName(target.kind()) + " and on every later one"));
        return new RevocationOutcome(request, RevocationVerdict.REVOKED, now, steps, revoked);
    }

    private static Optional<RevocationOutcome> refused(
            RevocationRequest request,
            Instant now,
            List<RevocationStep> steps,
            RegisteredCertificate target,
            Stage stage,
            SourcedRule rule,
            String detail) {
        steps.add(new RevocationStep(stage, rule, false, detail));
        return Optional.of(new RevocationOutcome(request, RevocationVerdict.REFUSED, now, steps, target));
    }

    /** REV-6: the policy's code for the reason; a CA's key compromise publishes as cACompromise. */
    private CrlReason crlReason(RegisteredCertificate target, RevocationReason reason) {
        CrlReason code = rules.policy().crlReason(reason);
        return code == CrlReason.KEY_COMPROMISE && target.kind().isCertificateAuthority()
                ? CrlReason.CA_COMPROMISE
                : code;
    }

    private static String listName(ProfileKind kind) {
        return switch (kind) {
            case ORGANISATION -> "Organisation CRL (signed by the Issuing OCA)";
            case ISSUING_OCA -> "ARL (signed by the Root OCA)";
            case DEVICE -> "Device CRL (signed by the Issuing DCA)";
            case ISSUING_DCA -> "DCA ARL (signed by the Root DCA)";
            default -> "list of its issuer";
        };
    }

    private static String anOf(ProfileKind kind) {
        String name = kind.displayName();
        return ("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }
}
