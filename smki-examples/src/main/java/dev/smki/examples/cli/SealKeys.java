package dev.smki.examples.cli;

import dev.smki.core.internal.crypto.BouncyCastle;
import dev.smki.core.internal.files.DurableFiles;
import dev.smki.core.issuance.CertificateFiles;
import dev.smki.core.issuance.SigningKey;
import dev.smki.recovery.journal.JournalSeals;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
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
    static KeyPair forNewRun(Path option, RunOutputs outputs) {
        KeyPair key;
        if (option != null) {
            key = readPrivate(option, "--seal-key");
        } else {
            String pem = SigningKey.generate(new SecureRandom()).privateKeyPem();
            outputs.create(outputs.sealKey(), pem, DurableFiles.PRIVATE);
            key = privateKey(pem, outputs.sealKey(), "the seal key");
        }
        outputs.create(outputs.sealPublicKey(), publicPem(key.getPublic()), null);
        return key;
    }

    /**
     * Returns the key sealing a resumed run's journal: {@code option} when given, else {@code JOURNAL.seal-key.pem}
     * when it exists; else, for a journal never sealed, a new key as for a new run.
     *
     * @throws UserInputException when the journal is sealed and its key is not at hand, or the key given is not the
     *     one whose public half is beside the journal
     */
    static KeyPair forResume(Path option, RunOutputs outputs) {
        Path beside = outputs.sealKey();
        KeyPair key;
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
            PublicKey sealedWith = readPublic(publicFile, "the seal public key");
            if (!JournalSeals.keyId(sealedWith).equals(JournalSeals.keyId(key.getPublic()))) {
                throw new UserInputException((option != null ? "--seal-key: " + option : beside) + " is not the key"
                        + " whose public half is " + publicFile + "; give the key that sealed " + outputs.journal());
            }
        } else {
            outputs.create(publicFile, publicPem(key.getPublic()), null);
        }
        return key;
    }

    /** Reads a P-256 private key from a PEM file, with its public half. */
    static KeyPair readPrivate(Path file, String what) {
        return privateKey(
                new String(CliFiles.read(file, CliFiles.MAX_SMALL_INPUT), StandardCharsets.US_ASCII), file, what);
    }

    private static KeyPair privateKey(String pem, Path file, String what) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                PrivateKeyInfo info = o instanceof PrivateKeyInfo i
                        ? i
                        : o instanceof PEMKeyPair pair ? pair.getPrivateKeyInfo() : null;
                if (info != null) {
                    SubjectPublicKeyInfo publicInfo = SigningKey.of(info).publicKeyInfo(); // checks P-256
                    KeyFactory factory = KeyFactory.getInstance("EC", BouncyCastle.PROVIDER);
                    return new KeyPair(
                            factory.generatePublic(new X509EncodedKeySpec(publicInfo.getEncoded())),
                            factory.generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded())));
                }
            }
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new UserInputException(
                    what + ": " + file + " is not a readable P-256 private key: " + e.getMessage(), e);
        }
        throw new UserInputException(what + ": " + file + " holds no unencrypted PEM private key");
    }

    /** Reads a public key from a PEM file ({@code PUBLIC KEY}, or a certificate's). */
    static PublicKey readPublic(Path file, String what) {
        String text = new String(CliFiles.read(file, CliFiles.MAX_SMALL_INPUT), StandardCharsets.US_ASCII);
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                SubjectPublicKeyInfo info = o instanceof SubjectPublicKeyInfo i
                        ? i
                        : o instanceof X509CertificateHolder certificate ? certificate.getSubjectPublicKeyInfo() : null;
                if (info != null) {
                    return KeyFactory.getInstance("EC", BouncyCastle.PROVIDER)
                            .generatePublic(new X509EncodedKeySpec(info.getEncoded()));
                }
            }
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new UserInputException(what + ": " + file + " is not a readable EC public key: " + e.getMessage(), e);
        }
        throw new UserInputException(what + ": " + file + " holds no PEM public key");
    }

    private static String publicPem(PublicKey key) {
        return CertificateFiles.toPem("PUBLIC KEY", key.getEncoded());
    }
}
