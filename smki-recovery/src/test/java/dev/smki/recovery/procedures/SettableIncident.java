package dev.smki.recovery.procedures;

import dev.smki.core.registration.RangeDeclaration;
import dev.smki.core.revocation.SolrStatus;
import dev.smki.recovery.custody.ActivationProgress;
import dev.smki.recovery.custody.CustodianId;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.incident.IncidentId;
import dev.smki.recovery.incident.PmaDecision;
import dev.smki.recovery.workflow.RunContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An incident state the procedure tests set field by field, to show each guard refusing and then allowing. */
final class SettableIncident implements IncidentState {

    static final IncidentId INCIDENT = IncidentId.of("INC-2026-001");

    PmaDecision decision;
    final Set<CustodyKey> authorised = EnumSet.noneOf(CustodyKey.class);
    final Map<CustodyKey, ActivationProgress> ceremonies = new EnumMap<>(CustodyKey.class);
    final Set<CustodianId> appointed = new HashSet<>();
    final Set<CustodyKey> active = EnumSet.noneOf(CustodyKey.class);
    boolean newRoot;
    boolean newOcaPublished;
    DeviceScope scope = DeviceScope.NONE;
    boolean devicesHoldNewRoot;
    RecoveryKeyDirection.Direction direction;
    final Set<String> csrSchedule = new LinkedHashSet<>();
    final List<RangeDeclaration> declarations = new ArrayList<>();
    SolrStatus solr;

    RunContext context() {
        return RunContext.of(this);
    }

    void quorate(CustodyKey key, boolean quorate) {
        ceremonies.put(key, new ActivationProgress(quorate ? 3 : 2, 3, List.of()));
    }

    @Override
    public IncidentId incident() {
        return INCIDENT;
    }

    @Override
    public Optional<PmaDecision> decision() {
        return Optional.ofNullable(decision);
    }

    @Override
    public boolean isAuthorised(CustodyKey key) {
        return authorised.contains(key);
    }

    @Override
    public Optional<ActivationProgress> ceremony(CustodyKey key) {
        return Optional.ofNullable(ceremonies.get(key));
    }

    @Override
    public boolean isAppointed(CustodianId custodian) {
        return appointed.contains(custodian);
    }

    @Override
    public boolean isActive(CustodyKey key) {
        return active.contains(key);
    }

    @Override
    public boolean hasNewRoot() {
        return newRoot;
    }

    @Override
    public boolean isNewOcaPublished() {
        return newOcaPublished;
    }

    @Override
    public DeviceScope scope() {
        return scope;
    }

    @Override
    public boolean devicesHoldNewRoot() {
        return devicesHoldNewRoot;
    }

    @Override
    public Optional<RecoveryKeyDirection.Direction> recoveryKeyDirection() {
        return Optional.ofNullable(direction);
    }

    @Override
    public Set<String> csrSchedule() {
        return csrSchedule;
    }

    @Override
    public List<RangeDeclaration> organisationInformation() {
        return declarations;
    }

    @Override
    public Optional<SolrStatus> solrEvent() {
        return Optional.ofNullable(solr);
    }
}
