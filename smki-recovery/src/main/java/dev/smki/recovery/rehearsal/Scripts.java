package dev.smki.recovery.rehearsal;

import static dev.smki.recovery.procedures.Actors.ARO;
import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.KEY_CUSTODIAN;
import static dev.smki.recovery.procedures.Actors.OFGEM;
import static dev.smki.recovery.procedures.Actors.SHARED_RESOURCE_PROVIDER;
import static dev.smki.recovery.procedures.Actors.SMKI_PMA;
import static dev.smki.recovery.procedures.Actors.SUBSCRIBER;

import dev.smki.core.device.Authoriser;
import dev.smki.core.device.CredentialsReplacementMode;
import dev.smki.core.device.TrustAnchorCellId;
import dev.smki.core.device.UpdateSecurityCredentials;
import dev.smki.core.identity.KeyUsage;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.OrganisationCredential;
import dev.smki.core.issuance.SigningKey;
import dev.smki.core.revocation.CertificateRegistry;
import dev.smki.core.revocation.Requester;
import dev.smki.core.revocation.RevocationReason;
import dev.smki.core.revocation.SolrEndCondition;
import dev.smki.core.revocation.SolrEvent;
import dev.smki.recovery.custody.CustodianId;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.custody.KeyUseAuthorisation;
import dev.smki.recovery.fleet.CommandFactory;
import dev.smki.recovery.incident.CompromisedKey;
import dev.smki.recovery.incident.PmaDecision;
import dev.smki.recovery.incident.RecoveryMechanism;
import dev.smki.recovery.procedures.Contingency;
import dev.smki.recovery.procedures.CsrCoordination;
import dev.smki.recovery.procedures.Decide;
import dev.smki.recovery.procedures.Distribute;
import dev.smki.recovery.procedures.IncidentResponses;
import dev.smki.recovery.procedures.Notify;
import dev.smki.recovery.procedures.RecoveryKeyDirection;
import dev.smki.recovery.procedures.RecoveryKeyGuidance;
import dev.smki.recovery.procedures.RecoveryKeyPolicy;
import dev.smki.recovery.procedures.RecoveryKeyUse;
import dev.smki.recovery.procedures.Revoke;
import dev.smki.recovery.procedures.SupplierOfLastResortDelay;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.PayloadSummary;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The script of each scenario: the procedure it runs and the moves, in order, that a clean rehearsal makes. A
 * move whose step the settings leave out is dropped. The effects carry out each step in the simulated world:
 * they issue certificates, run key ceremonies, sign and send device commands, revoke and publish.
 */
final class Scripts {

    private static final Set<CustodyKey> RECOVERY = EnumSet.of(CustodyKey.RECOVERY_PRIVATE_KEY);
    private static final Set<CustodyKey> CONTINGENCY =
            EnumSet.of(CustodyKey.CONTINGENCY_PRIVATE_KEY, CustodyKey.CONTINGENCY_SYMMETRIC_KEY);

    private Scripts() {}

    /** Returns the procedure a rehearsal with {@code parameters} runs. */
    static Procedure procedure(RehearsalParameters parameters) {
        return switch (parameters.scenario()) {
            case CONTINGENCY -> IncidentResponses.rootOcaCompromise(parameters.settings());
            case RECOVERY_KEY ->
                IncidentResponses.organisationKeyCompromise(parameters.settings(), parameters.method());
            case RECOVERY_KEY_REPLACEMENT -> IncidentResponses.recoveryKeyReplacement(parameters.settings());
            case SOLR -> IncidentResponses.supplierOfLastResort(parameters.settings());
            case NOTIFY_ONLY -> IncidentResponses.notification(parameters.settings());
        };
    }

    /** Returns the moves of a rehearsal with {@code parameters} running {@code procedure}. */
    static List<Move> moves(RehearsalParameters parameters, Procedure procedure) {
        List<Move> all = switch (parameters.scenario()) {
            case CONTINGENCY -> contingency(parameters);
            case RECOVERY_KEY -> recoveryKey(parameters);
            case RECOVERY_KEY_REPLACEMENT -> recoveryKeyReplacement(parameters);
            case SOLR -> supplierOfLastResort();
            case NOTIFY_ONLY -> notification(parameters);
        };
        return all.stream().filter(m -> procedure.hasStep(m.step())).toList();
    }

    // ---- Notify and Decide, shared ----

    private static List<Move> notifyAndDecide(
            RehearsalParameters parameters,
            Map<String, Boolean> factors,
            RecoveryMechanism mechanism,
            Function<World, IssuedCertificate> compromised) {
        CompromisedKey kind = parameters.scenario().compromised();
        boolean organisation = kind == CompromisedKey.ORGANISATION_KEY;
        List<Move> moves = new ArrayList<>();
        moves.add(Move.of(Notify.DETECTED, organisation ? SUBSCRIBER : DCC)
                .with(w -> Payload.of("compromised", kind.name()))
                .then(w -> "incident " + w.incident + ": " + kind + " suspected"));
        moves.add(Move.of(Notify.DCC_NOTIFIED, SUBSCRIBER)
                .with(w -> Payload.of(
                        "file",
                        organisation
                                ? "Organisation Compromise Notification File"
                                : "Other Compromise Notification File")));
        moves.add(Move.of(Notify.CONFIRMED, DCC)
                .with(w -> organisation
                        ? new Notify.Confirmation("call-back to a nominated ARO", "ARO of supplier")
                        : new Notify.Confirmation("DCC's own detection", "HSM audit log")));
        moves.add(Move.of(Notify.PMA_NOTIFIED, DCC));
        moves.add(Move.of(Notify.SCOPED, DCC).then(w -> w.scope(compromised.apply(w))));
        moves.add(Move.of(Notify.REVOCATION_REQUESTED, organisation ? SUBSCRIBER : DCC)
                .with(w -> Payload.of(
                        "certificate", compromised.apply(w).serialNumber().toString(16)))
                .then(w -> "revocation of " + compromised.apply(w) + " requested"));
        moves.add(Move.of(Decide.RECEIVED, SMKI_PMA));
        moves.add(Move.of(Decide.GUIDANCE_APPLIED, SMKI_PMA)
                .with(w -> assessment(parameters, factors))
                .then(w -> {
                    RecoveryKeyGuidance.Assessment a = assessment(parameters, factors);
                    RecoveryKeyGuidance guidance = parameters.settings().guidance();
                    return "advice " + guidance.advise(a) + " (weight " + guidance.weigh(a) + ", threshold "
                            + guidance.threshold() + ")";
                }));
        moves.add(Move.of(Decide.DECIDED, SMKI_PMA)
                .with(w -> new Decide.Decision(new PmaDecision(w.incident, mechanism, w.now())))
                .then(w -> {
                    w.decide(new PmaDecision(w.incident, mechanism, w.now()));
                    return "SMKI PMA requires " + mechanism;
                }));
        moves.add(Move.of(Decide.COMMUNICATED, SMKI_PMA));
        return moves;
    }

    private static RecoveryKeyGuidance.Assessment assessment(
            RehearsalParameters parameters, Map<String, Boolean> factors) {
        RecoveryKeyGuidance guidance = parameters.settings().guidance();
        RecoveryKeyGuidance.Assessment.Builder b =
                guidance.assess(parameters.scenario().compromised()).allStepsDone();
        for (RecoveryKeyGuidance.Factor factor : guidance.factors()) {
            b.answer(factor.id(), factors.getOrDefault(factor.id(), false));
        }
        return b.build();
    }

    private static List<Move> attendance(RehearsalParameters parameters, StepId step, Set<CustodyKey> keys) {
        List<Move> moves = new ArrayList<>();
        for (int i = 1; i <= parameters.quorum().m(); i++) {
            CustodianId id = World.custodian(i);
            moves.add(Move.ofItem(step, id.value(), KEY_CUSTODIAN).then(w -> w.attend(id, keys)));
        }
        return moves;
    }

    private static String progress(World w) {
        return "progress " + w.scope();
    }

    // ---- notify-only ----

    private static List<Move> notification(RehearsalParameters parameters) {
        return notifyAndDecide(
                parameters,
                Map.of("F1", true, "F2", false, "F3", false, "F4", false),
                RecoveryMechanism.NONE,
                World::supplierSigningCertificate);
    }

    // ---- contingency ----

    private static List<Move> contingency(RehearsalParameters parameters) {
        List<Move> moves = new ArrayList<>(notifyAndDecide(
                parameters,
                Map.of("F1", true, "F2", true, "F3", true, "F4", true, "F5", true, "F6", true),
                RecoveryMechanism.CONTINGENCY,
                w -> w.pki.rootOca()));
        moves.add(Move.of(Contingency.DECIDED, SMKI_PMA));
        moves.add(Move.of(Contingency.NEW_ROOT, DCC).then(World::newRoot));
        moves.add(Move.of(Contingency.NEW_ISSUING_OCA, DCC).then(w -> "new " + w.newPki.issuingOca()));
        moves.addAll(attendance(parameters, Contingency.CUSTODIAN_ATTENDS, CONTINGENCY));
        moves.add(Move.of(Contingency.KEY_ACTIVATED, DCC).then(w -> w.activate(CONTINGENCY)));
        moves.add(Move.of(Contingency.COMMANDS_SENT, DCC).then(Scripts::sendNewRoot));
        moves.add(Move.of(Contingency.ROOT_REPLACED, DCC)
                .then(w -> "Root replaced: " + w.scope() + "; every reachable Relevant Device holds the new Root: "
                        + w.devicesHoldNewRoot()));
        moves.add(Move.of(Contingency.PROGRESS_REPORTED, DCC).then(Scripts::progress));
        moves.add(Move.of(Contingency.OLD_OCA_REVOKED, DCC).then(w -> {
            String revoked = w.revoke(w.pki.issuingOca(), RevocationReason.KEY_COMPROMISE, Requester.dcc());
            String arl = w.publish(w.pki.rootOca());
            w.retire(w.pki.rootOca());
            return revoked + "; " + arl + "; old Root OCA no longer in use";
        }));
        moves.add(Move.of(CsrCoordination.OCA_PUBLISHED, DCC).then(w -> {
            w.publishNewOca();
            return "new Root OCA and Issuing OCA published in the SMKI Repository";
        }));
        Map<String, OrganisationCredential> eligible = World.eligibleCredentials();
        moves.add(Move.of(CsrCoordination.SCHEDULED, DCC)
                .with(w -> Payload.of("certificates", Integer.toString(eligible.size())))
                .then(w -> {
                    w.schedule(eligible.keySet());
                    return eligible.size() + " Organisation Certificates scheduled for re-issue";
                }));
        for (Map.Entry<String, OrganisationCredential> e : eligible.entrySet()) {
            String stem = e.getKey();
            OrganisationCredential credential = e.getValue();
            RemotePartyRole role = credential.role();
            moves.add(Move.ofItem(CsrCoordination.SUBMITTED, stem, ARO));
            moves.add(Move.ofItem(CsrCoordination.ISSUED, stem, DCC)
                    .with(w -> new CsrCoordination.Request(
                            CertificateRegistry.subscriberOf(role),
                            role,
                            w.pki.parties().of(role)))
                    .then(w -> reissue(w, stem, credential)));
            moves.add(Move.ofItem(CsrCoordination.ACCEPTED, stem, ARO));
        }
        moves.add(Move.of(CsrCoordination.REPORTED, DCC));
        moves.add(Move.of(Contingency.CERTIFICATES_REISSUED, DCC)
                .then(w -> w.reissued().size() + " Organisation Certificates re-issued under the new Issuing OCA"));
        moves.add(Move.of(Distribute.CELLS_CHOSEN, DCC).then(Scripts::cellsToChange));
        moves.add(Move.of(Distribute.MODE_CHOSEN, DCC));
        moves.add(Move.of(Distribute.PATH_INCLUDED, DCC));
        moves.add(Move.of(Distribute.SENT, DCC)
                .then(w -> changedCells(w).isEmpty()
                        ? "no command needed: the Parties kept their key pairs, so no cell changes"
                        : "cells to change: " + changedCells(w)));
        moves.add(Move.of(Contingency.CERTIFICATES_DISTRIBUTED, DCC));
        moves.add(Move.of(Contingency.MATERIAL_IN_CUSTODY, DCC)
                .then(w -> w.deactivate(CONTINGENCY) + "; " + w.reshareContingency(w.newPki)));
        return moves;
    }

    private static String sendNewRoot(World w) {
        UpdateSecurityCredentials body = UpdateSecurityCredentials.builder(
                        CredentialsReplacementMode.ANY_BY_CONTINGENCY)
                .symmetricKey(w.symmetricKey())
                .sequenceNumber(1)
                .replace(TrustAnchorCellId.ROOT, w.newPki.rootOca().parsed())
                .build();
        Authoriser authoriser = w.signer(
                CustodyKey.CONTINGENCY_PRIVATE_KEY,
                w.pki.parties().of(RemotePartyRole.ROOT),
                w.pki.contingency().keyPair().getPublic());
        w.target(w.newPki.rootOca().parsed().subjectKeyIdentifier().orElseThrow(), Contingency.COMMANDS_SENT.value());
        return w.send(Contingency.COMMANDS_SENT.value(), CommandFactory.signing(body, authoriser));
    }

    private static String reissue(World w, String stem, OrganisationCredential credential) {
        IssuedCertificate old = w.pki.organisationCertificate(credential);
        IssuedCertificate renewed = w.newPki
                .newOrganisationCertificate()
                .credential(credential)
                .key(old.keyPair().orElseThrow())
                .issue();
        w.registry.register(renewed, CertificateRegistry.subscriberOf(credential.role()));
        w.reissued.put(stem, renewed);
        return "issued " + renewed;
    }

    private static List<String> changedCells(World w) {
        List<String> changed = new ArrayList<>();
        w.reissued().forEach((stem, renewed) -> {
            IssuedCertificate old = w.pki.organisationCertificate(OrganisationCredential.parse(stem));
            if (!old.parsed()
                    .subjectKeyIdentifier()
                    .orElseThrow()
                    .equals(renewed.parsed().subjectKeyIdentifier().orElseThrow())) {
                changed.add(stem);
            }
        });
        return changed;
    }

    private static String cellsToChange(World w) {
        List<String> changed = changedCells(w);
        return changed.isEmpty()
                ? "no cell needs new data: each re-issued certificate keeps its Party's key"
                : "cells needing new data: " + changed;
    }

    // ---- recovery key, Methods 2 and 3 ----

    private static List<Move> recoveryKey(RehearsalParameters parameters) {
        RecoveryKeyUse.Method method = parameters.method();
        boolean three = method == RecoveryKeyUse.Method.METHOD_3;
        List<Move> moves = new ArrayList<>();
        List<Move> noticed = notifyAndDecide(
                parameters,
                Map.of("F1", true, "F2", true, "F3", true, "F4", false, "F5", true),
                method.mechanism(),
                World::supplierSigningCertificate);
        moves.addAll(noticed.subList(0, 6));
        moves.add(Move.of(Revoke.DECIDED, DCC)
                .then(w -> w.revoke(
                        w.supplierSigningCertificate(),
                        RevocationReason.KEY_COMPROMISE,
                        Requester.aroOf(CertificateRegistry.subscriberOf(RemotePartyRole.SUPPLIER)))));
        moves.add(Move.of(Revoke.PUBLISHED, DCC).then(w -> w.publish(w.pki.issuingOca())));
        moves.addAll(noticed.subList(6, noticed.size()));
        moves.add(Move.of(RecoveryKeyUse.DECIDED, SMKI_PMA));
        moves.addAll(attendance(parameters, RecoveryKeyUse.CUSTODIAN_ATTENDS, RECOVERY));
        if (three) {
            moves.add(Move.of(RecoveryKeyUse.NEW_CERTIFICATES, SUBSCRIBER).then(w -> {
                w.replacement = w.pki.newOrganisationCertificate()
                        .credential(OrganisationCredential.of(RemotePartyRole.SUPPLIER, KeyUsage.DIGITAL_SIGNATURE))
                        .issue();
                w.registry.register(w.replacement, CertificateRegistry.subscriberOf(RemotePartyRole.SUPPLIER));
                return "new " + w.replacement;
            }));
        }
        moves.add(Move.of(RecoveryKeyUse.COMMANDS_BUILT, DCC).then(w -> {
            if (!three) {
                w.replacement = w.pki.organisationCertificate(
                        RemotePartyRole.ACCESS_CONTROL_BROKER, KeyUsage.DIGITAL_SIGNATURE);
            }
            w.command = UpdateSecurityCredentials.builder(
                            CredentialsReplacementMode.ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY)
                    .sequenceNumber(1)
                    .newFloor(World.NEW_FLOOR)
                    .replace(TrustAnchorCellId.SUPPLIER_DS, w.replacement.parsed())
                    .pathCertificate(w.pki.issuingOca().parsed())
                    .build();
            w.target(w.replacement.parsed().subjectKeyIdentifier().orElseThrow(), RecoveryKeyUse.COMMANDS_SENT.value());
            return w.command + ", replacing with " + (three ? "the Subscriber's new" : "the DCC's ACB")
                    + " certificate " + w.replacement;
        }));
        moves.add(Move.of(RecoveryKeyUse.KEY_ACTIVATED, DCC).then(w -> w.activate(RECOVERY)));
        moves.add(Move.of(RecoveryKeyUse.COMMANDS_SENT, DCC).then(w -> {
            Authoriser authoriser = w.signer(
                    CustodyKey.RECOVERY_PRIVATE_KEY,
                    w.pki.parties().of(RemotePartyRole.RECOVERY),
                    w.recoveryCertificate().publicKey());
            UpdateSecurityCredentials body = w.command;
            return w.send(RecoveryKeyUse.COMMANDS_SENT.value(), CommandFactory.signing(body, authoriser));
        }));
        moves.add(Move.of(RecoveryKeyUse.PROGRESS_REPORTED, DCC).then(Scripts::progress));
        if (!three) {
            moves.add(Move.of(RecoveryKeyUse.SUBSCRIBER_CERTIFICATE_PLACED, DCC).then(w -> {
                w.subscriberCertificate = w.pki.newOrganisationCertificate()
                        .credential(OrganisationCredential.of(RemotePartyRole.SUPPLIER, KeyUsage.DIGITAL_SIGNATURE))
                        .issue();
                w.registry.register(
                        w.subscriberCertificate, CertificateRegistry.subscriberOf(RemotePartyRole.SUPPLIER));
                UpdateSecurityCredentials body = UpdateSecurityCredentials.builder(
                                CredentialsReplacementMode.SUPPLIER_BY_SUPPLIER)
                        .sequenceNumber(World.NEW_FLOOR + 1)
                        .replace(TrustAnchorCellId.SUPPLIER_DS, w.subscriberCertificate.parsed())
                        .pathCertificate(w.pki.issuingOca().parsed())
                        .build();
                Authoriser acb = Authoriser.of(w.replacement.parsed(), SigningKey.of(w.replacement));
                w.target(
                        w.subscriberCertificate.parsed().subjectKeyIdentifier().orElseThrow(),
                        RecoveryKeyUse.SUBSCRIBER_CERTIFICATE_PLACED.value());
                return w.send(RecoveryKeyUse.SUBSCRIBER_CERTIFICATE_PLACED.value(), CommandFactory.signing(body, acb));
            }));
        }
        moves.add(Move.of(RecoveryKeyUse.DEVICES_VERIFIED, DCC).then(w -> "verified: " + w.counts()));
        moves.add(Move.of(RecoveryKeyUse.KEY_DEACTIVATED, DCC).then(w -> w.deactivate(RECOVERY)));
        moves.add(Move.of(RecoveryKeyUse.CLOSED, DCC).then(w -> "final report: " + w.counts()));
        return moves;
    }

    // ---- Recovery key replacement ----

    /** The SMKI PMA's authorisation of a key for a Recovery Key Direction (RK2). */
    private record DirectionAuthorisation(String incidentReference, Set<CustodyKey> keys)
            implements KeyUseAuthorisation {

        @Override
        public boolean authorises(CustodyKey key) {
            return keys.contains(key);
        }
    }

    private static List<Move> recoveryKeyReplacement(RehearsalParameters parameters) {
        RecoveryKeyPolicy policy = parameters.settings().recoveryKeyPolicy();
        RecoveryKeyDirection.Direction direction = new RecoveryKeyDirection.Direction(
                policy == RecoveryKeyPolicy.MAY_REUSE
                        ? RecoveryKeyDirection.Outcome.REUSE
                        : RecoveryKeyDirection.Outcome.REPLACE,
                "the Recovery key was used in a recovery");
        RecoveryKeyDirection.AuthorisingKey authorising = RecoveryKeyDirection.AuthorisingKey.RECOVERY_KEY;
        List<Move> moves = new ArrayList<>();
        moves.add(Move.of(RecoveryKeyDirection.DIRECTED, policy == RecoveryKeyPolicy.PMA_DECIDES ? SMKI_PMA : DCC)
                .with(w -> direction)
                .then(w -> {
                    w.direct(direction);
                    return "Recovery Key Direction under " + policy + ": " + direction.outcome();
                }));
        moves.add(Move.of(RecoveryKeyDirection.NEW_RECOVERY_KEY, DCC).then(w -> {
            String scope = w.scope(w.recoveryCertificate());
            w.replacement = w.pki.newOrganisationCertificate()
                    .credential(OrganisationCredential.of(RemotePartyRole.RECOVERY, KeyUsage.DIGITAL_SIGNATURE))
                    .issue();
            w.registry.register(w.replacement, CertificateRegistry.DCC);
            return "new " + w.replacement + "; " + scope;
        }));
        moves.add(Move.of(RecoveryKeyDirection.AUTHORISED, SMKI_PMA)
                .with(w -> new RecoveryKeyDirection.Authorisation(authorising))
                .then(w -> {
                    w.authorise(new DirectionAuthorisation(w.incident.value(), authorising.keys()));
                    return "SMKI PMA authorises " + authorising;
                }));
        moves.addAll(attendance(parameters, RecoveryKeyDirection.CUSTODIAN_ATTENDS, authorising.keys()));
        moves.add(Move.of(RecoveryKeyDirection.KEY_ACTIVATED, DCC).then(w -> w.activate(authorising.keys())));
        moves.add(Move.of(RecoveryKeyDirection.CELLS_REPLACED, DCC).then(w -> {
            UpdateSecurityCredentials body = UpdateSecurityCredentials.builder(
                            CredentialsReplacementMode.ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY)
                    .sequenceNumber(1)
                    .replace(TrustAnchorCellId.RECOVERY, w.replacement.parsed())
                    .pathCertificate(w.pki.issuingOca().parsed())
                    .build();
            Authoriser authoriser = w.signer(
                    CustodyKey.RECOVERY_PRIVATE_KEY,
                    w.pki.parties().of(RemotePartyRole.RECOVERY),
                    w.recoveryCertificate().publicKey());
            w.target(
                    w.replacement.parsed().subjectKeyIdentifier().orElseThrow(),
                    RecoveryKeyDirection.CELLS_REPLACED.value());
            return w.send(RecoveryKeyDirection.CELLS_REPLACED.value(), CommandFactory.signing(body, authoriser));
        }));
        moves.add(Move.of(RecoveryKeyDirection.OLD_KEY_REVOKED, DCC).then(w -> {
            String revoked = w.revoke(w.recoveryCertificate(), RevocationReason.SUPERSEDED, Requester.dcc());
            return revoked + "; " + w.publish(w.pki.issuingOca());
        }));
        moves.add(Move.of(RecoveryKeyDirection.NEW_KEY_IN_CUSTODY, DCC)
                .then(w -> w.deactivate(authorising.keys())
                        + "; "
                        + w.reshare(
                                CustodyKey.RECOVERY_PRIVATE_KEY,
                                w.replacement
                                        .keyPair()
                                        .orElseThrow()
                                        .getPrivate()
                                        .getEncoded())));
        return moves;
    }

    // ---- Supplier of Last Resort ----

    private static List<Move> supplierOfLastResort() {
        String failed = CertificateRegistry.subscriberOf(RemotePartyRole.SUPPLIER);
        List<Move> moves = new ArrayList<>();
        moves.add(Move.of(SupplierOfLastResortDelay.APPOINTED, OFGEM)
                .with(w -> Payload.of(PayloadSummary.of("failedSupplier", failed, "supplierOfLastResort", "solr")))
                .then(w -> {
                    w.solr = SolrEvent.of("SOLR-" + w.incident.value(), failed, "solr", "shared-resource-provider");
                    w.revocations.openSolrEvent(w.solr);
                    return w.scope(w.supplierSigningCertificate()) + "; SoLR event " + w.solr.id() + " opened";
                }));
        moves.add(Move.of(SupplierOfLastResortDelay.REVOCATION_DELAYED, SMKI_PMA)
                .then(w -> w.revocations
                        .delayRevocation(w.solr.id(), Requester.smkiPma())
                        .toString()));
        moves.add(Move.of(SupplierOfLastResortDelay.MPID_TRANSFER_DELAYED, SMKI_PMA)
                .then(w -> w.revocations
                        .delayMpidTransfer(w.solr.id(), Requester.smkiPma())
                        .toString()));
        moves.add(Move.of(SupplierOfLastResortDelay.REVOCATION_REQUESTED, DCC)
                .then(w -> w.revocations
                                .requestFailedSupplierRevocation(w.solr.id())
                                .size()
                        + " revocations of " + failed + "'s certificates requested; "
                        + w.revocations.solrEvent(w.solr.id()).held().size() + " held under Section L16"));
        moves.add(Move.of(SupplierOfLastResortDelay.SAFE_MODE, SHARED_RESOURCE_PROVIDER)
                .then(w -> "prepayment customers of " + failed + " in safe mode"));
        moves.add(Move.of(SupplierOfLastResortDelay.DELAY_ENDED, SMKI_PMA)
                .with(w -> new SupplierOfLastResortDelay.EndCondition(SolrEndCondition.PREPAYMENT_CUSTOMERS_PROTECTED))
                .then(
                        w -> w
                                        .revocations
                                        .endRevocationDelay(
                                                w.solr.id(), SolrEndCondition.PREPAYMENT_CUSTOMERS_PROTECTED)
                                        .stream()
                                        .filter(o -> o.isRevoked())
                                        .count()
                                + " certificates of " + failed + " revoked"));
        moves.add(Move.of(SupplierOfLastResortDelay.PUBLISHED, DCC).then(w -> w.publish(w.pki.issuingOca())));
        moves.add(Move.of(SupplierOfLastResortDelay.MPIDS_TRANSFERRED, DCC)
                .then(w -> w.revocations.agreeMpidTransfer(w.solr.id()).toString()));
        moves.add(Move.of(SupplierOfLastResortDelay.CLOSED, DCC)
                .then(w -> w.revocations.closeSolrEvent(w.solr.id()).open()
                        ? "SoLR event still open"
                        : "SoLR event " + w.solr.id() + " closed"));
        return moves;
    }
}
