package dev.smki.examples.cli;

import dev.smki.core.internal.files.DurableFiles;
import dev.smki.core.issuance.CertificateFiles;
import dev.smki.core.issuance.SigningKey;
import dev.smki.recovery.workflow.JournalSeals;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;

/**
 * The ECDSA P-256 key that seals a rehearsal's journal ({@link JournalSeals}): given with {@code --seal-key}, or
 * generated for a new run and written beside the journal (private half {@code JOURNAL.seal-key.pem}, mode 0600;
 * public half {@code JOURNAL.seal.pub.pem}).
 */
final class SealKeys {

    private SealKeys() {}

    /**
     * Returns the key sealing a new run's journal: read from {@code option} when given, else generated; its public
     * half is written to {@code JOURNAL.seal.pub.pem}, and a generated private half to {@code JOURNAL.seal-key.pem}.
     */
    static SigningKey forNewRun(Path option, RunOutputs outputs) {
        SigningKey key;
        if (option != null) {
            key = readPrivate(option, "--seal-key");
        } else {
            key = SigningKey.generate(new SecureRandom());
            outputs.create(outputs.sealKey(), key.privateKeyPem(), DurableFiles.PRIVATE);
        }
        outputs.create(outputs.sealPublicKey(), publicPem(key.publicKeyInfo()), null);
        return key;
    }

    /**
     * Returns the key sealing a resumed run's journal: {@code option} when given, else {@code JOURNAL.seal-key.pem}
     * when it exists; else, for a journal never sealed, a new key as for a new run.
     *
     * @throws UserInputException when the journal is sealed and its key is not at hand, or the key given is not the
     *     one whose public half is beside the journal
     */
    static SigningKey forResume(Path option, RunOutputs outputs) {
        Path beside = outputs.sealKey();
        SigningKey key;
        if (option != null) {
            key = readPrivate(option, "--seal-key");
        } else if (Files.exists(beside)) {
            key = readPrivate(beside, "the seal key");
        } else if (Files.exists(outputs.seals()) || Files.exists(outputs.sealPublicKey())) {
            throw new UserInputException(outputs.journal() + " is sealed (" + outputs.seals() + "); give the private"
                    + " key that seals it with --seal-key (it was generated as " + beside + ")");
        } else {
            return forNewRun(null, outputs);
        }
        Path publicFile = outputs.sealPublicKey();
        if (Files.exists(publicFile)) {
            SubjectPublicKeyInfo sealedWith = readPublic(publicFile, "the seal public key");
            if (!sealedWith.equals(key.publicKeyInfo())) {
                throw new UserInputException((option != null ? "--seal-key: " + option : beside) + " is not the key"
                        + " whose public half is " + publicFile + "; give the key that sealed " + outputs.journal());
            }
        } else {
            outputs.create(publicFile, publicPem(key.publicKeyInfo()), null);
        }
        return key;
    }

    /** Reads a P-256 private key from a PEM file. */
    static SigningKey readPrivate(Path file, String what) {
        String text = new String(CliFiles.read(file, CliFiles.MAX_SMALL_INPUT), StandardCharsets.US_ASCII);
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PrivateKeyInfo info) {
                    return SigningKey.of(info);
                }
                if (o instanceof PEMKeyPair pair) {
                    return SigningKey.of(pair.getPrivateKeyInfo());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new UserInputException(
                    what + ": " + file + " is not a readable P-256 private key: " + e.getMessage(), e);
        }
        throw new UserInputException(what + ": " + file + " holds no unencrypted PEM private key");
    }

    /** Reads a public key from a PEM file ({@code PUBLIC KEY}, or a certificate's). */
    static SubjectPublicKeyInfo readPublic(Path file, String what) {
        String text = new String(CliFiles.read(file, CliFiles.MAX_SMALL_INPUT), StandardCharsets.US_ASCII);
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof SubjectPublicKeyInfo info) {
                    return info;
                }
                if (o instanceof org.bouncycastle.cert.X509CertificateHolder certificate) {
                    return certificate.getSubjectPublicKeyInfo();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new UserInputException(what + ": " + file + " is not a readable public key: " + e.getMessage(), e);
        }
        throw new UserInputException(what + ": " + file + " holds no PEM public key");
    }

    private static String publicPem(SubjectPublicKeyInfo info) {
        try {
            return CertificateFiles.toPem("PUBLIC KEY", info.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode a public key", e);
        }
    }
}
