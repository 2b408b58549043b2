package dev.smki.core.profile;

import java.util.EnumSet;
import java.util.Set;

/** The sets of profiles rules apply to. */
final class Scope {

    /** Every certificate profile: all but the Device CSR. */
    static final Set<ProfileKind> CERTIFICATES = EnumSet.complementOf(EnumSet.of(ProfileKind.DEVICE_CSR));

    /** The self-signed roots of the two hierarchies. */
    static final Set<ProfileKind> ROOTS = EnumSet.of(ProfileKind.ROOT_OCA, ProfileKind.ROOT_DCA);

    /** Every certificate issued by another CA. */
    static final Set<ProfileKind> ISSUED =
            EnumSet.of(ProfileKind.ISSUING_OCA, ProfileKind.ISSUING_DCA, ProfileKind.ORGANISATION, ProfileKind.DEVICE);

    /** The two Device-side CAs. */
    static final Set<ProfileKind> DCAS = EnumSet.of(ProfileKind.ROOT_DCA, ProfileKind.ISSUING_DCA);

    static final Set<ProfileKind> ROOT_OCA = EnumSet.of(ProfileKind.ROOT_OCA);
    static final Set<ProfileKind> ISSUING_OCA = EnumSet.of(ProfileKind.ISSUING_OCA);
    static final Set<ProfileKind> ISSUING_DCA = EnumSet.of(ProfileKind.ISSUING_DCA);
    static final Set<ProfileKind> ORGANISATION = EnumSet.of(ProfileKind.ORGANISATION);
    static final Set<ProfileKind> DEVICE = EnumSet.of(ProfileKind.DEVICE);
    static final Set<ProfileKind> DEVICE_CSR = EnumSet.of(ProfileKind.DEVICE_CSR);
    static final Set<ProfileKind> ALL = EnumSet.allOf(ProfileKind.class);

    private Scope() {}
}
