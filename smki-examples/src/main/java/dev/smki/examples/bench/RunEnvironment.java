package dev.smki.examples.bench;

import java.lang.management.ManagementFactory;

/**
 * The machine and JVM a benchmark ran on: Java version, VM, cores the JVM may use, maximum heap, and the
 * system load average when the benchmark started and ended (negative where the system does not report it).
 *
 * @param javaVersion {@code Runtime.version()}
 * @param vm the VM name and vendor
 * @param cores {@code Runtime.availableProcessors()}
 * @param maxHeapBytes {@code Runtime.maxMemory()}
 * @param loadAverageAtStart the one-minute system load average before the benchmark
 * @param loadAverageAtEnd the one-minute system load average after it
 */
public record RunEnvironment(
        String javaVersion,
        String vm,
        int cores,
        long maxHeapBytes,
        double loadAverageAtStart,
        double loadAverageAtEnd) {

    /** Returns the environment now, with the current load average as both start and end. */
    public static RunEnvironment now() {
        double load = loadAverage();
        return new RunEnvironment(
                Runtime.version().toString(),
                System.getProperty("java.vm.name") + " (" + System.getProperty("java.vm.vendor") + ")",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory(),
                load,
                load);
    }

    /** Returns this environment with the load average now as its end. */
    public RunEnvironment ended() {
        return new RunEnvironment(javaVersion, vm, cores, maxHeapBytes, loadAverageAtStart, loadAverage());
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
