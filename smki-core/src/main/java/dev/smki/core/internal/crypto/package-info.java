/** Cryptographic plumbing shared inside the library; not exported. */
package dev.smki.core.internal.crypto;
