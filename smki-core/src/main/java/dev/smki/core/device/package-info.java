/**
 * Simulated Devices: their trust-anchor cells and sequence-number floors, the signed GBCS CS02b "Update
 * Security Credentials" command and the rules by which a Device accepts it, and fleets of a million Devices that
 * share their credentials. Start at {@link dev.smki.core.device.Fleet} or {@link dev.smki.core.device.Device}.
 */
package dev.smki.core.device;
