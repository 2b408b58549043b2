package dev.smki.recovery.plan;

import dev.smki.recovery.custody.Quorum;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code custody} section of a plan: the quorum, the roster and who attends which session.
 * Each problem is reported to the {@link PlanReader} with where it is.
 */
final class CustodySection {

    private CustodySection() {}

    static CustodyPlan custody(PlanReader r, PlanNode map, ExercisePlan base) {
        r.known(map, "quorum", "custodians", "noticeLeadTime", "lateBy", "reconvene", "reconveneAfter", "attendance");
        CustodyPlan b = base == null ? null : base.custody();
        Quorum quorum = r.parsed(map, "quorum", b == null ? null : b.quorum(), "M/N, such as 3/5", Quorum::parse);
        List<CustodianPlan> custodians = b == null ? null : b.custodians();
        PlanNode rosterAt = map.fields.get("custodians");
        if (rosterAt != null) {
            custodians = new ArrayList<>();
            if (!rosterAt.isList()) {
                r.problem(rosterAt, "custodians is a list of custodians, each with id and party");
            } else {
                for (PlanNode c : rosterAt.items) {
                    if (!c.isMap()) {
                        r.problem(c, "a custodian is a map with id and party");
                        continue;
                    }
                    r.known(c, "id", "party");
                    String id = r.text(c, "id", null);
                    String party = r.text(c, "party", null);
                    if (id != null && party != null) {
                        custodians.add(new CustodianPlan(id, party));
                    }
                }
            }
        } else if (b == null) {
            r.problem(map, "'custodians' is missing");
        } else if (quorum != null && !quorum.equals(b.quorum())) {
            custodians = CustodyPlan.of(quorum).custodians();
        }
        Duration lead = r.duration(map, "noticeLeadTime", b == null ? null : b.noticeLeadTime());
        Duration late = r.duration(map, "lateBy", b == null ? null : b.lateBy());
        Boolean reconvene = r.parsed(map, "reconvene", b == null ? null : b.reconvene(), "true or false", t -> {
            if (!t.equals("true") && !t.equals("false")) {
                throw new IllegalArgumentException(t);
            }
            return Boolean.parseBoolean(t);
        });
        Duration reconveneAfter = r.duration(map, "reconveneAfter", b == null ? null : b.reconveneAfter());
        List<AttendancePlan> attendance = b == null ? null : b.attendance();
        PlanNode attendanceAt = map.fields.get("attendance");
        if (attendanceAt != null) {
            attendance = new ArrayList<>();
            if (!attendanceAt.isList()) {
                r.problem(attendanceAt, "attendance is a list of custodian, session and outcome");
            } else {
                for (PlanNode a : attendanceAt.items) {
                    if (!a.isMap()) {
                        r.problem(a, "an attendance is a map with custodian, session and outcome");
                        continue;
                    }
                    r.known(a, "custodian", "session", "outcome");
                    String custodian = r.text(a, "custodian", null);
                    Integer session = r.parsed(a, "session", 1, "a session number from 1", Integer::parseInt);
                    AttendanceOutcome outcome =
                            r.enumValue(a, "outcome", AttendanceOutcome.class, AttendanceOutcome.ATTENDS);
                    if (session != null && session < 1) {
                        r.problem(a.fields.get("session"), "sessions are numbered from 1");
                    }
                    if (custodian != null) {
                        attendance.add(new AttendancePlan(custodian, session, outcome));
                    }
                }
            }
        } else if (b == null) {
            r.problem(map, "'attendance' is missing");
        } else if (quorum != null && !quorum.equals(b.quorum())) {
            attendance = CustodyPlan.of(quorum).attendance();
        }
        if (r.hasProblems()) {
            return null;
        }
        return new CustodyPlan(quorum, custodians, lead, late, reconvene, reconveneAfter, attendance);
    }
}
