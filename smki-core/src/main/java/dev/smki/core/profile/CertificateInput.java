package dev.smki.core.profile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * One item read from PEM or DER bytes: a certificate, a certificate request, or input that is neither.
 *
 * <p>{@link #parse} accepts DER (one certificate or request) and PEM (any number of {@code CERTIFICATE},
 * {@code X509 CERTIFICATE}, {@code CERTIFICATE REQUEST} and {@code NEW CERTIFICATE REQUEST} blocks, with any
 * text around them; other blocks such as private keys are skipped).
 */
public sealed interface CertificateInput {

    /** {@return where the item was found in its input, such as {@code PEM block 2} or {@code DER}} */
    String where();

    /**
     * A parsed X.509 certificate.
     *
     * @param where where it was found
     * @param holder the certificate
     */
    record Certificate(String where, X509CertificateHolder holder) implements CertificateInput {
        /**
         * Checks the components.
         *
         * @param where where it was found
         * @param holder the certificate
         * @throws NullPointerException when a component is null
         */
        public Certificate {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(holder, "holder");
        }
    }

    /**
     * A parsed PKCS#10 certificate request.
     *
     * @param where where it was found
     * @param csr the request
     */
    record Request(String where, PKCS10CertificationRequest csr) implements CertificateInput {
        /**
         * Checks the components.
         *
         * @param where where it was found
         * @param csr the request
         * @throws NullPointerException when a component is null
         */
        public Request {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(csr, "csr");
        }
    }

    /**
     * Input that is neither a certificate nor a request.
     *
     * @param where where it was found
     * @param problem why it could not be read
     */
    record Unreadable(String where, String problem) implements CertificateInput {
        /**
         * Checks the components.
         *
         * @param where where it was found
         * @param problem why it could not be read
         * @throws NullPointerException when a component is null
         */
        public Unreadable {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(problem, "problem");
        }
    }

    /**
     * {@return the items in {@code pemOrDer}, at least one; never throws on malformed input}
     *
     * @param pemOrDer DER, or PEM text with any number of blocks
     */
    static List<CertificateInput> parse(byte[] pemOrDer) {
        Objects.requireNonNull(pemOrDer, "pemOrDer");
        if (pemOrDer.length == 0) {
            return List.of(new Unreadable("input", "empty input"));
        }
        String text = new String(pemOrDer, StandardCharsets.ISO_8859_1);
        if (!text.contains(PemBlocks.BEGIN)) {
            return List.of(PemBlocks.parseDer("DER", pemOrDer, null));
        }
        return PemBlocks.parse(text);
    }

    /**
     * {@return the certificates in {@code pemOrDer}}
     *
     * @param pemOrDer DER, or PEM text with any number of blocks
     * @throws IllegalArgumentException when an item is not a certificate, or there is none
     */
    static List<X509CertificateHolder> parseCertificates(byte[] pemOrDer) {
        List<X509CertificateHolder> certificates = new ArrayList<>();
        for (CertificateInput item : parse(pemOrDer)) {
            if (item instanceof Certificate c) {
                certificates.add(c.holder());
            } else if (item instanceof Unreadable u) {
                throw new IllegalArgumentException(u.where() + ": " + u.problem());
            } else {
                throw new IllegalArgumentException(item.where() + " is a certificate request, not a certificate");
            }
        }
        return certificates;
    }
}
