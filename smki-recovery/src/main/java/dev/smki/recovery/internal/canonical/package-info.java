/** The canonical JSON encoding and hash shared by procedure definitions and journals; not exported. */
package dev.smki.recovery.internal.canonical;
