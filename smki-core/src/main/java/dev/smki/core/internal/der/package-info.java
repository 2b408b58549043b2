/**
 * DER building blocks of SMKI certificates shared inside the library: X.509 times, key identifiers, names
 * and the hardware module name; not exported.
 */
package dev.smki.core.internal.der;
