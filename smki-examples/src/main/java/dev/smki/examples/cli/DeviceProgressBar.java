package dev.smki.examples.cli;

import dev.smki.recovery.incident.RecoveryProgress;
import java.io.Console;
import java.io.PrintStream;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * A terminal progress bar per sending of commands to Relevant Devices, driven by the fleet executor's progress
 * reports: it opens at a sending's first report (every Device pending), moves to the Devices done (executed or
 * finally failed) at each report, and closes at the last (none pending). Thread-safe: reports come from the
 * executor's working threads.
 */
final class DeviceProgressBar implements Consumer<RecoveryProgress>, AutoCloseable {

    private final ProgressBarConsumer display;
    private ProgressBar bar;

    DeviceProgressBar(ProgressBarConsumer display) {
        this.display = display;
    }

    /**
     * Returns a progress bar on {@code terminal} when standard output is a terminal, or a listener that shows
     * nothing when it is not (a pipe, a file, a test).
     */
    static Consumer<RecoveryProgress> onTerminal(PrintStream terminal) {
        return isTerminal() ? new DeviceProgressBar(new ConsoleProgressBarConsumer(terminal)) : report -> {};
    }

    /** Returns whether this JVM's standard input and output are a terminal. */
    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // From Java 22 a console may stand for a redirected output; isTerminal() then says which.
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    @Override
    public synchronized void accept(RecoveryProgress report) {
        if (bar == null) {
            if (report.pending() == 0) {
                return;
            }
            bar = new ProgressBarBuilder()
                    .setTaskName(report.operation())
                    .setInitialMax(report.total())
                    .setUnit(" devices", 1)
                    .setConsumer(display)
                    .setUpdateIntervalMillis(250)
                    .build();
        }
        bar.stepTo(report.total() - report.pending());
        bar.setExtraMessage(report.failed() + " failed");
        if (report.pending() == 0) {
            close();
        }
    }

    /** Closes the bar of a sending still open, showing it as it stands. */
    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
