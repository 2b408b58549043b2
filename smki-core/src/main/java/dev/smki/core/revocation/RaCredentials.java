package dev.smki.core.revocation;

import dev.smki.core.provenance.SourcedRule;
import dev.smki.core.revocation.RevocationStep.Stage;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The credentials of SMKI Registration Authority personnel, the SMKI PMA Members on record, and the revocation
 * of those credentials as two rules: who may request it (REV-10 and REV-12, Appendix D §8.3.3) and the procedure by
 * which
 * the DCC verifies the request and, only where verified, revokes (REV-11, §8.3.4). Thread-safe.
 */
public final class RaCredentials {

    private final RevocationRules rules;
    private final Clock clock;
    private final Object lock = new Object();
    private final Map<String, RaCredential> credentials = new LinkedHashMap<>();
    private final Set<String> pmaMembers = new LinkedHashSet<>();
    private final List<RaRevocationOutcome> history = new ArrayList<>();

    private RaCredentials(RevocationRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * {@return an empty record of RA credentials under {@code policy}, timed by {@code clock}}
     *
     * @param policy the revocation policy
     * @param clock the clock that times revocations
     */
    public static RaCredentials of(RevocationPolicy policy, Clock clock) {
        return new RaCredentials(
                RevocationRules.of(Objects.requireNonNull(policy, "policy")), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Records that {@code holder} holds active credentials in {@code role} and returns them.
     *
     * @param holder who holds the credentials
     * @param role their RA role
     * @return the credentials, active
     * @throws IllegalArgumentException when {@code holder} already holds credentials
     */
    public RaCredential appoint(String holder, RaRole role) {
        RaCredential credential = RaCredential.of(holder, role);
        synchronized (lock) {
            if (credentials.containsKey(holder)) {
                throw new IllegalArgumentException(holder + " already holds RA credentials");
            }
            credentials.put(holder, credential);
            return credential;
        }
    }

    /**
     * Records {@code name} as a current SMKI PMA Member.
     *
     * @param name the member's name
     */
    public void addPmaMember(String name) {
        Objects.requireNonNull(name, "name");
        synchronized (lock) {
            pmaMembers.add(name);
        }
    }

    /**
     * Records that {@code name} is no longer an SMKI PMA Member.
     *
     * @param name the member's name
     */
    public void removePmaMember(String name) {
        Objects.requireNonNull(name, "name");
        synchronized (lock) {
            pmaMembers.remove(name);
        }
    }

    /**
     * {@return {@code holder}'s credentials, if on record}
     *
     * @param holder who holds the credentials
     */
    public Optional<RaCredential> find(String holder) {
        Objects.requireNonNull(holder, "holder");
        synchronized (lock) {
            return Optional.ofNullable(credentials.get(holder));
        }
    }

    /** {@return every outcome so far, oldest first} */
    public List<RaRevocationOutcome> history() {
        synchronized (lock) {
            return List.copyOf(history);
        }
    }

    /**
     * Handles {@code request}: refused unless the requester may ask (REV-12, §8.3.3: any SMKI PMA Member may, REV-10);
     * refused unless the DCC
     * verifies the request against its records (REV-11, §8.3.4); otherwise the credentials are revoked. A refused
     * request changes nothing.
     *
     * @param request the request
     * @return the outcome: the verdict and the steps that led to it
     * @throws IllegalArgumentException when the holder has no credentials on record
     */
    public RaRevocationOutcome submit(RaRevocationRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (lock) {
            RaCredential target = credentials.get(request.holder());
            if (target == null) {
                throw new IllegalArgumentException(request.holder() + " holds no RA credentials on record");
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            List<RevocationStep> steps = new ArrayList<>();
            Requester requester = request.requester();
            RaRevocationOutcome outcome;
            if (!mayRequest(request, target)) {
                outcome = refused(
                        request,
                        now,
                        steps,
                        target,
                        rules.raRequesters(),
                        requester + " (" + requester.kind().description() + ") may not request revocation of "
                                + target.holder() + "'s credentials");
            } else {
                steps.add(new RevocationStep(
                        Stage.VERIFY,
                        requester.kind() == RequesterKind.SMKI_PMA_MEMBER
                                ? RevocationRules.RA_PMA_MEMBER_REQUESTS
                                : rules.raRequesters(),
                        true,
                        requester + " may request revocation of " + target.holder() + "'s credentials"));
                Optional<String> unverified = verify(request, target);
                if (unverified.isPresent()) {
                    outcome = refused(
                            request,
                            now,
                            steps,
                            target,
                            RevocationRules.RA_VERIFY_AND_REVOKE,
                            "not verified: " + unverified.get());
                } else if (target.isRevoked()) {
                    outcome = refused(
                            request,
                            now,
                            steps,
                            target,
                            RevocationRules.STATUS_ORDER,
                            target.holder() + "'s credentials were already revoked at "
                                    + target.revokedAt().get());
                } else {
                    steps.add(new RevocationStep(
                            Stage.VERIFY,
                            RevocationRules.RA_VERIFY_AND_REVOKE,
                            true,
                            "the DCC verified " + requester + " against its records"));
                    RaCredential revoked = target.revoked(now, request.reason());
                    credentials.put(target.holder(), revoked);
                    steps.add(new RevocationStep(
                            Stage.REVOKE,
                            RevocationRules.RA_VERIFY_AND_REVOKE,
                            true,
                            target.holder() + "'s credentials revoked at " + now + " for "
                                    + request.reason().slug()));
                    outcome = new RaRevocationOutcome(request, RevocationVerdict.REVOKED, now, steps, revoked);
                }
            }
            history.add(outcome);
            return outcome;
        }
    }

    /** REV-10 and REV-12 (§8.3.3): may the requester ask at all; any SMKI PMA Member may, whatever the policy. */
    private boolean mayRequest(RaRevocationRequest request, RaCredential target) {
        Requester requester = request.requester();
        return requester.kind() == RequesterKind.SMKI_PMA_MEMBER
                || rules.policy().raRequesters().contains(requester.kind())
                || rules.policy().holderMayRequest() && isHolder(requester, target);
    }

    /** REV-11 (§8.3.4): returns why the DCC's records do not verify the requester, or empty when they do. */
    private Optional<String> verify(RaRevocationRequest request, RaCredential target) {
        Requester requester = request.requester();
        if (isHolder(requester, target) && rules.policy().holderMayRequest()) {
            return Optional.empty();
        }
        return switch (requester.kind()) {
            case DCC, SMKI_PMA -> Optional.empty();
            case SMKI_PMA_MEMBER ->
                pmaMembers.contains(requester.name())
                        ? Optional.empty()
                        : Optional.of(requester.name() + " is not a current SMKI PMA Member");
            case RA_MANAGER ->
                Optional.ofNullable(credentials.get(requester.name()))
                        .filter(c -> c.role() == RaRole.RA_MANAGER && !c.isRevoked())
                        .map(c -> Optional.<String>empty())
                        .orElseGet(
                                () -> Optional.of(requester.name() + " holds no active SMKI RA Manager credentials"));
            default ->
                Optional.of("no record of the DCC verifies " + requester + " ("
                        + requester.kind().description() + ")");
        };
    }

    private static boolean isHolder(Requester requester, RaCredential target) {
        return requester.kind() == target.role().requesterKind()
                && requester.name().equals(target.holder());
    }

    private static RaRevocationOutcome refused(
            RaRevocationRequest request,
            Instant now,
            List<RevocationStep> steps,
            RaCredential target,
            SourcedRule rule,
            String detail) {
        steps.add(new RevocationStep(Stage.VERIFY, rule, false, detail));
        return new RaRevocationOutcome(request, RevocationVerdict.REFUSED, now, steps, target);
    }

    /** {@return the rules applied} */
    public RevocationRules rules() {
        return rules;
    }
}
