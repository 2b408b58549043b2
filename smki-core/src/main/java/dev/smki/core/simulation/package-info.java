/**
 * What makes a simulation reproducible: its seed ({@link dev.smki.core.simulation.SimulationSeed}), from which every
 * key, serial number, shuffle and injected failure is derived under a label, and its clock ({@link
 * dev.smki.core.simulation.SettableClock}), which stands still until whoever drives the simulation (or a test)
 * moves it.
 */
@NullMarked
package dev.smki.core.simulation;

import org.jspecify.annotations.NullMarked;
