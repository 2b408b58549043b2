package dev.smki.examples.cli;

import dev.smki.recovery.incident.RecoveryProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A progress line on standard error every few seconds, for a long run whose output is not a terminal (a log, a CI
 * job), where a progress bar cannot be drawn: how long it has run and, once Devices are being sent commands, how
 * many are done. A run shorter than the interval prints nothing. Thread-safe: reports come from the fleet
 * executor's working threads.
 *
 * <p>Only the {@code smki} process itself prints them ({@link SmkiCli#main} sets {@value #ENABLED}); runs inside
 * another program, such as a test, do not unless that property is set. {@value #MILLIS} sets the interval.
 */
final class ProgressLines implements Consumer<RecoveryProgress>, AutoCloseable {

    /** The system property that turns progress lines on. */
    static final String ENABLED = "smki.progress.lines";

    /** The system property that sets the interval between lines, in milliseconds (default 5,000). */
    static final String MILLIS = "smki.progress.millis";

    private final PrintWriter err;
    private final String prefix;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer;
    private volatile RecoveryProgress latest;

    private ProgressLines(PrintWriter err, String prefix, Duration interval) {
        this.err = err;
        this.prefix = prefix;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "smki-progress-lines");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        timer.scheduleAtFixedRate(this::print, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Returns progress lines to {@code err}, each starting with {@code prefix}, when they are {@linkplain #ENABLED
     * enabled}; a listener that prints nothing otherwise.
     */
    static Consumer<RecoveryProgress> onStandardError(PrintWriter err, String prefix) {
        if (!Boolean.getBoolean(ENABLED)) {
            return report -> {};
        }
        long millis = Math.max(10, Long.getLong(MILLIS, 5_000));
        return new ProgressLines(err, prefix, Duration.ofMillis(millis));
    }

    @Override
    public void accept(RecoveryProgress report) {
        latest = report;
    }

    private void print() {
        long seconds = Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
        RecoveryProgress report = latest;
        StringBuilder line = new StringBuilder(prefix)
                .append(": running for ")
                .append(seconds)
                .append(" s");
        if (report != null) {
            long done = report.total() - report.pending();
            line.append("; ")
                    .append(report.operation())
                    .append(": ")
                    .append(String.format(Locale.ROOT, "%,d of %,d Devices done", done, report.total()))
                    .append(report.total() == 0 ? "" : " (" + (100 * done / report.total()) + "%)")
                    .append(String.format(
                            Locale.ROOT, ", %,d failed, %,d written off", report.failed(), report.writtenOff()));
        }
        err.println(line);
        err.flush();
    }

    /** Stops the lines. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
