package dev.smki.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.GarbageCollectionNotificationInfo;
import dev.smki.recovery.journal.Durability;
import dev.smki.recovery.journal.Journal;
import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.rehearsal.ProgressFiles;
import dev.smki.recovery.rehearsal.Rehearsal;
import dev.smki.recovery.rehearsal.RehearsalResult;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * One size of the scale benchmark, run in a JVM of its own by {@link ScaleBenchmark}: a contingency rehearsal of the
 * built-in plan with {@code N} Devices, journalled to a file (forced, as {@code smki rehearse} does) with its Recovery
 * Progress File beside it, measured from inside. Prints one line, {@value #PREFIX} and a JSON object of the figures.
 *
 * <p>Arguments: the number of Devices and a directory to journal in (left empty).
 */
public final class ScaleProbe {

    /** What the line of figures starts with. */
    public static final String PREFIX = "SCALE-PROBE ";

    private ScaleProbe() {}

    /** Runs the rehearsal and prints its figures. */
    public static void main(String[] args) throws IOException {
        int devices = Integer.parseInt(args[0]);
        Path directory = Path.of(args[1]);
        PeakHeap peak = PeakHeap.watch();
        long baseline = liveHeap();
        ExercisePlan plan = ExercisePlan.builtIn("contingency").withDevices(devices);
        Path journal = directory.resolve("scale-" + devices + ".journal");
        AtomicLong live = new AtomicLong(-1);
        AtomicLong measuring = new AtomicLong();
        AtomicLong sendingStart = new AtomicLong();
        AtomicLong sendingEnd = new AtomicLong();
        long start = System.nanoTime();
        RehearsalResult result;
        try (Rehearsal rehearsal =
                Rehearsal.start(plan, Journal.file(journal, Durability.FORCED), ProgressFiles.beside(journal))) {
            rehearsal.onProgress(report -> {
                long now = System.nanoTime();
                if (report.succeeded() == 0 && report.failed() == 0) {
                    sendingStart.compareAndSet(0, now);
                }
                sendingEnd.set(now);
                if (live.get() < 0 && 2 * (report.succeeded() + report.failed()) >= report.total()) {
                    live.set(liveHeap());
                    measuring.addAndGet(System.nanoTime() - now);
                }
            });
            result = rehearsal.finish();
        }
        long wall = System.nanoTime() - start - measuring.get();
        long relevant = result.devices().relevant();
        deleteRun(directory, journal);
        ObjectNode figures = new ObjectMapper().createObjectNode();
        figures.put("devices", devices);
        figures.put("relevant", relevant);
        figures.put("recovered", result.devices().recovered());
        figures.put("writtenOff", result.devices().writtenOff());
        figures.put("complete", result.complete());
        figures.put("wallNanos", wall);
        figures.put("sendingNanos", sendingEnd.get() - sendingStart.get() - measuring.get());
        figures.put("baselineHeapBytes", baseline);
        figures.put("liveHeapBytes", live.get() < 0 ? liveHeap() : live.get());
        figures.put("peakHeapAfterGcBytes", peak.afterGc());
        figures.put("peakHeapCommittedBytes", peak.committed());
        figures.put("peakRssBytes", peakRss());
        System.out.println(PREFIX + figures);
    }

    /** Returns the heap in use just after two full collections: what is alive. */
    static long liveHeap() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Returns this process's peak resident set size ({@code VmHWM}), in bytes; -1 where Linux's /proc is not. */
    static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static void deleteRun(Path directory, Path journal) throws IOException {
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                if (file.getFileName()
                        .toString()
                        .startsWith(journal.getFileName().toString())) {
                    Files.delete(file);
                }
            }
        }
    }

    /** The most heap in use after any collection, and the most committed, since it started watching. */
    private static final class PeakHeap {
        private final AtomicLong afterGc = new AtomicLong();
        private final AtomicLong committed = new AtomicLong();
        private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());

        static PeakHeap watch() {
            PeakHeap peak = new PeakHeap();
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (collector instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(
                            (notification, handback) -> {
                                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                        notification.getType())) {
                                    peak.seen(GarbageCollectionNotificationInfo.from(
                                            (CompositeData) notification.getUserData()));
                                }
                            },
                            null,
                            null);
                }
            }
            return peak;
        }

        private void seen(GarbageCollectionNotificationInfo info) {
            long used = 0;
            long held = 0;
            for (Map.Entry<String, MemoryUsage> pool :
                    info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (heapPools.contains(pool.getKey())) {
                    used += pool.getValue().getUsed();
                    held += pool.getValue().getCommitted();
                }
            }
            afterGc.accumulateAndGet(used, Math::max);
            committed.accumulateAndGet(held, Math::max);
        }

        long afterGc() {
            return afterGc.get();
        }

        long committed() {
            return committed.get();
        }
    }
}
