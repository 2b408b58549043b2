/**
 * SMKI identities, certificate policies and their validator, a test PKI, revocation, the Organisation
 * Information Form rule and simulated devices.
 */
module dev.smki.core {
    requires transitive org.bouncycastle.provider;
    requires transitive org.bouncycastle.pkix;
    requires transitive org.bouncycastle.util;
    requires org.slf4j;
    requires transitive org.jspecify;

    exports dev.smki.core.identity;
    exports dev.smki.core.provenance;
    exports dev.smki.core.environment;
    exports dev.smki.core.certificate;
    exports dev.smki.core.contingency;
    exports dev.smki.core.profile;
    exports dev.smki.core.registration;
    exports dev.smki.core.issuance;
    exports dev.smki.core.revocation;
    exports dev.smki.core.device;
    exports dev.smki.core.gbcs;
    exports dev.smki.core.simulation;

    // Internal plumbing shared with the recovery module only.
    exports dev.smki.core.internal.crypto to
            dev.smki.recovery;
    exports dev.smki.core.internal.files to
            dev.smki.recovery;
}
