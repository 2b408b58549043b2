package dev.smki.recovery.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.smki.core.simulation.SimulationSeed;
import dev.smki.recovery.incident.IncidentId;
import dev.smki.recovery.incident.PmaDecision;
import dev.smki.recovery.incident.RecoveryMechanism;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;
import org.quicktheories.core.Gen;

class CustodyProperties implements WithQuickTheories {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final byte[] SECRET =
            "a recovery private key, PKCS#8".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** One custody action: 0-4 present share i, 5-9 cease custodian i, 10 reset, 11 activate. */
    private Gen<List<Integer>> actions() {
        return lists().of(integers().between(0, 11)).ofSizeBetween(1, 25);
    }

    @Test
    void activationSucceedsExactlyWhenMDistinctStillAppointedCustodiansPresentedSinceTheLastReset() {
        qt().withExamples(500)
                .forAll(actions(), integers().between(2, 5), longs().all())
                .checkAssert((actions, m, seed) -> {
                    SecureRandom random = SimulationSeed.of(seed).secureRandom("custody");
                    Custodians custodians = Custodians.empty();
                    for (int i = 0; i < 5; i++) {
                        custodians.appointDirectly(CustodianId.of("KC-" + i), "c" + i, "Party " + i, T0);
                    }
                    SimulatedHsm hsm = SimulatedHsm.create(custodians, Quorum.of(m, 5), random);
                    List<KeyShare> shares = hsm.store(CustodyKey.RECOVERY_PRIVATE_KEY, SECRET);
                    PmaDecision decision =
                            new PmaDecision(IncidentId.of("INC-P"), RecoveryMechanism.RECOVERY_METHOD_2, T0);
                    KeyActivation ceremony = hsm.beginActivation(CustodyKey.RECOVERY_PRIVATE_KEY, decision);

                    Set<Integer> ceased = new LinkedHashSet<>();
                    Set<Integer> presented = new LinkedHashSet<>();
                    for (int action : actions) {
                        if (action < 5) {
                            boolean valid = !ceased.contains(action) && !presented.contains(action);
                            Throwable refused = catchThrowable(() -> ceremony.present(shares.get(action)));
                            assertRefusedByACustodyRuleUnless(valid, refused, "REC-2 share " + action);
                            if (valid) {
                                presented.add(action);
                            }
                        } else if (action < 10) {
                            int who = action - 5;
                            if (ceased.add(who)) {
                                custodians.cease(CustodianId.of("KC-" + who), T0);
                            }
                        } else if (action == 10) {
                            ceremony.reset();
                            presented.clear();
                        } else {
                            long counting = presented.stream()
                                    .filter(p -> !ceased.contains(p))
                                    .count();
                            Throwable refused = catchThrowable(() -> {
                                try (ActivatedKey key = ceremony.activate()) {
                                    assertThat(key.secret()).isEqualTo(SECRET);
                                }
                            });
                            assertRefusedByACustodyRuleUnless(
                                    counting >= m, refused, "REC-2 activation with " + counting + " counted");
                            if (refused == null) {
                                presented.clear();
                            }
                        }
                        long counting = presented.stream()
                                .filter(p -> !ceased.contains(p))
                                .count();
                        assertThat(ceremony.progress().presented()).isEqualTo((int) counting);
                    }
                });
    }

    @Test
    void aKeyIsOnlyEverActivatedUnderADecisionRequiringIt() {
        qt().forAll(arbitrary().enumValues(RecoveryMechanism.class), arbitrary().enumValues(CustodyKey.class))
                .checkAssert((mechanism, key) -> {
                    Custodians custodians = Custodians.empty();
                    for (int i = 0; i < 3; i++) {
                        custodians.appointDirectly(CustodianId.of("KC-" + i), "c" + i, "Party", T0);
                    }
                    SimulatedHsm hsm = SimulatedHsm.create(
                            custodians, Quorum.of(2, 3), SimulationSeed.of(7).secureRandom("custody"));
                    hsm.store(key, SECRET);
                    Throwable refused = catchThrowable(
                            () -> hsm.beginActivation(key, new PmaDecision(IncidentId.of("INC-Q"), mechanism, T0)));
                    assertRefusedByACustodyRuleUnless(
                            mechanism.requires(key), refused, "REC-1 " + key + " under " + mechanism);
                });
    }

    /**
     * Asserts that an action was done when {@code allowed}, and otherwise refused by a custody rule: a {@link
     * CustodyViolationException}, never some other failure passing for a refusal.
     */
    private static void assertRefusedByACustodyRuleUnless(boolean allowed, Throwable refused, String action) {
        if (allowed) {
            assertThat(refused).as(action + " is allowed").isNull();
        } else {
            assertThat(refused)
                    .as(action + " is refused by a custody rule")
                    .isInstanceOf(CustodyViolationException.class);
        }
    }
}
