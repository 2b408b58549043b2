package dev.smki.recovery.plan;

import dev.smki.recovery.custody.Quorum;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The Key Custodians, their quorum and attendance.
 *
 * @param quorum the quorum M of N; N custodians are on the roster
 * @param custodians the roster
 * @param noticeLeadTime how long before the first session the custodians are notified (from T1.notify, or from
 *     the start when the procedure has no notification step)
 * @param lateBy how late a late custodian arrives: after the first attempt to activate the key
 * @param reconvene whether the custodians meet again at a later session when the quorum is not reached
 * @param reconveneAfter how long after a failed session the next one is held
 * @param attendance who comes to which session, and how
 */
public record CustodyPlan(
        Quorum quorum,
        List<CustodianPlan> custodians,
        Duration noticeLeadTime,
        Duration lateBy,
        boolean reconvene,
        Duration reconveneAfter,
        List<AttendancePlan> attendance) {

    /**
     * Checks the components.
     *
     * @param quorum the quorum M of N; N custodians are on the roster
     * @param custodians the roster
     * @param noticeLeadTime how long before the first session the custodians are notified (from T1.notify, or from the
     *     start when the procedure has no notification step)
     * @param lateBy how late a late custodian arrives: after the first attempt to activate the key
     * @param reconvene whether the custodians meet again at a later session when the quorum is not reached
     * @param reconveneAfter how long after a failed session the next one is held
     * @param attendance who comes to which session, and how
     * @throws NullPointerException when a component is null
     */
    public CustodyPlan {
        Objects.requireNonNull(quorum, "quorum");
        custodians = List.copyOf(custodians);
        Objects.requireNonNull(noticeLeadTime, "noticeLeadTime");
        Objects.requireNonNull(lateBy, "lateBy");
        Objects.requireNonNull(reconveneAfter, "reconveneAfter");
        attendance = List.copyOf(attendance);
    }

    /**
     * {@return the default custody for {@code quorum}: N custodians KC-01.., the first M attending session 1}
     *
     * @param quorum the custody quorum
     */
    public static CustodyPlan of(Quorum quorum) {
        List<CustodianPlan> roster = new ArrayList<>();
        List<AttendancePlan> attending = new ArrayList<>();
        for (int i = 1; i <= quorum.n(); i++) {
            String id = String.format(Locale.ROOT, "KC-%02d", i);
            roster.add(new CustodianPlan(id, "Party " + (char) ('A' + (i - 1) % 26)));
            if (i <= quorum.m()) {
                attending.add(new AttendancePlan(id, 1, AttendanceOutcome.ATTENDS));
            }
        }
        return new CustodyPlan(
                quorum, roster, Duration.ZERO, Duration.ofHours(1), false, Duration.ofDays(1), attending);
    }

    /**
     * {@return a copy with {@code newAttendance}}
     *
     * @param newAttendance who attends which session
     */
    public CustodyPlan withAttendance(List<AttendancePlan> newAttendance) {
        return new CustodyPlan(quorum, custodians, noticeLeadTime, lateBy, reconvene, reconveneAfter, newAttendance);
    }

    /**
     * {@return a copy that does (or does not) reconvene}
     *
     * @param again whether to reconvene
     */
    public CustodyPlan withReconvene(boolean again) {
        return new CustodyPlan(quorum, custodians, noticeLeadTime, lateBy, again, reconveneAfter, attendance);
    }
}
