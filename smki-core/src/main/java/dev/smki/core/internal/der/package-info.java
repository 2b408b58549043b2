/**
 * DER building blocks of SMKI certificates shared inside the library: X.509 times, key identifiers, names,
 * the hardware module name, and PEM text; not exported.
 */
package dev.smki.core.internal.der;
