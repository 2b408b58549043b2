/**
 * Benchmarks of the library against raw Bouncy Castle doing the same work, run by {@code ./smki bench}: issuing
 * Device Certificates, linting them, and signing and applying Update Security Credentials commands across a
 * fleet, with the fleet's heap per Device.
 *
 * <p>Each benchmark warms up, then runs alternating rounds of the baseline and the library in one process and
 * reports the median throughput of each side and the ratio of the medians, next to the project's targets. The
 * targets are reported as PASS or MISS and never make the command fail.
 */
package dev.smki.examples.bench;
