package dev.smki.core.issuance;

import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.Eui64Range;
import dev.smki.core.identity.RemotePartyRole;
import java.util.Objects;

/**
 * The EUI-64s the test PKI gives simulated Parties and Devices by default, all in a clearly simulated,
 * locally administered block from {@code 02-53-4D-4B-49-00-00-00} ({@code 02} then ASCII {@code SMKI}), never a DCC
 * or manufacturer identifier.
 *
 * <ul>
 *   <li>Parties: {@code 02-53-4D-4B-49-<role code>-00-01}, for example {@code 02-53-4D-4B-49-02-00-01} for
 *       the Supplier and {@code 02-53-4D-4B-49-7F-00-01} for Other.
 *   <li>Devices: {@link #DEVICES}, {@code 02-53-4D-4B-49-80-00-00} to {@code 02-53-4D-4B-4D-7F-FF-FF}
 *       (67,108,864 identifiers, 2<sup>26</sup>: twice Great Britain's 30 million or so SMETS2 Devices). Its size is
 *       the one limit on simulated fleets, shared by the command line and exercise plans; the first 8,388,608 are
 *       those of earlier versions, so a fleet of that size or less has the same identifiers as before.
 * </ul>
 */
public final class SimulatedEui64s {

    /** The whole simulated block, {@code 02-53-4D-4B-49-00-00-00..02-53-4D-4B-4D-7F-FF-FF}. */
    public static final Eui64Range BLOCK =
            Eui64Range.of(Eui64.parse("02-53-4D-4B-49-00-00-00"), Eui64.parse("02-53-4D-4B-4D-7F-FF-FF"));

    /**
     * The simulated Device identifiers, {@code 02-53-4D-4B-49-80-00-00..02-53-4D-4B-4D-7F-FF-FF}: 67,108,864, the
     * most Devices a simulated fleet may have.
     */
    public static final Eui64Range DEVICES =
            Eui64Range.of(Eui64.parse("02-53-4D-4B-49-80-00-00"), Eui64.parse("02-53-4D-4B-4D-7F-FF-FF"));

    private SimulatedEui64s() {}

    /**
     * {@return the default simulated Party identifier of {@code role}, {@code 02-53-4D-4B-49-<code>-00-01}}
     *
     * @param role an end-entity Remote Party Role
     */
    public static Eui64 party(RemotePartyRole role) {
        Objects.requireNonNull(role, "role");
        return Eui64.of(BLOCK.first().value() | ((long) role.code() << 16) | 1L);
    }

    /**
     * {@return the {@code index}-th simulated Device identifier, counting from 0 at
     * {@code 02-53-4D-4B-49-80-00-00}}
     *
     * @param index the Device's place in the block, from 0
     * @throws IllegalArgumentException when {@code index} is negative or past the block
     */
    public static Eui64 device(long index) {
        if (index < 0 || index > DEVICES.last().value() - DEVICES.first().value()) {
            throw new IllegalArgumentException("Simulated device index out of range 0.."
                    + (DEVICES.last().value() - DEVICES.first().value()) + ": " + index);
        }
        return DEVICES.first().plus(index);
    }
}
