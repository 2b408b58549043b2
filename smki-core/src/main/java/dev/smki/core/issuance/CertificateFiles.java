package dev.smki.core.issuance;

import dev.smki.core.internal.der.PemText;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Reads and writes certificates, CSRs and private keys as PEM or DER. PEM output always uses {@code \n} line
 * ends and 64-character lines, so files are byte-identical on every platform.
 */
public final class CertificateFiles {

    private CertificateFiles() {}

    /**
     * {@return {@code der} as a PEM block of type {@code type} (such as {@code CERTIFICATE}), ending in a newline}
     *
     * @param type the PEM label, such as {@code CERTIFICATE}
     * @param der the DER to encode
     */
    public static String toPem(String type, byte[] der) {
        return PemText.encode(type, der);
    }

    /**
     * {@return the certificate as a PEM {@code CERTIFICATE} block}
     *
     * @param certificate the certificate
     */
    public static String toPem(X509CertificateHolder certificate) {
        return toPem("CERTIFICATE", encoded(certificate));
    }

    /**
     * {@return the CSR as a PEM {@code CERTIFICATE REQUEST} block}
     *
     * @param csr the request
     */
    public static String toPem(PKCS10CertificationRequest csr) {
        try {
            return toPem("CERTIFICATE REQUEST", csr.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@return the private key as an unencrypted PKCS#8 PEM {@code PRIVATE KEY} block}
     *
     * @param privateKey the PKCS#8 private key
     */
    public static String toPem(PrivateKeyInfo privateKey) {
        try {
            return toPem("PRIVATE KEY", privateKey.getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads every certificate in {@code pemOrDer}: one DER certificate, or any number of PEM
     * {@code CERTIFICATE} blocks (other PEM blocks are skipped).
     *
     * @param pemOrDer DER, or PEM text
     * @return the certificates, in order
     * @throws IllegalArgumentException when the bytes hold no readable certificate
     */
    public static List<X509CertificateHolder> readCertificates(byte[] pemOrDer) {
        Objects.requireNonNull(pemOrDer, "pemOrDer");
        if (pemOrDer.length > 0 && pemOrDer[0] == 0x30) {
            try {
                return List.of(new X509CertificateHolder(Certificate.getInstance(pemOrDer)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Not a DER certificate: " + e.getMessage(), e);
            }
        }
        List<X509CertificateHolder> certificates = new ArrayList<>();
        for (Object o : pemObjects(pemOrDer)) {
            if (o instanceof X509CertificateHolder holder) {
                certificates.add(holder);
            }
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("No certificate found (expected DER or PEM CERTIFICATE blocks)");
        }
        return List.copyOf(certificates);
    }

    /**
     * Reads every certificate in the PEM or DER file {@code file}.
     *
     * @param file the file to read
     * @return the certificates, in order
     * @throws IllegalArgumentException naming the file when it holds no readable certificate
     * @throws UncheckedIOException when the file cannot be read
     */
    public static List<X509CertificateHolder> readCertificates(Path file) {
        try {
            return readCertificates(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the one certificate in {@code file}.
     *
     * @param file the file to read
     * @return the certificate
     * @throws IllegalArgumentException naming the file unless it holds exactly one certificate
     */
    public static X509CertificateHolder readCertificate(Path file) {
        List<X509CertificateHolder> all = readCertificates(file);
        if (all.size() != 1) {
            throw new IllegalArgumentException(file + " holds " + all.size() + " certificates, expected 1");
        }
        return all.get(0);
    }

    /**
     * Reads the PKCS#10 request in {@code pemOrDer} (DER or a PEM {@code CERTIFICATE REQUEST} block).
     *
     * @param pemOrDer DER, or PEM text
     * @return the request
     * @throws IllegalArgumentException when the bytes hold no readable request
     */
    public static PKCS10CertificationRequest readCsr(byte[] pemOrDer) {
        Objects.requireNonNull(pemOrDer, "pemOrDer");
        if (pemOrDer.length > 0 && pemOrDer[0] == 0x30) {
            try {
                return new PKCS10CertificationRequest(pemOrDer);
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("Not a DER certification request: " + e.getMessage(), e);
            }
        }
        for (Object o : pemObjects(pemOrDer)) {
            if (o instanceof PKCS10CertificationRequest csr) {
                return csr;
            }
        }
        throw new IllegalArgumentException("No certification request found");
    }

    /**
     * Reads the private key in the PEM file {@code file}: PKCS#8 ({@code PRIVATE KEY}) or SEC 1
     * ({@code EC PRIVATE KEY}), unencrypted.
     *
     * @param file the file to read
     * @return the private key
     * @throws IllegalArgumentException naming the file when it holds no readable private key
     * @throws UncheckedIOException when the file cannot be read
     */
    public static PrivateKeyInfo readPrivateKey(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        try {
            for (Object o : pemObjects(bytes)) {
                if (o instanceof PrivateKeyInfo info) {
                    return info;
                }
                if (o instanceof PEMKeyPair pair) {
                    return pair.getPrivateKeyInfo();
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(file + ": no unencrypted PEM private key found");
    }

    /** Returns the DER encoding of {@code object}. */
    static byte[] der(org.bouncycastle.asn1.ASN1Encodable object) {
        try {
            return object.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encoded(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> pemObjects(byte[] pem) {
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(new String(pem, StandardCharsets.US_ASCII)))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                objects.add(o);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Unreadable PEM: " + e.getMessage(), e);
        }
        return objects;
    }
}
