package org.ehiaccess.reporting.support;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A clinic's fourth quarter of 2026 (America/New_York), as events. The figures it must give are worked out by hand in
 * the tests that use it; the comments here say what each request contributes.
 * <p>
 * 20 requests received in the quarter: 8 patient (P1-P8), 6 attorney_or_court (A1-A6), 4 payer (Y1-Y4), 2
 * personal_representative (R1-R2), plus Q, received 2026-09-30 22:00 New York time (2026-10-01 02:00 UTC), which
 * belongs to the third quarter. Five complaints C1-C5 (C5 logged in the third quarter).
 */
public final class SeededClinic {

    public final Events events;
    public final UUID p1, p2, p7, p8, a1, a2, a3, a4, a5, a6, y4, r2, q;
    public final UUID c1, c2, c3, c4, c5;

    static final Instant BASE = Instant.parse("2026-10-05T14:00:00Z"); // 10:00 in New York

    public SeededClinic(String clinicId) {
        events = new Events(clinicId);
        Events e = events;
        // patients: fulfilled after 0, 2, 5, 10, 3, 7 and 30 days (HIPAA clock met with the answer; P7 late); P8 denied (infeasibility, 171.204) after 35 days
        p1 = fulfilledPatient(0, "other", 0);
        e.event(p1, "request.changed", at(0).plusSeconds(60), "channel", "portal"); // corrected: counts as portal
        p2 = UUID.randomUUID();
        e.event(p2, "request.received", at(1), "channel", "portal", "requesterType", "patient");
        e.clock(p2, at(1), "hipaa_access", 30);
        e.status(p2, at(1).plus(days(1)), "in_review");
        e.status(p2, at(1).plus(days(2)), "fulfilled");
        e.event(p2, "clock.met", at(1).plus(days(2)), "clock", "hipaa_access");
        fulfilledPatient(2, "portal", 5);
        fulfilledPatient(3, "portal", 10);
        fulfilledPatient(4, "portal", 3);
        fulfilledPatient(5, "fax", 7);
        // P7: fulfilled on day 30, its HIPAA clock reported missed (late)
        p7 = e.received(at(6), "fax", "patient");
        Instant due7 = e.clock(p7, at(6), "hipaa_access", 30);
        e.event(p7, "clock.missed", due7, "clock", "hipaa_access");
        e.status(p7, at(6).plus(days(30)), "fulfilled");
        e.event(p7, "clock.met", at(6).plus(days(30)), "clock", "hipaa_access");
        // P8: denied on day 35; the HIPAA clock met after its deadline (late), the 171.204(b) notice on time
        p8 = e.received(at(7), "email", "patient");
        e.clock(p8, at(7), "hipaa_access", 30);
        e.clock(p8, at(7).plus(days(1)), "infeasibility_notice", 10);
        e.event(p8, "clock.met", at(7).plus(days(5)), "clock", "infeasibility_notice");
        e.signed(p8, at(7).plus(days(4)), "part171_exception", "171.204");
        e.letterSent(p8, at(7).plus(days(5)));
        e.status(p8, at(7).plus(days(35)), "denied");
        e.event(p8, "clock.met", at(7).plus(days(35)), "clock", "hipaa_access");

        // attorneys: A1-A5 denied, A6 fulfilled after 20 days
        a1 = e.received(at(8), "mail", "attorney_or_court");
        e.status(a1, at(8).plus(days(1)), "in_review");
        e.signed(a1, at(8).plus(days(2)), "required_by_law", null);
        e.letterSent(a1, at(8).plus(days(3)));
        e.status(a1, at(8).plus(days(3)), "denied");
        a2 = e.received(at(9), "mail", "attorney_or_court");
        e.signed(a2, at(9).plus(days(2)), "required_by_law", null); // signed, letter never sent
        e.status(a2, at(9).plus(days(3)), "denied");
        a3 = e.received(at(10), "mail", "attorney_or_court");
        e.signed(a3, at(10).plus(days(2)), "part171_exception", "171.202");
        e.letterSent(a3, at(10).plus(days(3)));
        e.status(a3, at(10).plus(days(3)), "denied");
        a4 = e.received(at(11), "fax", "attorney_or_court"); // denied with no signed decision
        e.status(a4, at(11).plus(days(3)), "denied");
        a5 = e.received(at(12), "fax", "attorney_or_court"); // denied with no signed decision
        e.status(a5, at(12).plus(days(3)), "denied");
        a6 = e.received(at(13), "fax", "attorney_or_court");
        e.status(a6, at(13).plus(days(20)), "fulfilled");

        // payers: internal target of 3 days; fulfilled after 1, 4, 15 days, Y4 partially (out of scope) after 40
        payer(14, 1, "fulfilled");
        payer(15, 4, "fulfilled");
        payer(16, 15, "fulfilled");
        y4 = payer(17, 40, "partially_fulfilled");
        e.signed(y4, at(17).plus(days(10)), "out_of_scope", null);
        e.letterSent(y4, at(17).plus(days(40)));

        // personal representatives: R1 fulfilled after 12 days, R2 withdrawn; both HIPAA clocks still open
        UUID r1 = e.received(at(18), "phone", "personal_representative");
        e.clock(r1, at(18), "hipaa_access", 30);
        e.status(r1, at(18).plus(days(12)), "fulfilled");
        Instant lastEvening = Instant.parse("2027-01-01T04:30:00Z"); // 2026-12-31 23:30 in New York
        r2 = e.received(lastEvening, "in_person", "personal_representative");
        e.clock(r2, lastEvening, "hipaa_access", 30);
        e.status(r2, lastEvening.plus(days(1)), "withdrawn");

        // Q: the third quarter's only request, fulfilled after 2 days
        q = e.received(Instant.parse("2026-10-01T02:00:00Z"), "portal", "patient");
        e.status(q, Instant.parse("2026-10-03T02:00:00Z"), "fulfilled");

        // complaints
        c1 = complaint(Instant.parse("2026-10-10T15:00:00Z"), a4);
        e.event(null, "complaint.updated", Instant.parse("2026-11-01T15:00:00Z"), "complaintId", c1.toString(),
                "complaintStatus", "resolved", "outcome", "upheld");
        c2 = complaint(Instant.parse("2026-11-02T15:00:00Z"), p2);
        e.event(null, "complaint.updated", Instant.parse("2026-11-03T15:00:00Z"), "complaintId", c2.toString(),
                "linkedRequestId", null); // linked by mistake, then unlinked
        c3 = complaint(Instant.parse("2026-11-20T15:00:00Z"), p1);
        e.event(null, "complaint.updated", Instant.parse("2026-12-01T15:00:00Z"), "complaintId", c3.toString(),
                "complaintStatus", "resolved", "outcome", "resolved_informally");
        c4 = UUID.randomUUID();
        e.event(null, "complaint.logged", Instant.parse("2026-12-01T15:00:00Z"), "complaintId", c4.toString(),
                "complaintSource", "hhs_ocr", "complaintStatus", "resolved", "outcome", "not_upheld",
                "linkedRequestId", a1.toString());
        c5 = complaint(Instant.parse("2026-09-15T15:00:00Z"), null);
    }

    private UUID fulfilledPatient(int day, String channel, int daysToFulfill) {
        UUID id = events.received(at(day), channel, "patient");
        events.clock(id, at(day), "hipaa_access", 30);
        events.status(id, at(day).plus(days(daysToFulfill)), "fulfilled");
        events.event(id, "clock.met", at(day).plus(days(daysToFulfill)), "clock", "hipaa_access");
        return id;
    }

    private UUID payer(int day, int daysToAnswer, String status) {
        UUID id = events.received(at(day), "payer_portal", "payer");
        events.clock(id, at(day), "internal_target", 3);
        events.status(id, at(day).plus(days(daysToAnswer)), status);
        events.event(id, "clock.met", at(day).plus(days(daysToAnswer)), "clock", "internal_target");
        return id;
    }

    private UUID complaint(Instant at, UUID linked) {
        UUID id = UUID.randomUUID();
        if (linked == null) {
            events.event(null, "complaint.logged", at, "complaintId", id.toString(), "complaintSource", "patient");
        } else {
            events.event(null, "complaint.logged", at, "complaintId", id.toString(), "complaintSource", "patient",
                    "linkedRequestId", linked.toString());
        }
        return id;
    }

    static Instant at(int day) {
        return BASE.plus(days(day));
    }

    static Duration days(int n) {
        return Duration.ofDays(n);
    }
}
