/**
 * Simulated Devices: their trust-anchor cells and sequence-number floors, the GBCS CS02b "Update Security
 * Credentials" command they receive as real GBCS messages ({@link dev.smki.core.device.SignedCommand}, read and
 * written by {@link dev.smki.core.device.Cs02bMessages} over the {@code dev.smki.core.gbcs} message layer), the
 * DEV rules by which a Device accepts it, the signed response it answers with, and fleets of a million Devices
 * that share their credentials. Start at {@link dev.smki.core.device.Fleet} or {@link dev.smki.core.device.Device}.
 *
 * <p>Devices are made from certificates and keys ({@link dev.smki.core.device.DeviceProvisioning}), never from a
 * PKI: the test PKI hands over its own with {@code TestPki.deviceProvisioning()}, and this package does not
 * depend on {@code dev.smki.core.issuance} (an architecture test holds it to that).
 */
@NullMarked
package dev.smki.core.device;

import org.jspecify.annotations.NullMarked;
