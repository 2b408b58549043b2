package dev.smki.core.revocation;

import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.gbcs.GbcsSigner;
import dev.smki.core.gbcs.KrpSignature;
import dev.smki.core.provenance.SourcedRule;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * What a Supplier of Last Resort revocation delay is for: the DCC's check of a Service Request signed with a failed
 * Supplier's certificate during a SoLR event (SOLR-9, SOLR-10). A request whose signature verifies under a
 * certificate that is not revoked is accepted, and so keeps being accepted while the SMKI PMA delays the revocation;
 * once the certificate is revoked it is refused; once the failed Supplier's MPIDs are transferred to the SoLR it is
 * refused whatever the certificate's status (MP185). Reads the registry and the event through {@link Revocations};
 * changes nothing.
 */
public final class SolrServiceRequests {

    private final Revocations revocations;

    private SolrServiceRequests(Revocations revocations) {
        this.revocations = revocations;
    }

    /**
     * {@return the check reading {@code revocations}' registry and SoLR events}
     *
     * @param revocations the revocation handling whose registry and SoLR events the check reads
     */
    public static SolrServiceRequests of(Revocations revocations) {
        return new SolrServiceRequests(Objects.requireNonNull(revocations, "revocations"));
    }

    /**
     * {@return {@code body} signed with {@code key}, the private key of {@code signer}, as a Service Request the DCC
     * can check (the test PKI's {@code SigningKey.of(certificate)} is such a key)}
     *
     * @param body what is requested, such as a safe-mode setting for a prepayment meter
     * @param signer the certificate whose key signed it
     * @param key the private key of {@code signer}
     */
    public static SignedServiceRequest sign(String body, SmkiCertificate signer, GbcsSigner key) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(key, "key");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new SignedServiceRequest(body, signer, KrpSignature.sign(key, bytes));
    }

    /**
     * Checks {@code request} in SoLR event {@code eventId}: refused when its signature does not verify under its
     * certificate, when the certificate is revoked (SOLR-9), or when the event's MPIDs were transferred (SOLR-10);
     * accepted otherwise.
     *
     * @param eventId the SoLR event
     * @param request the request
     * @return the outcome of the check
     * @throws IllegalArgumentException when no event {@code eventId} was opened
     * @throws UnknownCertificateException when the signer's certificate is not registered
     */
    public ServiceRequestOutcome check(SolrEventId eventId, SignedServiceRequest request) {
        Objects.requireNonNull(request, "request");
        SolrStatus event = revocations.solrEvent(eventId);
        RegisteredCertificate signer =
                revocations.registry().require(request.signer().serialNumber());
        byte[] bytes = request.body().getBytes(StandardCharsets.UTF_8);
        boolean verifies = KrpSignature.verifies(
                KrpSignature.publicKey(
                        SubjectPublicKeyInfo.getInstance(request.signer().subjectPublicKeyInfo())),
                bytes,
                0,
                bytes.length,
                request.signature());
        if (!verifies) {
            return refused(
                    request, SupplierOfLastResort.SERVICE_REQUESTS_DURING_DELAY, "the signature does not verify");
        }
        if (event.mpidTransfer() == SolrStatus.MpidTransfer.TRANSFERRED) {
            return refused(
                    request,
                    SupplierOfLastResort.MPIDS_TRANSFERRED_REFUSE,
                    "the MPIDs of '" + event.event().failedSupplier() + "' now belong to "
                            + event.event().supplierOfLastResort());
        }
        if (signer.isRevoked()) {
            return refused(request, SupplierOfLastResort.SERVICE_REQUESTS_DURING_DELAY, signer + " is revoked");
        }
        String why = event.isDelayInForce()
                ? signer + " is not revoked: the SMKI PMA delays its revocation"
                : signer + " is not revoked";
        return new ServiceRequestOutcome(request, true, SupplierOfLastResort.SERVICE_REQUESTS_DURING_DELAY, why);
    }

    private static ServiceRequestOutcome refused(SignedServiceRequest request, SourcedRule rule, String why) {
        return new ServiceRequestOutcome(request, false, rule, why);
    }

    /**
     * A Service Request as the Shared Resource Provider sends it: its body and the failed Supplier's certificate it
     * is signed with. The private key stays with the signer; only the signature travels.
     *
     * @param body what is requested, such as a safe-mode setting for a prepayment meter
     * @param signer the certificate whose key signed it
     * @param signature the 64-byte signature of the UTF-8 body
     */
    public record SignedServiceRequest(String body, SmkiCertificate signer, byte[] signature) {

        /**
         * Checks the components and keeps a copy of the signature.
         *
         * @param body what is requested, such as a safe-mode setting for a prepayment meter
         * @param signer the certificate whose key signed it
         * @param signature the 64-byte signature of the UTF-8 body
         * @throws NullPointerException when a component is null
         */
        public SignedServiceRequest {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(signer, "signer");
            signature = signature.clone();
        }

        /** {@return a copy of the 64-byte signature of the UTF-8 body} */
        @Override
        public byte[] signature() {
            return signature.clone();
        }

        @Override
        public String toString() {
            return "Service Request '" + body + "' signed with " + signer;
        }
    }

    /**
     * Whether the DCC accepted a Service Request, under which rule and why.
     *
     * @param request the request
     * @param accepted whether it was accepted
     * @param rule the rule that decided
     * @param why one line
     */
    public record ServiceRequestOutcome(SignedServiceRequest request, boolean accepted, SourcedRule rule, String why) {

        /**
         * Checks that every component is given.
         *
         * @param request the request
         * @param accepted whether it was accepted
         * @param rule the rule that decided
         * @param why one line
         * @throws NullPointerException when a component is null
         */
        public ServiceRequestOutcome {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(why, "why");
        }

        /** Returns {@code accepted (SOLR-9): why} or {@code REFUSED (SOLR-10): why}. */
        @Override
        public String toString() {
            return (accepted ? "accepted" : "REFUSED") + " (" + rule.id() + "): " + why;
        }
    }
}
