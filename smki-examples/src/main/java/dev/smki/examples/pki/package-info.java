/** Runnable examples of the test PKI: issuing conforming and deliberately broken SMKI certificates. */
package dev.smki.examples.pki;
