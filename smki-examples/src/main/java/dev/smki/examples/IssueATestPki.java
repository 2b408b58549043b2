package dev.smki.examples;

import dev.smki.core.contingency.WrappedApexContingencyKey;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.issuance.TestPkiDirectory;
import dev.smki.core.profile.CertificateValidator;
import dev.smki.core.provenance.RuleId;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.util.List;
import org.bouncycastle.asn1.x509.Extension;

/**
 * Issues a deterministic test PKI, a few certificates (one deliberately broken), unwraps the Root OCA's
 * contingency key, and writes the PKI to the directory given as the first argument (default {@code build/pki}).
 */
public final class IssueATestPki {

    private IssueATestPki() {}

    /**
     * Runs the example.
     *
     * @throws KeyStoreException never: the key store is loaded before it is read
     */
    public static void main(String[] args) throws KeyStoreException {
        TestPki pki = TestPki.seeded(7); // the sim environment; same seed, same bytes
        Eui64 meter = Eui64.parse("02-53-4D-4B-49-80-00-00");

        IssuedCertificate supplierDs =
                pki.organisationCertificate(RemotePartyRole.SUPPLIER, CertificateUsage.DIGITAL_SIGNATURE);
        IssuedCertificate meterKa = pki.deviceCertificate(meter, CertificateUsage.KEY_AGREEMENT);
        IssuedCertificate fromCsr = pki.deviceCertificate(pki.deviceCsr(meter, CertificateUsage.DIGITAL_SIGNATURE));

        // A deliberately broken certificate names the rule it breaks; otherwise issuance is refused.
        IssuedCertificate nonRepudiation = pki.newDeviceCertificate()
                .device(meter)
                .breaking(
                        RuleId.of("CERT-43"),
                        draft -> draft.putExtension(
                                Extension.keyUsage,
                                true,
                                new org.bouncycastle.asn1.x509.KeyUsage(
                                        org.bouncycastle.asn1.x509.KeyUsage.digitalSignature
                                                | org.bouncycastle.asn1.x509.KeyUsage.nonRepudiation)))
                .issue();

        for (IssuedCertificate c : List.of(supplierDs, meterKa, fromCsr, nonRepudiation)) {
            System.out.println(c + " -> "
                    + CertificateValidator.validate(c.certificate(), pki.validationContext())
                            .findings());
        }

        // The Root OCA carries the contingency public key wrapped under the Symmetric Key (reconstructed, RFC 5934).
        boolean unwrapped = WrappedApexContingencyKey.unwrap(
                        pki.rootOca().certificate(),
                        pki.environment().contingencyKeyExtension(),
                        pki.contingency().symmetricKey())
                .filter(pki.contingency().publicKeyInfo()::equals)
                .isPresent();
        System.out.println("contingency key unwrapped: " + unwrapped);

        // Every certificate and key of the PKI as a KeyStore (or PKCS#12 bytes), without writing a file.
        KeyStore keyStore = pki.toKeyStore(List.of(meter), "changeit".toCharArray());
        byte[] supplierP12 = supplierDs.toPkcs12("changeit".toCharArray()); // one entry, alias "organisation"
        System.out.println(
                "key store: " + keyStore.size() + " entries; supplier-ds.p12: " + supplierP12.length + " bytes");

        Path dir = Path.of(args.length > 0 ? args[0] : "build/pki");
        TestPkiDirectory.write(pki, dir, List.of(meter), TestPkiDirectory.DEFAULT_PASSWORD.toCharArray());
        TestPki loaded = TestPki.load(dir);
        System.out.println("loaded back: " + loaded.rootOca().equals(pki.rootOca()));
    }
}
