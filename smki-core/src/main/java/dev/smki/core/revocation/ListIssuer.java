package dev.smki.core.revocation;

import dev.smki.core.internal.der.KeyIdentifiers;
import dev.smki.core.internal.der.X509Times;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;

/** Signs the next CRL or ARL of one CA (REV-7, REV-8), with Bouncy Castle's {@link X509v2CRLBuilder}. */
final class ListIssuer {

    private ListIssuer() {}

    /**
     * Returns the list that follows {@code previous}: every entry of {@code previous}, in its order, then each of
     * {@code revoked} not already on it, by revocation date and serial; cRLNumber one more than the previous
     * (or 1); thisUpdate {@code thisUpdate}; nextUpdate {@code interval} later; signed by {@code signer}.
     *
     * @throws IllegalArgumentException when {@code thisUpdate} is before the previous list's thisUpdate
     * @throws IllegalStateException when the signer's private key is not held
     */
    static RevocationList next(
            ListSigner signer,
            Optional<RevocationList> previous,
            List<RegisteredCertificate> revoked,
            Instant thisUpdate,
            Duration interval) {
        Instant now = thisUpdate.truncatedTo(ChronoUnit.SECONDS);
        previous.ifPresent(p -> {
            if (now.isBefore(p.thisUpdate())) {
                throw new IllegalArgumentException("thisUpdate " + now + " is before the previous list's "
                        + p.thisUpdate() + " (CRL #" + p.number() + ")");
            }
        });
        X500Name issuer =
                X500Name.getInstance(signer.parsed().holder().toASN1Structure().getSubject());
        X509v2CRLBuilder builder = new X509v2CRLBuilder(issuer, X509Times.of(now));
        builder.setNextUpdate(X509Times.of(now.plus(interval)));
        previous.ifPresent(p -> builder.addCRL(p.holder()));
        revoked.stream()
                .filter(entry -> previous.map(p -> !p.lists(entry.serial())).orElse(true))
                .sorted(Comparator.comparing((RegisteredCertificate e) ->
                                e.revocation().orElseThrow().revokedAt())
                        .thenComparing(RegisteredCertificate::serial))
                .forEach(entry -> {
                    Revocation r = entry.revocation().orElseThrow();
                    builder.addCRLEntry(
                            entry.serial(),
                            Date.from(r.revokedAt()),
                            r.crlReason().code());
                });
        BigInteger number = previous.map(p -> p.number().add(BigInteger.ONE)).orElse(BigInteger.ONE);
        try {
            builder.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    KeyIdentifiers.authorityKeyIdentifier(
                            ListPublication.keyId(signer.parsed()).toOctets()));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
        } catch (CertIOException e) {
            throw new IllegalStateException("Cannot encode the CRL extensions", e);
        }
        return new RevocationList(builder.build(signer.contentSigner()));
    }
}
