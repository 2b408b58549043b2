package dev.smki.core.issuance;

import dev.smki.core.internal.crypto.BouncyCastle;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS12ParametersGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.operator.GenericKey;
import org.bouncycastle.operator.MacCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * Writes a PKCS#12 keystore that {@code keytool} and OpenSSL read: one private-key entry per certificate whose
 * key is held and one trusted-certificate entry per other certificate, named by its alias, keys shrouded with
 * PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC), certificates in the clear, and an HMAC-SHA256 integrity MAC. Every
 * salt and IV comes from the given random source, so a seeded PKI writes the same bytes every time (the JDK's
 * own PKCS12 KeyStore draws its own salts).
 */
final class Pkcs12Keystore {

    static final int ITERATIONS = 2048;

    private static final AlgorithmIdentifier HMAC_SHA256 =
            new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE);

    private Pkcs12Keystore() {}

    /** Returns the DER keystore holding {@code entries} (alias to certificate), protected by {@code password}. */
    static byte[] encode(Map<String, IssuedCertificate> entries, char[] password, SecureRandom random) {
        try {
            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            List<org.bouncycastle.pkcs.PKCS12SafeBag> certificates = new ArrayList<>();
            for (Map.Entry<String, IssuedCertificate> entry : entries.entrySet()) {
                IssuedCertificate certificate = entry.getValue();
                DERBMPString alias = new DERBMPString(entry.getKey());
                DEROctetString localKeyId = new DEROctetString(certificate.subjectKeyIdentifier());
                PKCS12SafeBagBuilder certBag = new PKCS12SafeBagBuilder(certificate.certificate())
                        .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, alias);
                if (!certificate.hasPrivateKey()) {
                    // A certificate alone is a trusted-certificate entry; the JDK's keystore (and keytool) skips
                    // one without this attribute.
                    certBag.addBagAttribute(
                            MiscObjectIdentifiers.id_oracle_pkcs12_trusted_key_usage, KeyPurposeId.anyExtendedKeyUsage);
                } else {
                    certBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
                    pfx.addData(new PKCS12SafeBagBuilder(
                                    certificate.privateKeyInfo().orElseThrow(), encryptor(password, random))
                            .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, alias)
                            .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId)
                            .build());
                }
                certificates.add(certBag.build());
            }
            for (org.bouncycastle.pkcs.PKCS12SafeBag bag : certificates) {
                pfx.addData(bag);
            }
            return pfx.build(new SeededMac(random), password).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PKCSException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot build the PKCS#12 keystore", e);
        }
    }

    private static org.bouncycastle.operator.OutputEncryptor encryptor(char[] password, SecureRandom random)
            throws OperatorCreationException {
        return new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                .setProvider(BouncyCastle.PROVIDER)
                .setRandom(random)
                .setIterationCount(ITERATIONS)
                .setPRF(HMAC_SHA256)
                .build(password);
    }

    /** The PKCS#12 integrity MAC (HMAC-SHA256 keyed per RFC 7292 Appendix B) with a salt from the given random. */
    private static final class SeededMac implements PKCS12MacCalculatorBuilder {
        private static final AlgorithmIdentifier SHA256 =
                new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE);
        private final SecureRandom random;

        SeededMac(SecureRandom random) {
            this.random = random;
        }

        @Override
        public AlgorithmIdentifier getDigestAlgorithmIdentifier() {
            return SHA256;
        }

        @Override
        public MacCalculator build(char[] password) {
            byte[] salt = new byte[32];
            random.nextBytes(salt);
            byte[] passwordBytes = PKCS12ParametersGenerator.PKCS12PasswordToBytes(password);
            PKCS12ParametersGenerator generator = new PKCS12ParametersGenerator(new SHA256Digest());
            generator.init(passwordBytes, salt, ITERATIONS);
            HMac mac = new HMac(new SHA256Digest());
            mac.init((KeyParameter) generator.generateDerivedMacParameters(256));
            AlgorithmIdentifier algorithm =
                    new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, new PKCS12PBEParams(salt, ITERATIONS));
            return new MacCalculator() {
                @Override
                public AlgorithmIdentifier getAlgorithmIdentifier() {
                    return algorithm;
                }

                @Override
                public OutputStream getOutputStream() {
                    return new OutputStream() {
                        @Override
                        public void write(int b) {
                            mac.update((byte) b);
                        }

                        @Override
                        public void write(byte[] b, int off, int len) {
                            mac.update(b, off, len);
                        }
                    };
                }

                @Override
                public byte[] getMac() {
                    byte[] out = new byte[mac.getMacSize()];
                    mac.doFinal(out, 0);
                    return out;
                }

                @Override
                public GenericKey getKey() {
                    return new GenericKey(algorithm, passwordBytes);
                }
            };
        }
    }
}
