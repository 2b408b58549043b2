package dev.smki.examples.cli;

import dev.smki.core.gbcs.GbcsFormatException;
import dev.smki.core.gbcs.HexText;
import dev.smki.core.issuance.TestPki;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/** The files the {@code smki gbcs} commands read: messages, certificates, signer keys and test PKIs. */
final class GbcsFiles {

    /**
     * A certificate or public key as read: its exact DER bytes, its public key, and what to call it.
     *
     * @param der the DER bytes as they are in the file
     * @param publicKey the public key
     * @param description the certificate's subject and serial, or "public key"
     */
    record Signer(byte[] der, SubjectPublicKeyInfo publicKey, String description) {}

    private GbcsFiles() {}

    /**
     * Returns the message in {@code file}, hex text or binary.
     *
     * @throws UserInputException naming the file when it cannot be read or is empty or odd-length hex
     */
    static byte[] message(Path file) {
        try {
            return HexText.read(CliFiles.read(file));
        } catch (GbcsFormatException e) {
            throw new UserInputException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns what {@code reader} makes of the message in {@code file}.
     *
     * @throws UserInputException naming the file, the offset and the field when the message is malformed
     */
    static <T> T parsed(Path file, Function<byte[], T> reader) {
        byte[] bytes = message(file);
        try {
            return reader.apply(bytes);
        } catch (GbcsFormatException e) {
            throw new UserInputException(file + ": malformed at " + e.getMessage(), e);
        }
    }

    /**
     * Returns the one certificate, or public key, in {@code file} (PEM or DER), keeping its exact DER bytes.
     *
     * @throws UserInputException naming {@code option} and the file when it holds neither
     */
    static Signer certificateOrKey(String option, Path file) {
        byte[] bytes = CliFiles.read(file);
        byte[] der = bytes;
        String type = "CERTIFICATE";
        if (bytes.length == 0 || bytes[0] != 0x30) {
            PemObject pem;
            try (PemReader reader = new PemReader(new StringReader(new String(bytes, StandardCharsets.US_ASCII)))) {
                pem = reader.readPemObject();
            } catch (IOException | RuntimeException e) {
                throw new UserInputException(option + " " + file + ": not PEM or DER: " + e.getMessage(), e);
            }
            if (pem == null) {
                throw new UserInputException(option + " " + file + ": no PEM block and not DER");
            }
            der = pem.getContent();
            type = pem.getType();
        }
        try {
            if (type.equals("PUBLIC KEY")) {
                return new Signer(der, SubjectPublicKeyInfo.getInstance(der), "public key " + file.getFileName());
            }
            if (!type.equals("CERTIFICATE")) {
                throw new UserInputException(
                        option + " " + file + ": a PEM " + type + " block; expected CERTIFICATE or PUBLIC KEY");
            }
            X509CertificateHolder holder = new X509CertificateHolder(der);
            String serial = holder.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
            String subject = holder.getSubject().toString();
            return new Signer(
                    der,
                    holder.getSubjectPublicKeyInfo(),
                    subject.isEmpty() ? "the certificate with serial " + serial : subject + " (serial " + serial + ")");
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserInputException u) {
                throw u;
            }
            throw new UserInputException(
                    option + " " + file + ": not a certificate or public key: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the test PKI in {@code dir}.
     *
     * @throws UserInputException naming the problem when the directory holds no readable test PKI
     */
    static TestPki pki(Path dir) {
        try {
            return TestPki.load(dir);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new UserInputException("--pki " + dir + ": " + e.getMessage(), e);
        }
    }
}
