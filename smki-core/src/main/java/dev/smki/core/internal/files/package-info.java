/**
 * Durable file writing shared inside the library: whole-or-nothing replacement, create-new, appends and
 * renames, each forced to the storage device with its directory; not exported.
 */
package dev.smki.core.internal.files;
