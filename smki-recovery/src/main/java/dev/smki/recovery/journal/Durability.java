package dev.smki.recovery.journal;

/** Whether a file journal forces each write to the storage device before the attempt is acknowledged. */
public enum Durability {
    /**
     * Every append is forced to the device ({@code FileChannel.force}) before the attempts it holds are
     * acknowledged, so an acknowledged attempt survives a crash of the process or the machine.
     */
    FORCED,
    /**
     * Appends are left to the operating system to write back; an acknowledged attempt survives a crash of the
     * process but not of the machine. For simulations where durability is not the point.
     */
    UNFORCED
}
