package dev.smki.core.revocation;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.profile.ProfileKind;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A CA's last list derived again from the revocation log ({@link RevocationLog}), for a list file that a crash left
 * behind the log or that was deleted: the log is the record, and each list it published can be made again byte for
 * byte. Used by {@link RevocationDirectory} when it opens a directory.
 */
final class ListReplay {

    private ListReplay() {}

    /**
     * Returns the last list {@code ca} published according to {@code log}, rebuilt from the newest list known whole
     * (the file on disk when the log published it, or a list the log keeps whole) by publishing every later one again
     * as the log records it. Signatures are deterministic (RFC 6979), so each rebuilt list is byte-identical to the
     * one first published; that is checked against the log.
     */
    static RevocationList rebuild(
            RevocationLog log,
            CertificateRegistry registry,
            ListSigner ca,
            ProfileKind kind,
            @Nullable RevocationList onDisk,
            Path listFile,
            Path logFile) {
        List<RevocationLog.Commit> commits = log.commits();
        int start = -1;
        @Nullable RevocationList previous = null;
        for (int i = 0; i < commits.size(); i++) {
            for (RevocationLog.Base base : commits.get(i).bases()) {
                if (base.signer() == kind) {
                    start = i;
                    previous = RevocationList.parse(base.der());
                }
            }
            for (RevocationLog.Published published : commits.get(i).published()) {
                if (published.signer() == kind && onDisk != null && published.is(onDisk)) {
                    start = i;
                    previous = onDisk;
                }
            }
        }
        Set<BigInteger> revoked = new HashSet<>();
        for (int i = 0; i <= start; i++) {
            commits.get(i).revoked().forEach(r -> revoked.add(r.serial()));
        }
        KeyIdentifier keyId = ListPublication.keyId(ca.parsed());
        for (int i = start + 1; i < commits.size(); i++) {
            commits.get(i).revoked().forEach(r -> revoked.add(r.serial()));
            for (RevocationLog.Published published : commits.get(i).published()) {
                if (published.signer() != kind) {
                    continue;
                }
                List<RegisteredCertificate> entries = registry.issuedBy(keyId).stream()
                        .filter(RegisteredCertificate::isRevoked)
                        .filter(c -> revoked.contains(c.serial()))
                        .filter(c -> !c.serial().equals(ca.parsed().serialNumber()))
                        .toList();
                RevocationList list = ListIssuer.next(
                        ca,
                        Optional.ofNullable(previous),
                        entries,
                        published.thisUpdate(),
                        Duration.between(published.thisUpdate(), published.nextUpdate()));
                if (!published.is(list)) {
                    throw new IllegalStateException("Cannot rebuild " + listFile + " (CRL number "
                            + published.number() + ") exactly from " + logFile + ": the list made again"
                            + " differs from the one it records");
                }
                previous = list;
            }
        }
        if (previous == null) {
            throw new IllegalStateException(
                    logFile + " records no list of the " + kind.displayName() + " to rebuild " + listFile + " from");
        }
        return previous;
    }
}
