package dev.smki.core.profile;

import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.environment.SmkiEnvironment;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * What a certificate is validated against: the SMKI environment (policy and hwType OIDs), the instant of
 * validation, and any issuer certificates the caller has.
 *
 * <p>The instant is always given: a fixed {@link Instant}, or a {@link Clock} read once at the start of each
 * validation, so that one long-lived context validates each certificate at the time it is validated.
 *
 * <p>Rules that need the issuer (signature, AKI, issuer-name byte copy, validity nesting) are reported as
 * {@link NotChecked} when no certificate among {@link #issuers()} issued the one being validated. In
 * {@linkplain #preIssuance() pre-issuance} mode the certificate is not yet signed, so its signature is not
 * checked either: that is how the test PKI lints a certificate before signing it.
 *
 * <p>A context is immutable and may be shared between threads validating at the same time; its issuers are
 * parsed once and their decoded keys shared by every validation.
 */
public final class ValidationContext {

    private final SmkiEnvironment environment;
    private final Clock clock;
    private final List<X509CertificateHolder> issuers;
    private final boolean preIssuance;
    private final boolean offeredAsTrustAnchor;
    private final List<SmkiCertificate> issuerCertificates;

    private ValidationContext(Builder builder) {
        this.environment = builder.environment;
        this.clock = builder.clock;
        this.issuers = List.copyOf(builder.issuers);
        this.preIssuance = builder.preIssuance;
        this.offeredAsTrustAnchor = builder.offeredAsTrustAnchor;
        this.issuerCertificates = issuers.stream().map(SmkiCertificate::of).toList();
    }

    /**
     * {@return a builder validating in {@code environment} at the fixed instant {@code at}, with no issuers}
     *
     * @param environment the environment whose OIDs certificates must carry
     * @param at the validation instant
     */
    public static Builder builder(SmkiEnvironment environment, Instant at) {
        return new Builder(environment, Clock.fixed(Objects.requireNonNull(at, "at"), ZoneOffset.UTC));
    }

    /**
     * {@return a builder validating in {@code environment} at the instant {@code clock} gives when each validation
     * starts, with no issuers}
     *
     * @param environment the environment whose OIDs certificates must carry
     * @param clock the clock read at the start of each validation
     */
    public static Builder builder(SmkiEnvironment environment, Clock clock) {
        return new Builder(environment, Objects.requireNonNull(clock, "clock"));
    }

    /**
     * {@return a context validating in {@code environment} at {@code at}, with no issuers}
     *
     * @param environment the environment whose OIDs certificates must carry
     * @param at the validation instant
     */
    public static ValidationContext of(SmkiEnvironment environment, Instant at) {
        return builder(environment, at).build();
    }

    /** {@return the environment whose OIDs the certificate must carry} */
    public SmkiEnvironment environment() {
        return environment;
    }

    /** {@return the clock read at the start of each validation; a fixed clock when built with an instant} */
    public Clock clock() {
        return clock;
    }

    /**
     * {@return the instant a validation starting now is made at, at which the certificate must be within its
     * validity period: the fixed instant, or the clock's current instant}
     */
    public Instant at() {
        return clock.instant();
    }

    /** {@return the candidate issuer certificates, in the order given} */
    public List<X509CertificateHolder> issuers() {
        return issuers;
    }

    /** {@return whether the certificate is being linted before it is signed, so its signature is not checked} */
    public boolean preIssuance() {
        return preIssuance;
    }

    /**
     * {@return whether the certificate is offered as a Device trust anchor (in a CS02b/CS02g replacement), so
     * the trust-anchor role/usage advice of CERT-38 applies to it}
     */
    public boolean offeredAsTrustAnchor() {
        return offeredAsTrustAnchor;
    }

    /** Returns the issuers parsed, once per context, so that repeated validations share them. */
    List<SmkiCertificate> issuerCertificates() {
        return issuerCertificates;
    }

    /**
     * {@return a copy of this context with {@code issuer} added to the candidate issuers}
     *
     * @param issuer a certificate that may have issued the ones validated
     */
    public ValidationContext withIssuer(X509CertificateHolder issuer) {
        return toBuilder().issuer(issuer).build();
    }

    /** {@return a builder holding this context's settings} */
    public Builder toBuilder() {
        Builder b = new Builder(environment, clock).issuers(issuers);
        b.preIssuance = preIssuance;
        b.offeredAsTrustAnchor = offeredAsTrustAnchor;
        return b;
    }

    /** Builds a {@link ValidationContext}. */
    public static final class Builder {
        private final SmkiEnvironment environment;
        private Clock clock;
        private final List<X509CertificateHolder> issuers = new ArrayList<>();
        private boolean preIssuance;
        private boolean offeredAsTrustAnchor;

        private Builder(SmkiEnvironment environment, Clock clock) {
            this.environment = Objects.requireNonNull(environment, "environment");
            this.clock = clock;
        }

        /**
         * Validates at the fixed instant {@code at} instead.
         *
         * @param at the validation instant
         * @return this builder
         */
        public Builder at(Instant at) {
            this.clock = Clock.fixed(Objects.requireNonNull(at, "at"), ZoneOffset.UTC);
            return this;
        }

        /**
         * Validates at the instant {@code clock} gives when each validation starts instead.
         *
         * @param clock the clock read at the start of each validation
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Adds a candidate issuer certificate.
         *
         * @param issuer a certificate that may have issued the ones validated
         * @return this builder
         */
        public Builder issuer(X509CertificateHolder issuer) {
            issuers.add(Objects.requireNonNull(issuer, "issuer"));
            return this;
        }

        /**
         * Adds candidate issuer certificates.
         *
         * @param more certificates that may have issued the ones validated
         * @return this builder
         */
        public Builder issuers(Collection<X509CertificateHolder> more) {
            more.forEach(this::issuer);
            return this;
        }

        /**
         * Marks the certificate as not yet signed, the mode of lint-before-sign: its signature is not checked
         * (CERT-12, CERT-17), the validation instant stands for the issuance instant (CERT-42), and validity
         * at that instant (CERT-53) is not checked. Everything else is, the authorityKeyIdentifier against
         * the issuer's subjectKeyIdentifier included.
         *
         * @return this builder
         */
        public Builder preIssuance() {
            return preIssuance(true);
        }

        /**
         * Marks the certificate as offered as a Device trust anchor; see {@link #offeredAsTrustAnchor()}.
         *
         * @return this builder
         */
        public Builder offeredAsTrustAnchor() {
            this.offeredAsTrustAnchor = true;
            return this;
        }

        /**
         * Sets whether the certificate is being linted before it is signed; see {@link #preIssuance()}.
         *
         * @param preIssuance whether the certificate is not yet signed
         * @return this builder
         */
        public Builder preIssuance(boolean preIssuance) {
            this.preIssuance = preIssuance;
            return this;
        }

        /** {@return the context} */
        public ValidationContext build() {
            return new ValidationContext(this);
        }
    }
}
