package dev.smki.core.profile;

import dev.smki.core.environment.SmkiEnvironment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * What a certificate is validated against: the SMKI environment (policy and hwType OIDs), the instant of
 * validation, and any issuer certificates the caller has.
 *
 * <p>Rules that need the issuer (signature, AKI, issuer-name byte copy, validity nesting) are reported as
 * {@link NotChecked} when no certificate among {@link #issuers()} issued the one being validated. In
 * {@linkplain #preIssuance() pre-issuance} mode the certificate is not yet signed, so its signature is not
 * checked either: that is how the test PKI lints a certificate before signing it.
 *
 * <p>A context is immutable and may be shared between threads validating at the same time.
 */
public final class ValidationContext {

    private final SmkiEnvironment environment;
    private final Instant at;
    private final List<X509CertificateHolder> issuers;
    private final boolean preIssuance;
    private final boolean offeredAsTrustAnchor;
    private final List<CertificateView> issuerViews;

    private ValidationContext(Builder builder) {
        this.environment = builder.environment;
        this.at = builder.at;
        this.issuers = List.copyOf(builder.issuers);
        this.preIssuance = builder.preIssuance;
        this.offeredAsTrustAnchor = builder.offeredAsTrustAnchor;
        this.issuerViews = issuers.stream()
                .map(issuer -> new CertificateView(issuer).primedForSharing())
                .toList();
    }

    /** Returns a builder validating in {@code environment}, at the current instant, with no issuers. */
    public static Builder builder(SmkiEnvironment environment) {
        return new Builder(environment);
    }

    /** Returns a context validating in {@code environment} at {@code at}, with no issuers. */
    public static ValidationContext of(SmkiEnvironment environment, Instant at) {
        return builder(environment).at(at).build();
    }

    /** Returns the environment whose OIDs the certificate must carry. */
    public SmkiEnvironment environment() {
        return environment;
    }

    /** Returns the instant at which the certificate must be within its validity period. */
    public Instant at() {
        return at;
    }

    /** Returns the candidate issuer certificates, in the order given. */
    public List<X509CertificateHolder> issuers() {
        return issuers;
    }

    /** Returns whether the certificate is being linted before it is signed, so its signature is not checked. */
    public boolean preIssuance() {
        return preIssuance;
    }

    /**
     * Returns whether the certificate is offered as a Device trust anchor (in a CS02b/CS02g replacement), so
     * the trust-anchor role/usage advice of CERT-38 applies to it.
     */
    public boolean offeredAsTrustAnchor() {
        return offeredAsTrustAnchor;
    }

    /** Returns the issuers as views, made once per context so repeated validations share them. */
    List<CertificateView> issuerViews() {
        return issuerViews;
    }

    /** Returns a copy of this context with {@code issuer} added to the candidate issuers. */
    public ValidationContext withIssuer(X509CertificateHolder issuer) {
        return toBuilder().issuer(issuer).build();
    }

    /** Returns a builder holding this context's settings. */
    public Builder toBuilder() {
        Builder b = new Builder(environment).at(at).issuers(issuers);
        b.preIssuance = preIssuance;
        b.offeredAsTrustAnchor = offeredAsTrustAnchor;
        return b;
    }

    /** Builds a {@link ValidationContext}. */
    public static final class Builder {
        private final SmkiEnvironment environment;
        private Instant at = Instant.now();
        private final List<X509CertificateHolder> issuers = new ArrayList<>();
        private boolean preIssuance;
        private boolean offeredAsTrustAnchor;

        private Builder(SmkiEnvironment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
        }

        /** Sets the validation instant. */
        public Builder at(Instant at) {
            this.at = Objects.requireNonNull(at, "at");
            return this;
        }

        /** Adds a candidate issuer certificate. */
        public Builder issuer(X509CertificateHolder issuer) {
            issuers.add(Objects.requireNonNull(issuer, "issuer"));
            return this;
        }

        /** Adds candidate issuer certificates. */
        public Builder issuers(Collection<X509CertificateHolder> more) {
            more.forEach(this::issuer);
            return this;
        }

        /**
         * Marks the certificate as not yet signed, the mode of lint-before-sign: its signature is not checked
         * (CERT-12, CERT-17), the validation instant stands for the issuance instant (CERT-42), and validity
         * at that instant (CERT-53) is not checked. Everything else is, the authorityKeyIdentifier against
         * the issuer's subjectKeyIdentifier included.
         */
        public Builder preIssuance() {
            return preIssuance(true);
        }

        /** Marks the certificate as offered as a Device trust anchor; see {@link #offeredAsTrustAnchor()}. */
        public Builder offeredAsTrustAnchor() {
            this.offeredAsTrustAnchor = true;
            return this;
        }

        /** Sets whether the certificate is being linted before it is signed; see {@link #preIssuance()}. */
        public Builder preIssuance(boolean preIssuance) {
            this.preIssuance = preIssuance;
            return this;
        }

        /** Returns the context. */
        public ValidationContext build() {
            return new ValidationContext(this);
        }
    }
}
