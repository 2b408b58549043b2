/**
 * Durable file writing shared inside the library: whole-or-nothing replacement, create-new, appends and
 * renames, each forced to the storage device with its directory; not exported beyond the recovery module.
 */
package dev.smki.core.internal.files;
