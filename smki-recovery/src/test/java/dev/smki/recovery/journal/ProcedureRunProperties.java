package dev.smki.recovery.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.simulation.SettableClock;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Outcome;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.RandomProcedures;
import dev.smki.recovery.workflow.RandomProcedures.Gate;
import dev.smki.recovery.workflow.RandomProcedures.Model;
import dev.smki.recovery.workflow.RandomProcedures.Move;
import dev.smki.recovery.workflow.RandomProcedures.Spec;
import dev.smki.recovery.workflow.Refusal;
import dev.smki.recovery.workflow.Samples;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;
import org.quicktheories.core.stateful.Command;
import org.quicktheories.core.stateful.Parallel;

class ProcedureRunProperties implements WithQuickTheories {

    private static final int THREADS = 4;
    private static ExecutorService threads;

    @BeforeAll
    static void startThreads() {
        threads = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    static void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void acceptsExactlyWhatTheReferenceModelAcceptsAndReplaysToTheSameState() {
        AtomicLong decided = new AtomicLong();
        Map<Refusal.Kind, AtomicLong> refusals = new ConcurrentHashMap<>();
        AtomicLong accepted = new AtomicLong();

        qt().withExamples(2_000).forAll(RandomProcedures.scenarios(10, 40)).checkAssert(scenario -> {
            Spec spec = scenario.spec();
            Procedure<Object> procedure = spec.procedure();
            Gate gate = new Gate();
            SettableClock clock = SettableClock.at(Samples.START);
            Journal journal = Journal.inMemory();
            Model model = new Model(spec);
            List<String> trail = new ArrayList<>();
            try (ProcedureRun<Object> run = ProcedureRun.start(procedure, journal, clock, gate)) {
                for (List<Move> batch : scenario.batches()) {
                    if (batch.get(0).flipGate()) {
                        gate.open = !gate.open;
                    }
                    clock.advance(Duration.ofMinutes(batch.get(0).minutes()));
                    List<Attempt> attempts =
                            batch.stream().map(move -> move.attempt(spec)).toList();
                    List<Outcome> outcomes =
                            attempts.size() == 1 ? List.of(run.attempt(attempts.get(0))) : run.attemptAll(attempts);
                    for (int i = 0; i < batch.size(); i++) {
                        Model.Decision expected = model.apply(batch.get(i), gate.open);
                        Outcome outcome = outcomes.get(i);
                        assertThat(Model.of(outcome))
                                .as("%s after %s (gate %s)", attempts.get(i), trail, gate.open ? "open" : "shut")
                                .isEqualTo(expected);
                        trail.add(attempts.get(i) + " -> " + (outcome.isAccepted() ? "accepted" : expected.kind()));
                        decided.incrementAndGet();
                        if (outcome.isAccepted()) {
                            accepted.incrementAndGet();
                        } else {
                            refusals.computeIfAbsent(expected.kind(), k -> new AtomicLong())
                                    .incrementAndGet();
                        }
                    }
                    assertThat(Model.State.of(run.state(), spec)).isEqualTo(model.state());
                }
                RunState state = run.state();
                List<JournalEntry> entries = run.entries();

                gate.open = !gate.open; // replay must not depend on the context as it is now
                try (ProcedureRun<Object> resumed = ProcedureRun.resume(
                        procedure, Journal.inMemory(journal.contents()), SettableClock.at(Samples.START), gate)) {
                    assertThat(resumed.state()).isEqualTo(state);
                    assertThat(resumed.entries()).isEqualTo(entries);
                }
            }
        });

        // The generator reaches every outcome, so agreement above means something for each.
        assertThat(decided.get()).isGreaterThan(20_000);
        assertThat(accepted.get()).isGreaterThan(1_000);
        Map<Refusal.Kind, Long> counts = new EnumMap<>(Refusal.Kind.class);
        refusals.forEach((kind, n) -> counts.put(kind, n.get()));
        assertThat(counts).containsOnlyKeys(Refusal.Kind.values());
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isGreaterThan(100));
    }

    @Test
    void concurrentAttemptsTakeEffectOneAtATimeInTheOrderOfTheirSequenceNumbers() {
        qt().withExamples(300).forAll(RandomProcedures.scenarios(6, 16)).checkAssert(scenario -> {
            Spec spec = scenario.spec();
            Gate gate = new Gate();
            gate.open = true;
            List<Attempt> attempts =
                    scenario.moves().stream().map(move -> move.attempt(spec)).toList();
            Outcome[] outcomes = new Outcome[attempts.size()];
            try (ProcedureRun<Object> run =
                    ProcedureRun.start(spec.procedure(), Journal.inMemory(), SettableClock.at(Samples.START), gate)) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    workers.add(threads.submit(() -> {
                        go.await();
                        for (int i = thread; i < attempts.size(); i += THREADS) {
                            outcomes[i] = run.attempt(attempts.get(i));
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> worker : workers) {
                    worker.get(30, TimeUnit.SECONDS);
                }

                List<Integer> bySequence = IntStream.range(0, attempts.size())
                        .boxed()
                        .sorted(Comparator.comparingLong(i -> outcomes[i].sequence()))
                        .toList();
                assertThat(bySequence.stream().map(i -> outcomes[i].sequence()).toList())
                        .as("one sequence number per attempt, without gaps")
                        .isEqualTo(LongStream.rangeClosed(1, attempts.size())
                                .boxed()
                                .toList());
                Model model = new Model(spec);
                for (int i : bySequence) {
                    assertThat(Model.of(outcomes[i]))
                            .as("attempt #%d %s", outcomes[i].sequence(), attempts.get(i))
                            .isEqualTo(model.apply(scenario.moves().get(i), true));
                }
                assertThat(Model.State.of(run.state(), spec)).isEqualTo(model.state());
                for (int t = 0; t < THREADS; t++) {
                    long previous = 0;
                    for (int i = t; i < attempts.size(); i += THREADS) {
                        assertThat(outcomes[i].sequence())
                                .as("program order of thread %d", t)
                                .isGreaterThan(previous);
                        previous = outcomes[i].sequence();
                    }
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void concurrentAttemptsEndInAStateSomeSequentialOrderReaches() {
        Parallel parallel = new Parallel(30, TimeUnit.SECONDS);
        qt().withExamples(150).forAll(RandomProcedures.scenarios(6, 6)).checkAssert(scenario -> {
            Spec spec = scenario.spec();
            Procedure<Object> procedure = spec.procedure();
            List<Command<ProcedureRun<Object>, Model>> commands = new ArrayList<>();
            for (Move move : scenario.moves()) {
                commands.add(new Command<>() {
                    @Override
                    public void run(ProcedureRun<Object> run) {
                        run.attempt(move.attempt(spec));
                    }

                    @Override
                    public Model nextState(Model model) {
                        Model next = model.copy();
                        next.apply(move, true);
                        return next;
                    }

                    @Override
                    public String toString() {
                        return move.attempt(spec).toString();
                    }
                });
            }
            parallel.parallelCheck(
                    new Model(spec),
                    commands,
                    initial -> {
                        Gate gate = new Gate();
                        gate.open = true;
                        return ProcedureRun.start(procedure, Journal.inMemory(), SettableClock.at(Samples.START), gate);
                    },
                    run -> Model.from(spec, run.state()),
                    THREADS);
        });
    }
}
