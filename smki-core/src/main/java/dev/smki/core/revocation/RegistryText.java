package dev.smki.core.revocation;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.profile.ProfileKind;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The registry's text file: UTF-8, one certificate per line, twelve tab-separated fields, {@code -} for an
 * absent value; lines starting with {@code #} are comments. The fields, in order:
 *
 * <pre>
 * serial      upper-case hex                          0A1B2C3D4E5F6071
 * kind        profile slug                            organisation, device, issuing-oca, root-oca, ...
 * status      status slug                             pending, in-use, not-in-use, expired, revoked
 * subscriber  Party name                              supplier, DCC
 * eui64       EUI-64 or -                             02-53-4D-4B-49-02-00-01
 * role        Remote Party Role slug or -             supplier
 * keyUsage    ds, ka or -                             ds
 * issuerKeyId authorityKeyIdentifier, upper-case hex  4A1F0C2B9D3E5A77
 * notAfter    ISO-8601 instant                        2036-01-01T00:00:00Z
 * revokedAt   ISO-8601 instant or -                   2026-01-02T00:00:00Z
 * reason      revocation reason slug or -             key-compromise
 * crlReason   RFC 5280 name or -                      keyCompromise
 * </pre>
 */
final class RegistryText {

    static final String HEADER = "# smki-sim certificate registry (the simulated SMKI Repository), format 1\n"
            + "# serial\tkind\tstatus\tsubscriber\teui64\trole\tkeyUsage\tissuerKeyId\tnotAfter\trevokedAt\treason"
            + "\tcrlReason\n";

    private static final String ABSENT = "-";
    private static final int FIELDS = 12;

    private RegistryText() {}

    static String write(List<RegisteredCertificate> entries) {
        StringBuilder out = new StringBuilder(HEADER);
        for (RegisteredCertificate e : entries) {
            Optional<Revocation> r = e.revocation();
            List<String> fields = List.of(
                    e.serialHex(),
                    e.kind().slug(),
                    e.status().slug(),
                    e.subscriber().name(),
                    e.eui64().map(Eui64::toString).orElse(ABSENT),
                    e.role().map(RemotePartyRole::slug).orElse(ABSENT),
                    e.keyUsage().map(CertificateUsage::abbreviation).orElse(ABSENT),
                    e.issuerKeyId().map(KeyIdentifier::toString).orElse(ABSENT),
                    e.notAfter().toString(),
                    r.map(x -> x.revokedAt().toString()).orElse(ABSENT),
                    r.map(x -> x.reason().slug()).orElse(ABSENT),
                    r.map(x -> x.crlReason().rfcName()).orElse(ABSENT));
            out.append(String.join("\t", fields)).append('\n');
        }
        return out.toString();
    }

    /**
     * Reads every entry.
     *
     * @throws IllegalArgumentException naming the line when one is malformed
     */
    static List<RegisteredCertificate> read(String text) {
        List<RegisteredCertificate> entries = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                entries.add(entry(line.split("\t", -1)));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(entries);
    }

    private static RegisteredCertificate entry(String[] f) {
        if (f.length != FIELDS) {
            throw new IllegalArgumentException("expected " + FIELDS + " tab-separated fields, got " + f.length);
        }
        BigInteger serial;
        try {
            serial = new BigInteger(f[0], 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a hex serial number: '" + f[0] + "'");
        }
        CertificateStatus status = CertificateStatus.parse(f[2]);
        Optional<Instant> revokedAt = optional(f[9], Instant::parse);
        Optional<Revocation> revocation = revokedAt.map(at -> new Revocation(
                at,
                optional(f[10], RevocationReason::parse)
                        .orElseThrow(() -> new IllegalArgumentException("a revocation without a reason")),
                optional(f[11], CrlReason::parse)
                        .orElseThrow(() -> new IllegalArgumentException("a revocation without a CRL reason"))));
        return new RegisteredCertificate(
                serial,
                ProfileKind.parse(f[1]),
                Subscriber.of(f[3]),
                optional(f[4], Eui64::parse),
                optional(f[5], RemotePartyRole::parse),
                optional(f[6], CertificateUsage::parse),
                optional(f[7], KeyIdentifier::parse),
                Instant.parse(f[8]),
                status,
                revocation);
    }

    private static <T> Optional<T> optional(String field, Function<String, T> parse) {
        return field.equals(ABSENT) ? Optional.empty() : Optional.of(parse.apply(field));
    }
}
