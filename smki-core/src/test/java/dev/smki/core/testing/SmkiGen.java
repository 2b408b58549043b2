package dev.smki.core.testing;

import dev.smki.core.identity.CellUsage;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.Eui64Range;
import dev.smki.core.identity.RemotePartyRole;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * QuickTheories generators for SMKI values, shared by every module's property tests through smki-core's
 * test jar, so all properties draw from the same sources.
 */
public final class SmkiGen {

    private SmkiGen() {}

    /** Any EUI-64, with the edges (all zeros, all ones, the signed boundary) drawn often. */
    public static Gen<Eui64> eui64s() {
        return SourceDSL.longs()
                .all()
                .mix(SourceDSL.integers().between(0, 3).map(i -> switch (i) {
                    case 0 -> 0L;
                    case 1 -> -1L;
                    case 2 -> Long.MAX_VALUE;
                    default -> Long.MIN_VALUE;
                }))
                .map(Eui64::of);
    }

    /** EUI-64s drawn from a small window, so that generated ranges often meet, touch and overlap. */
    public static Gen<Eui64> eui64sNear(long base, int window) {
        return SourceDSL.integers().between(0, window - 1).map(offset -> Eui64.of(base + offset));
    }

    /** Ranges whose ends lie in a small window above {@code base}, so that ranges often overlap. */
    public static Gen<Eui64Range> eui64RangesNear(long base, int window) {
        return eui64sNear(base, window)
                .zip(
                        eui64sNear(base, window),
                        (a, b) -> a.compareTo(b) <= 0 ? Eui64Range.of(a, b) : Eui64Range.of(b, a));
    }

    /** Any Remote Party Role. */
    public static Gen<RemotePartyRole> roles() {
        return SourceDSL.arbitrary().enumValues(RemotePartyRole.class);
    }

    /** The Remote Party Roles an Organisation (end-entity) certificate may carry: all but Root and Issuing. */
    public static Gen<RemotePartyRole> endEntityRoles() {
        return roles().assuming(role -> !role.isCertificateAuthority());
    }

    /** Either key usage. */
    public static Gen<CertificateUsage> keyUsages() {
        return SourceDSL.arbitrary().enumValues(CertificateUsage.class);
    }

    /** Any GBCS device type. */
    public static Gen<DeviceType> deviceTypes() {
        return SourceDSL.arbitrary().enumValues(DeviceType.class);
    }

    /** Either cell usage. */
    public static Gen<CellUsage> cellUsages() {
        return SourceDSL.arbitrary().enumValues(CellUsage.class);
    }
}
