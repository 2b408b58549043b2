package dev.smki.core.revocation;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.certificate.SmkiCertificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lists published over one registry, one line of lists per CA: each list holds every entry of the CA's previous
 * list and every certificate the CA issued that the registry records as revoked (REV-7), with the next cRLNumber
 * (REV-8). Not thread-safe: {@link Revocations} calls it under its lock.
 */
final class ListPublication {

    private static final Logger LOG = LoggerFactory.getLogger(ListPublication.class);

    private final CertificateRegistry registry;
    private final Map<KeyIdentifier, RevocationList> published = new HashMap<>();

    ListPublication(CertificateRegistry registry) {
        this.registry = registry;
    }

    /** Signs and keeps {@code signer}'s next list, dated {@code now}, its nextUpdate {@code interval} later. */
    RevocationList publish(ListSigner signer, Instant now, Duration interval) {
        SmkiCertificate ca = authority(signer);
        KeyIdentifier keyId = keyId(ca);
        List<RegisteredCertificate> revoked = registry.issuedBy(keyId).stream()
                .filter(RegisteredCertificate::isRevoked)
                .filter(entry -> !entry.serial().equals(ca.serialNumber()))
                .toList();
        RevocationList list =
                ListIssuer.next(signer, Optional.ofNullable(published.get(keyId)), revoked, now, interval);
        published.put(keyId, list);
        LOG.debug("Published {}", list);
        return list;
    }

    /** Returns the last list {@code signer} published or was recorded to have published. */
    Optional<RevocationList> last(ListSigner signer) {
        return Optional.ofNullable(published.get(keyId(authority(signer))));
    }

    /**
     * Keeps {@code list}, published earlier by {@code signer}, as its last list; throws IllegalArgumentException when
     * the signer did not sign it, it is older than the list kept, or it names a registered certificate the registry
     * does not record as revoked.
     */
    void record(ListSigner signer, RevocationList list) {
        SmkiCertificate ca = authority(signer);
        if (!list.isSignedBy(ca)) {
            throw new IllegalArgumentException(list + " was not signed by " + ca);
        }
        KeyIdentifier keyId = keyId(ca);
        RevocationList current = published.get(keyId);
        if (current != null && current.number().compareTo(list.number()) > 0) {
            throw new IllegalArgumentException(
                    list + " is older than the recorded CRL #" + current.number() + " (REV-8)");
        }
        for (RevocationList.Entry entry : list.entries()) {
            registry.find(entry.serial()).filter(c -> !c.isRevoked()).ifPresent(c -> {
                throw new IllegalArgumentException(
                        list + " lists " + c + ", which the registry does not record as revoked (REV-1)");
            });
        }
        published.put(keyId, list);
    }

    /** Returns the signer's certificate; throws IllegalArgumentException when it is not a CA certificate. */
    private static SmkiCertificate authority(ListSigner signer) {
        SmkiCertificate ca = signer.parsed();
        if (!ca.kind().isCertificateAuthority()) {
            throw new IllegalArgumentException(ca + " is not a CA certificate and signs no list");
        }
        return ca;
    }

    /** Returns the CA's subjectKeyIdentifier, by which the certificates it issued are found. */
    static KeyIdentifier keyId(SmkiCertificate ca) {
        return ca.subjectKeyIdentifier()
                .orElseThrow(() -> new IllegalArgumentException(
                        ca + " has no subjectKeyIdentifier, so the certificates it issued cannot be found"));
    }
}
