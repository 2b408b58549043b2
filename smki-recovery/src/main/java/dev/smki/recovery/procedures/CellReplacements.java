package dev.smki.recovery.procedures;

import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.device.Authoriser;
import dev.smki.core.device.CredentialsReplacementMode;
import dev.smki.core.device.Device;
import dev.smki.core.device.TrustAnchorCellId;
import dev.smki.core.device.UpdateSecurityCredentials;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.recovery.fleet.CommandFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The Update Security Credentials commands of one sending that replaces several cells at once (a multi-cell
 * compromise, such as a Supplier's digital-signature, key-agreement and prepayment top-up key-agreement cells): each
 * Device is sent one command replacing those of the cells it holds, so a Device type without one of them (a PPMID has
 * no top-up cell) is not refused for it. Commands are built once per set of cells held.
 *
 * @param mode the Credentials Replacement Mode
 * @param replacements the new certificate for each cell, in order
 * @param path the certification-path certificates the Devices need to check the new ones
 * @param sequenceNumber the authorising party's sequence number
 * @param newFloor the new floor sequence number for the replaced party, or 0 for none
 */
record CellReplacements(
        CredentialsReplacementMode mode,
        Map<TrustAnchorCellId, IssuedCertificate> replacements,
        List<SmkiCertificate> path,
        long sequenceNumber,
        long newFloor) {

    CellReplacements {
        Objects.requireNonNull(mode, "mode");
        if (replacements.isEmpty()) {
            throw new IllegalArgumentException("A sending replaces at least one cell");
        }
        replacements = Collections.unmodifiableMap(new LinkedHashMap<>(replacements));
        path = List.copyOf(path);
    }

    /** Returns the command replacing every cell, as a Device holding all of them is sent it. */
    UpdateSecurityCredentials full() {
        return command(new ArrayList<>(replacements.keySet()));
    }

    /** Returns a factory signing, with {@code authoriser}, the command for the cells each Device holds. */
    CommandFactory signedBy(Authoriser authoriser) {
        Objects.requireNonNull(authoriser, "authoriser");
        Map<List<TrustAnchorCellId>, UpdateSecurityCredentials> byCells = new ConcurrentHashMap<>();
        return device -> byCells.computeIfAbsent(held(device), this::command).sign(authoriser, device.eui64());
    }

    private List<TrustAnchorCellId> held(Device device) {
        List<TrustAnchorCellId> held = new ArrayList<>();
        for (TrustAnchorCellId cell : replacements.keySet()) {
            if (device.credentials().has(cell)) {
                held.add(cell);
            }
        }
        return held.isEmpty() ? new ArrayList<>(replacements.keySet()) : held;
    }

    private UpdateSecurityCredentials command(List<TrustAnchorCellId> cells) {
        UpdateSecurityCredentials.Builder b =
                UpdateSecurityCredentials.builder(mode).sequenceNumber(sequenceNumber);
        if (newFloor > 0) {
            b.newFloor(newFloor);
        }
        for (TrustAnchorCellId cell : cells) {
            b.replace(cell, replacements.get(cell).parsed());
        }
        path.forEach(b::pathCertificate);
        return b.build();
    }

    /** Returns the cells replaced, such as {@code [SUPPLIER_DS, SUPPLIER_KA]}. */
    String cells() {
        return replacements.keySet().stream()
                .map(TrustAnchorCellId::toString)
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
