/** Runnable examples of revocation: the Supplier of Last Resort delay, revocation requests and the CRL. */
package dev.smki.examples.revocation;
