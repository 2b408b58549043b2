package dev.smki.recovery.journal;

import dev.smki.recovery.workflow.Actor;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Outcome;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The program {@link JournalCrashTests} runs in a child JVM and kills: it starts or resumes the FLEET procedure
 * from a journal file and drives it to completion, printing {@code ACK <seq> <step> <item> <outcome>} after each
 * acknowledged attempt and {@code DONE <seq>} at the end.
 *
 * <p>Arguments: the journal file, the number of devices, a seed for batch sizes.
 */
public final class CrashingRun {

    static final Actor DCC = Actor.of("DCC");
    static final Actor PMA = Actor.of("SMKI_PMA");
    static final StepId DECIDE = StepId.of("D3");
    static final StepId PREPARE = StepId.of("R4");
    static final StepId SEND = StepId.of("R6");
    static final StepId REPORT = StepId.of("R7");
    static final StepId VERIFY = StepId.of("R9");
    static final StepId CLOSE = StepId.of("R11");

    static final Procedure<Object> FLEET = Procedure.named("FLEET")
            .pre(DECIDE, "Decision to use the Recovery Private Key", PMA)
            .pre(PREPARE, "Commands prepared", DCC)
            .after(DECIDE)
            .exec(SEND, "Command sent to Device", DCC)
            .after(PREPARE)
            .perItem()
            .exec(REPORT, "Progress reported", DCC)
            .after(SEND)
            .repeatable()
            .post(VERIFY, "Device verified", DCC)
            .after(SEND)
            .perItem()
            .post(CLOSE, "Incident closed", DCC)
            .after(VERIFY, REPORT)
            .build();

    private final ProcedureRun<Object> run;
    private final PrintStream out;

    private CrashingRun(ProcedureRun<Object> run, PrintStream out) {
        this.run = run;
        this.out = out;
    }

    static List<String> devices(int count) {
        return IntStream.range(0, count).mapToObj(i -> "device-" + i).toList();
    }

    public static void main(String[] args) throws IOException {
        Path path = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Random random = new Random(Long.parseLong(args[2]));
        Journal journal = Journal.file(path);
        ProcedureRun<Object> run = Files.exists(path)
                ? ProcedureRun.resume(FLEET, journal, Clock.systemUTC())
                : ProcedureRun.start(FLEET, journal, Clock.systemUTC());
        new CrashingRun(run, System.out).complete(devices(count), random);
        run.close();
    }

    private void complete(List<String> devices, Random random) {
        out.println("RESUMED " + run.state().lastSequence());
        out.flush();
        if (!run.hasCompleted(DECIDE)) {
            once(Attempt.of(DECIDE, DCC)); // refused: the DCC may not decide
            once(Attempt.of(DECIDE, PMA));
        }
        if (!run.hasCompleted(PREPARE)) {
            once(Attempt.of(PREPARE, DCC));
        }
        List<String> unsent =
                devices.stream().filter(d -> !run.state().hasCompleted(SEND, d)).toList();
        for (int at = 0; at < unsent.size(); ) {
            int size = Math.min(1 + random.nextInt(7), unsent.size() - at);
            List<Attempt> batch = new ArrayList<>();
            for (String device : unsent.subList(at, at + size)) {
                batch.add(Attempt.ofItem(SEND, device, DCC, Payload.of("device", device)));
            }
            acknowledge(batch, run.attemptAll(batch));
            at += size;
            if (random.nextInt(4) == 0) {
                once(Attempt.of(REPORT, DCC));
            }
        }
        for (String device : devices) {
            if (!run.state().hasCompleted(VERIFY, device)) {
                once(Attempt.ofItem(VERIFY, device, DCC, Payload.none()));
            }
        }
        once(Attempt.of(REPORT, DCC));
        once(Attempt.of(CLOSE, DCC));
        out.println("DONE " + run.state().lastSequence());
        out.flush();
    }

    private void once(Attempt attempt) {
        acknowledge(List.of(attempt), List.of(run.attempt(attempt)));
    }

    private void acknowledge(List<Attempt> attempts, List<Outcome> outcomes) {
        for (int i = 0; i < attempts.size(); i++) {
            Attempt attempt = attempts.get(i);
            Outcome outcome = outcomes.get(i);
            out.println("ACK " + outcome.sequence() + " " + attempt.step() + " "
                    + attempt.item().orElse("-") + " " + (outcome.isAccepted() ? "ACCEPTED" : "REFUSED"));
        }
        out.flush();
    }
}
