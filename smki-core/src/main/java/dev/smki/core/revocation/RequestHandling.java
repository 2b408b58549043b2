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
        Steps steps = new Steps(request, target, now);
        if (delayedBy.isPresent()) {
            SolrEvent event = delayedBy.get();
            steps.add(
                    Stage.RECEIVE,
                    SupplierOfLastResort.HELD_THEN_DECIDED,
                    false,
                    target + " belongs to the failed Supplier '" + event.failedSupplier() + "' of SoLR event "
                            + event.id() + ", whose revocations the SMKI PMA delays: Section L16 applies and"
                            + " Appendix D §8 does not; the request is held until the delay ends");
            return steps.outcome(RevocationVerdict.HELD, target);
        }
        steps.pass(
                Stage.RECEIVE,
                SupplierOfLastResort.DISPLACES_SECTION_8,
                "no SMKI PMA delay covers " + target + ": Appendix D §8 applies");
        return receive(steps).or(() -> verify(steps)).or(() -> decide(steps)).orElseGet(() -> revoke(steps));
    }

    /** REV-6: the reason is one for certificates; returns the refusal, or empty when it passes. */
    private Optional<RevocationOutcome> receive(Steps steps) {
        RevocationRequest request = steps.request;
        if (!request.reason().appliesToCertificates()) {
            return steps.refuse(
                    Stage.RECEIVE,
                    rules.reasons(),
                    "'" + request.reason().slug() + "' is a reason for revoking RA credentials, not certificates");
        }
        return steps.pass(
                Stage.RECEIVE,
                rules.reasons(),
                request.reason().slug() + " publishes as " + crlReason(steps.target, request.reason()));
    }

    /** REV-2 to REV-5 and REV-9: who may ask for this kind of certificate, and an ARO for its own Subscriber. */
    private Optional<RevocationOutcome> verify(Steps steps) {
        Requester requester = steps.request.requester();
        RegisteredCertificate target = steps.target;
        SourcedRule who = rules.requestersRule(target.kind());
        if (target.kind() == ProfileKind.ROOT_OCA || target.kind() == ProfileKind.ROOT_DCA) {
            return steps.refuse(Stage.VERIFY, who, target + " is a Root certificate: no list revokes it");
        }
        if (target.kind() == ProfileKind.DEVICE && !rules.policy().deviceCertificatesRevocable()) {
            return steps.refuse(
                    Stage.VERIFY, who, target + " is a Device Certificate, and Device Certificates are not revoked");
        }
        String asking = requester + " (" + requester.kind().description() + ")";
        if (!rules.policy().requesters(target.kind()).contains(requester.kind())) {
            return steps.refuse(
                    Stage.VERIFY,
                    who,
                    asking + " may not request revocation of " + anOf(target.kind()) + " certificate");
        }
        steps.pass(Stage.VERIFY, who, asking + " may request revocation of " + anOf(target.kind()) + " certificate");
        boolean aro = requester.kind() == RequesterKind.AUTHORISED_RESPONSIBLE_OFFICER;
        if (aro && !requester.actsFor(target.subscriber())) {
            return steps.refuse(
                    Stage.VERIFY,
                    RevocationRules.VERIFIED_REQUESTER,
                    requester.name() + " is an ARO of '" + requester.party().orElseThrow() + "', not of the"
                            + " Subscriber '" + target.subscriber() + "'");
        }
        return steps.pass(
                Stage.VERIFY,
                RevocationRules.VERIFIED_REQUESTER,
                aro
                        ? requester.name() + " is an ARO of the Subscriber '" + target.subscriber() + "'"
                        : requester.name() + " is verified as "
                                + requester.kind().description());
    }

    /** REV-1: a revoked certificate stays revoked. */
    private Optional<RevocationOutcome> decide(Steps steps) {
        RegisteredCertificate target = steps.target;
        if (target.isRevoked()) {
            Revocation earlier = target.revocation().orElseThrow();
            return steps.refuse(
                    Stage.DECIDE,
                    RevocationRules.STATUS_ORDER,
                    target + " was already revoked at " + earlier.revokedAt() + " ("
                            + earlier.reason().slug() + "); revocation is final");
        }
        return steps.pass(
                Stage.DECIDE,
                RevocationRules.STATUS_ORDER,
                "the certificate is " + target.status().slug() + ", so it may move to revoked");
    }

    /** Revokes the certificate in the registry; it waits for the next list of its issuer (REV-7). */
    private RevocationOutcome revoke(Steps steps) {
        RevocationRequest request = steps.request;
        RegisteredCertificate target = steps.target;
        RegisteredCertificate revoked = registry.revoke(
                target.serial(), new Revocation(steps.now, request.reason(), crlReason(target, request.reason())));
        steps.pass(
                Stage.REVOKE,
                RevocationRules.STATUS_ORDER,
                "revoked at " + steps.now + " for " + request.reason().slug() + "; the status stays revoked");
        steps.pass(
                Stage.PUBLISH,
                RevocationRules.PUBLICATION,
                "it goes on the next " + listName(target.kind()) + " and on every later one");
        return steps.outcome(RevocationVerdict.REVOKED, revoked);
    }

    /** The steps of one request as it is handled: each names the rule it applied and whether it passed. */
    private static final class Steps {
        private final RevocationRequest request;
        private final RegisteredCertificate target;
        private final Instant now;
        private final List<RevocationStep> taken = new ArrayList<>();

        Steps(RevocationRequest request, RegisteredCertificate target, Instant now) {
            this.request = request;
            this.target = target;
            this.now = now;
        }

        void add(Stage stage, SourcedRule rule, boolean passed, String detail) {
            taken.add(new RevocationStep(stage, rule, passed, detail));
        }

        /** Records a rule that passed; returns empty, as a stage that does not refuse. */
        Optional<RevocationOutcome> pass(Stage stage, SourcedRule rule, String detail) {
            add(stage, rule, true, detail);
            return Optional.empty();
        }

        /** Records the rule that refuses the request and returns the refusal. */
        Optional<RevocationOutcome> refuse(Stage stage, SourcedRule rule, String detail) {
            add(stage, rule, false, detail);
            return Optional.of(outcome(RevocationVerdict.REFUSED, target));
        }

        RevocationOutcome outcome(RevocationVerdict verdict, RegisteredCertificate certificate) {
            return new RevocationOutcome(request, verdict, now, taken, certificate);
        }
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
