package dev.smki.core.revocation;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.profile.ProfileKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The SMKI Repository, simulated: every certificate the SMKI issued, with its status, looked up by serial
 * number, EUI-64, Remote Party Role, key usage, Subscriber, issuer or status. Statuses only move forward and
 * {@link CertificateStatus#REVOKED} is final (REV-1); a certificate is revoked only through {@link Revocations},
 * which applies the revocation rules.
 *
 * <p>Thread-safe: every method sees and leaves a consistent registry. Entries keep the order they were
 * registered in. {@link #save} and {@link #load} keep it in a text file ({@link RegistryText} describes the
 * format).
 */
public final class CertificateRegistry {

    private final Object lock = new Object();
    private final Map<BigInteger, RegisteredCertificate> entries = new LinkedHashMap<>();

    private CertificateRegistry() {}

    /** {@return an empty registry} */
    public static CertificateRegistry empty() {
        return new CertificateRegistry();
    }

    /**
     * Registers {@code certificate}, issued to {@code subscriber}, as in use and returns its entry.
     *
     * @param certificate the certificate to register
     * @param subscriber whom it was issued to
     * @return its registry entry
     * @throws IllegalArgumentException when another certificate with the same serial number is registered
     * @throws dev.smki.core.certificate.MalformedCertificateException when a part the entry records does not decode
     */
    public RegisteredCertificate register(SmkiCertificate certificate, Subscriber subscriber) {
        return register(certificate, subscriber, CertificateStatus.IN_USE);
    }

    /**
     * Registers {@code certificate}, issued to {@code subscriber}, with {@code status} (not revoked) and returns
     * its entry.
     *
     * @param certificate the certificate to register
     * @param subscriber whom it was issued to
     * @param status its status, not revoked
     * @return its registry entry
     * @throws IllegalArgumentException when {@code status} is REVOKED or another certificate with the same serial
     *     number is registered
     * @throws dev.smki.core.certificate.MalformedCertificateException when a part the entry records does not decode
     */
    public RegisteredCertificate register(
            SmkiCertificate certificate, Subscriber subscriber, CertificateStatus status) {
        return register(RegisteredCertificate.of(certificate, subscriber, status));
    }

    /**
     * Registers {@code entry} as it stands (as read back from a saved registry) and returns it. Registering the
     * same entry again changes nothing.
     *
     * @param entry the entry to register
     * @return the entry
     * @throws IllegalArgumentException when a different entry with the same serial number is registered
     */
    public RegisteredCertificate register(RegisteredCertificate entry) {
        Objects.requireNonNull(entry, "entry");
        synchronized (lock) {
            RegisteredCertificate existing = entries.get(entry.serial());
            if (existing != null && !existing.equals(entry)) {
                throw new IllegalArgumentException(
                        "Serial " + entry.serialHex() + " is already registered as " + existing);
            }
            entries.put(entry.serial(), entry);
            return entry;
        }
    }

    /**
     * {@return the certificate with serial number {@code serial}, if registered}
     *
     * @param serial the serial number
     */
    public Optional<RegisteredCertificate> find(BigInteger serial) {
        Objects.requireNonNull(serial, "serial");
        synchronized (lock) {
            return Optional.ofNullable(entries.get(serial));
        }
    }

    /**
     * {@return the certificate with serial number {@code serial}}
     *
     * @param serial the serial number
     * @throws UnknownCertificateException when no such certificate is registered
     */
    public RegisteredCertificate require(BigInteger serial) {
        return find(serial).orElseThrow(() -> new UnknownCertificateException(serial));
    }

    /** {@return every certificate, in registration order} */
    public List<RegisteredCertificate> all() {
        return select(entry -> true);
    }

    /**
     * {@return the certificates that name {@code eui64}}
     *
     * @param eui64 the EUI-64 to look for
     */
    public List<RegisteredCertificate> byEui64(Eui64 eui64) {
        Objects.requireNonNull(eui64, "eui64");
        return select(entry -> entry.eui64().filter(eui64::equals).isPresent());
    }

    /**
     * {@return the certificates carrying {@code role} in their subject OU}
     *
     * @param role the Remote Party Role to look for
     */
    public List<RegisteredCertificate> byRole(RemotePartyRole role) {
        Objects.requireNonNull(role, "role");
        return select(entry -> entry.role().filter(role::equals).isPresent());
    }

    /**
     * {@return the certificates asserting {@code keyUsage}}
     *
     * @param keyUsage the key usage to look for
     */
    public List<RegisteredCertificate> byKeyUsage(CertificateUsage keyUsage) {
        Objects.requireNonNull(keyUsage, "keyUsage");
        return select(entry -> entry.keyUsage().filter(keyUsage::equals).isPresent());
    }

    /**
     * {@return the certificates issued to {@code subscriber}}
     *
     * @param subscriber the Subscriber to look for
     */
    public List<RegisteredCertificate> bySubscriber(Subscriber subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        return select(entry -> entry.subscriber().equals(subscriber));
    }

    /**
     * {@return the certificates with status {@code status}}
     *
     * @param status the status to look for
     */
    public List<RegisteredCertificate> byStatus(CertificateStatus status) {
        Objects.requireNonNull(status, "status");
        return select(entry -> entry.status() == status);
    }

    /**
     * {@return the certificates of profile {@code kind}}
     *
     * @param kind the certificate profile to look for
     */
    public List<RegisteredCertificate> byKind(ProfileKind kind) {
        Objects.requireNonNull(kind, "kind");
        return select(entry -> entry.kind() == kind);
    }

    /**
     * {@return the certificates whose authorityKeyIdentifier is {@code issuerKeyId}}
     *
     * @param issuerKeyId the issuer's key identifier to look for
     */
    public List<RegisteredCertificate> issuedBy(KeyIdentifier issuerKeyId) {
        Objects.requireNonNull(issuerKeyId, "issuerKeyId");
        return select(entry -> entry.issuerKeyId().filter(issuerKeyId::equals).isPresent());
    }

    /** {@return how many certificates are registered} */
    public int size() {
        synchronized (lock) {
            return entries.size();
        }
    }

    /**
     * Moves the certificate with serial {@code serial} to {@code status} and returns its new entry.
     *
     * @param serial the serial number
     * @param status the status to move to
     * @return its new entry
     * @throws UnknownCertificateException when no such certificate is registered
     * @throws IllegalArgumentException when {@code status} is REVOKED (revocation goes through {@link Revocations},
     *     which applies the rules)
     * @throws IllegalStateException when the move is not forward (REV-1)
     */
    public RegisteredCertificate moveTo(BigInteger serial, CertificateStatus status) {
        Objects.requireNonNull(status, "status");
        if (status == CertificateStatus.REVOKED) {
            throw new IllegalArgumentException("Revocation goes through Revocations, which applies the rules");
        }
        synchronized (lock) {
            RegisteredCertificate entry = require(serial);
            if (!entry.status().mayMoveTo(status)) {
                throw new IllegalStateException(RevocationRules.STATUS_ORDER.id() + ": " + entry + " cannot move to "
                        + status.slug() + "; statuses only move forward and revoked is final");
            }
            return put(entry.withStatus(status));
        }
    }

    /**
     * Moves every certificate that is neither expired nor revoked and whose notAfter is before {@code instant}
     * to EXPIRED, and returns the new entries.
     *
     * @param instant the instant the certificates expire by
     * @return the entries of the certificates moved to expired
     */
    public List<RegisteredCertificate> expire(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        synchronized (lock) {
            List<RegisteredCertificate> moved = new ArrayList<>();
            for (RegisteredCertificate entry : List.copyOf(entries.values())) {
                if (entry.status().mayMoveTo(CertificateStatus.EXPIRED)
                        && entry.notAfter().isBefore(instant)) {
                    moved.add(put(entry.withStatus(CertificateStatus.EXPIRED)));
                }
            }
            return List.copyOf(moved);
        }
    }

    /**
     * Revokes the certificate with serial {@code serial}; only {@link Revocations} calls this, after applying the
     * rules.
     *
     * @throws UnknownCertificateException when no such certificate is registered
     * @throws IllegalStateException when it is already revoked (REV-1)
     */
    RegisteredCertificate revoke(BigInteger serial, Revocation revocation) {
        synchronized (lock) {
            RegisteredCertificate entry = require(serial);
            if (entry.isRevoked()) {
                throw new IllegalStateException(
                        RevocationRules.STATUS_ORDER.id() + ": " + entry + " is already revoked; revocation is final");
            }
            return put(entry.withRevocation(revocation));
        }
    }

    /**
     * Writes the registry to {@code file} (parent directories created) in the format {@link RegistryText}
     * describes, replacing the file atomically where the file system allows.
     *
     * @param file the file to write
     * @throws UncheckedIOException when the file cannot be written
     */
    public void save(Path file) {
        Objects.requireNonNull(file, "file");
        AtomicFiles.write(file, RegistryText.write(all()));
    }

    /**
     * {@return the registry saved in {@code file}}
     *
     * @param file the file to read
     * @throws IllegalArgumentException naming the file and line when it is malformed
     * @throws UncheckedIOException when it cannot be read
     */
    public static CertificateRegistry load(Path file) {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the registry " + file, e);
        }
        CertificateRegistry registry = empty();
        try {
            for (RegisteredCertificate entry : RegistryText.read(text)) {
                registry.register(entry);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        return registry;
    }

    private RegisteredCertificate put(RegisteredCertificate entry) {
        entries.put(entry.serial(), entry);
        return entry;
    }

    private List<RegisteredCertificate> select(Predicate<RegisteredCertificate> filter) {
        synchronized (lock) {
            return entries.values().stream().filter(filter).toList();
        }
    }

    @Override
    public String toString() {
        return "CertificateRegistry[" + size() + " certificates]";
    }
}
